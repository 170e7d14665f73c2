/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// End-to-end test code (never shipped): puts the packed package into an n8n user folder the way n8n's
// own community-package installer does (n8n 2.8.4, modules/community-packages/community-packages.service.js).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

	const packageJsonPath = join(packageDir, 'package.json');
	const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete packageJson[key];
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	execFileSync('npm', ['install', ...N8N_NPM_INSTALL_ARGS], { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] });

	const nodesPackageJson = join(nodesDir, 'package.json');
	const nodesPackage: { dependencies?: Record<string, string> } = existsSync(nodesPackageJson)
		? JSON.parse(readFileSync(nodesPackageJson, 'utf8'))
		: { name: 'installed-nodes', private: true };
	nodesPackage.dependencies = { ...nodesPackage.dependencies, [manifest.name]: manifest.version };
	writeFileSync(nodesPackageJson, JSON.stringify(nodesPackage, null, 2));
	return packageDir;
}
