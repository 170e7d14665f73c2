#!/usr/bin/env node
// Some npm registries (mirrors in particular) lack the non-Linux builds of some platform-specific optional
// packages (e.g. @unrs/resolver-binding-darwin-arm64). Installing from one, `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lockfile ("Missing: … from lock file"). This adds a lock entry for each
// missing optional dependency, with the os/cpu/libc its name declares, so `npm ci` skips it on other
// platforms exactly as it would with a complete lockfile. Run after any `npm install`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x', wasm32: 'wasm32' };

function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((p) => OS.includes(p));
	const cpu = parts.map((p) => CPU[p]).find(Boolean);
	const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
	return { os, cpu, libc };
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
	for (const [dep, range] of Object.entries(meta.optionalDependencies || {})) {
		const parent = location === '' ? '' : `${location}/`;
		const candidates = [`${parent}node_modules/${dep}`, `node_modules/${dep}`];
		if (candidates.some((c) => packages[c])) continue;
		const { os, cpu, libc } = platformOf(dep);
		if (!os || !cpu) continue; // only platform builds are expected to be missing
		packages[`node_modules/${dep}`] = {
			version: range.replace(/^[\^~=]/, ''),
			dev: meta.dev || undefined,
			optional: true,
			os: [os],
			cpu: [cpu],
			...(libc ? { libc: [libc] } : {}),
		};
		added++;
	}
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} platform-specific optional entries to package-lock.json\n`);
