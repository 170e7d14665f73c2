/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// End-to-end test code (never shipped): puts the packed package into an n8n user folder the way n8n's
// own community-package installer does (n8n 2.8.4, modules/community-packages/community-packages.service.js).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** n8n's NPM_COMMON_ARGS + NPM_INSTALL_ARGS. */
const N8N_NPM_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
	'--loglevel=error',
];

/**
 * Unpacks `tarball` into `<userFolder>/.n8n/nodes/node_modules/<name>`, drops dev/peer/optional
 * dependencies from its package.json, runs `npm install` inside it, and records it in nodes/package.json:
 * the steps n8n performs after `npm pack <name>@<version>` from the registry. The package then resolves
 * n8n-workflow, zod and luxon from n8n's own node_modules (n8n sets NODE_PATH), exactly as for users.
 * Returns the package directory.
 */
export function installPackageTarball(userFolder: string, tarball: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as {
		name: string;
		version: string;
	};
	const packageDir = join(nodesDir, 'node_modules', manifest.name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	writeInstalledManifest(packageDir, JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')));
	execFileSync('npm', ['install', ...N8N_NPM_INSTALL_ARGS], { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] });
	recordInstalled(nodesDir, manifest);
	return packageDir;
}

/**
 * For `npm run dev`: the same layout, but the package is this repo's package.json and a copy of its
 * dist/, so `tsc --watch --outDir <returned dir>/dist` can rebuild it in place and n8n's hot reload
 * (N8N_DEV_RELOAD) picks the change up. A copy, not a symlink to the repo: through a symlink the
 * nodes would resolve the repo's own n8n-workflow (a devDependency) instead of n8n's.
 */
export function installDevPackage(userFolder: string, repoDir: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const manifest = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')) as { name: string; version: string };
	const packageDir = join(nodesDir, 'node_modules', manifest.name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	cpSync(join(repoDir, 'dist'), join(packageDir, 'dist'), { recursive: true });
	writeInstalledManifest(packageDir, { ...manifest });
	recordInstalled(nodesDir, manifest);
	return packageDir;
}

/** The package.json n8n leaves behind: without dev, peer and optional dependencies. */
function writeInstalledManifest(packageDir: string, packageJson: Record<string, unknown>): void {
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete packageJson[key];
	writeFileSync(join(packageDir, 'package.json'), JSON.stringify(packageJson, null, 2));
}

/** nodes/package.json lists installed community packages, as n8n's installer keeps it. */
function recordInstalled(nodesDir: string, manifest: { name: string; version: string }): void {
	const nodesPackageJson = join(nodesDir, 'package.json');
	const nodesPackage: { dependencies?: Record<string, string> } = existsSync(nodesPackageJson)
		? JSON.parse(readFileSync(nodesPackageJson, 'utf8'))
		: { name: 'installed-nodes', private: true };
	nodesPackage.dependencies = { ...nodesPackage.dependencies, [manifest.name]: manifest.version };
	writeFileSync(nodesPackageJson, JSON.stringify(nodesPackage, null, 2));
}
