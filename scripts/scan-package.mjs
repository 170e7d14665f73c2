// Called by scan-package.sh: node scan-package.mjs <scanner.mjs> <source dir> <unpacked tarball dir>.
//
// Runs the two ESLint passes of @n8n/scan-community-package with its own exported code, so the config
// (rulesets, parser, allowInlineConfig: false) and the plugin versions are exactly the scanner's:
// analyzePackage(sourceDir, SOURCE_FILE_PATTERNS) and analyzePackage(tarballDir, ['**/*.js', 'package.json'])
// are the two calls its analyzePackageByName makes once provenance and the source download pass.
//
// Then one check of our own: every require() in the shipped JS must be relative or on n8n Cloud's
// import allowlist. The scanner's no-restricted-imports rule exempts the package's devDependencies, and
// the tarball keeps devDependencies in package.json, so a test-only library (undici, n8n-core) imported
// by a node would pass the scan and then fail when n8n loads the node (devDependencies are not installed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const [scannerPath, sourceDir, tarballDir] = process.argv.slice(2);
const out = (line = '') => process.stdout.write(`${line}\n`);

// The scanner makes a temp folder when it loads; have it removed at exit.
createRequire(scannerPath)('tmp').setGracefulCleanup();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);

/** n8n Cloud's import allowlist (@n8n/eslint-plugin-community-nodes, no-restricted-imports). */
const ALLOWED_MODULES = new Set(['n8n-workflow', 'lodash', 'moment', 'p-limit', 'luxon', 'zod', 'crypto', 'node:crypto']);

async function lintPass(label, dir, patterns) {
	const started = Date.now();
	const result = await analyzePackage(dir, patterns);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	out(`${result.passed ? 'PASS' : 'FAIL'}  ${label} (${seconds}s)${result.message ? `: ${result.message}` : ''}`);
	if (result.details) out(result.details);
	return result.passed;
}

function listJsFiles(dir) {
	const glob = createRequire(scannerPath)('fast-glob');
	return glob.sync('**/*.js', { cwd: dir, absolute: true, ignore: ['node_modules/**'] });
}

function shippedImportsPass(dir) {
	const problems = [];
	for (const file of listJsFiles(dir)) {
		const code = readFileSync(file, 'utf8');
		for (const match of code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)|\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
			const specifier = match[1] ?? match[2];
			const root = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
			if (specifier.startsWith('.') || ALLOWED_MODULES.has(root)) continue;
			problems.push(`${relative(dir, file)}: require("${specifier}")`);
		}
	}
	out(`${problems.length === 0 ? 'PASS' : 'FAIL'}  shipped JS imports only relative files and n8n Cloud's allowlist`);
	for (const problem of problems) out(`  ${problem}`);
	return problems.length === 0;
}

const manifest = JSON.parse(readFileSync(join(tarballDir, 'package.json'), 'utf8'));
out(`${manifest.name}@${manifest.version}`);
const results = [
	await lintPass('source: package.json, {nodes,credentials}/**/*.{js,ts,json}', sourceDir, SOURCE_FILE_PATTERNS),
	await lintPass('packed tarball: **/*.js, package.json', tarballDir, ['**/*.js', 'package.json']),
	shippedImportsPass(tarballDir),
];
out();
if (results.every(Boolean)) {
	out('The scanner’s lint passes are clean. (Provenance, its first check, only a publish from GitHub Actions can give.)');
} else {
	out('Fix the errors above: n8n’s scanner would reject this package.');
	process.exitCode = 1;
}
