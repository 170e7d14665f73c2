/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a command-line tool (not shipped) */
// `npm run probe -- --environment production|development|custom [--base-url …]`: checks what the package
// assumes about iClosed against a real account (scripts/probe/; README → "What we assume about iClosed").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core keeps its settings (an encryption key) in N8N_USER_FOLDER: a throwaway folder, never ~/.n8n.
// Set before n8n-core is loaded, hence the import below, not at the top.
const userFolder = mkdtempSync(join(tmpdir(), 'iclosed-probe-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';

async function main(): Promise<number> {
	const { runCli } = await import('./probe/cli');
	return await runCli({
		argv: process.argv.slice(2),
		env: process.env,
		stdin: process.stdin,
		stdout: process.stdout,
		stderr: process.stderr,
		onInterrupt: (handler) => process.once('SIGINT', handler),
		// npm run sets it; package.json is not imported, or tsc would copy it into build/.
		packageVersion: process.env.npm_package_version,
	});
}

main().then(
	(code) => {
		rmSync(userFolder, { recursive: true, force: true });
		process.exit(code);
	},
	(error: Error) => {
		rmSync(userFolder, { recursive: true, force: true });
		// The message only (a stack could quote request options), without the key in any form.
		const key = process.env.ICLOSED_API_KEY?.trim();
		let message = String(error?.message ?? error).replace(/iclosed[_-]\S+/gi, '[key]');
		if (key) message = message.split(key).join('[key]');
		process.stderr.write(`The probe failed: ${message}\n`);
		process.exit(1);
	},
);
