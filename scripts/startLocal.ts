/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// `npm start` / `npm run dev` (not shipped; run by scripts/start-local.sh): the iClosed sandbox (the
// fake iClosed server with demo data) and a local n8n with this package, ready to log in. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { repoRoot } from '../e2e/lib/exampleWorkflows';
import { installDevPackage, installPackageTarball } from '../e2e/lib/installPackage';
import { N8nClient } from '../e2e/lib/n8nClient';
import { N8nProcess } from '../e2e/lib/n8nProcess';
import { SANDBOX_EVENTS, startFakeIClosed } from '../test/fake-iclosed';
import type { FakeIClosed } from '../test/fake-iclosed';
import { sandboxEventCommand, unknownSandboxEvent } from '../test/fake-iclosed/routes/sandbox';
import { LOCAL_OWNER, prepareInstance } from './local/prepareInstance';

const say = (line = '') => process.stdout.write(`${line}\n`);

function env(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run this through "npm start" (scripts/start-local.sh)`);
	return value;
}

const ROOT = repoRoot();
const DEV = process.env.LOCAL_MODE === 'dev';
const USER_FOLDER = join(ROOT, '.n8n-local');
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);

/** `npm run dev`: tsc rebuilds the nodes straight into the installed package; n8n hot-reloads them. */
function startTscWatch(packageDir: string): ChildProcess {
	const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	return spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput', '--outDir', join(packageDir, 'dist')], {
		cwd: ROOT,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
}

/** Also, in an interactive terminal: type an event name and Enter, and the sandbox sends it. */
function listenForEvents(fake: FakeIClosed): void {
	if (!process.stdin.isTTY) return;
	say(`Or type an event name here and press Enter: ${SANDBOX_EVENTS.join(', ')}.`);
	createInterface({ input: process.stdin }).on('line', (line) => {
		const event = line.trim();
		if (!event) return;
		const unknown = unknownSandboxEvent(event);
		if (unknown) {
			say(unknown);
			return;
		}
		fake.deliver(event, { sign: true }).then(
			(results) =>
				say(results.length ? results.map((r) => `${event} → ${r.url}: HTTP ${r.status}`).join('\n') : `No iClosed Trigger listens to ${event}: publish a workflow, or click "Execute step" on its trigger.`),
			(error: Error) => say(`Delivery failed: ${error.message}`),
		);
	});
}

/** A line at least every 20 s while `work` runs, so a slow first start never looks stuck. */
async function withProgress<T>(step: string, work: Promise<T>): Promise<T> {
	const t0 = Date.now();
	const timer = setInterval(() => say(`   … ${step} (${Math.round((Date.now() - t0) / 1000)} s)`), 20_000);
	try {
		return await work;
	} finally {
		clearInterval(timer);
	}
}

async function main(): Promise<void> {
	const runtime = { version: env('LOCAL_N8N_VERSION'), n8nBin: env('LOCAL_N8N_BIN'), nodeBinDir: env('LOCAL_NODE_BIN_DIR') };
	const packageDir = DEV ? installDevPackage(USER_FOLDER, ROOT) : installPackageTarball(USER_FOLDER, env('LOCAL_PACKAGE_TGZ'));
	const tscWatch = DEV ? startTscWatch(packageDir) : undefined;
	const fake = await startFakeIClosed({ port: SANDBOX_PORT, seed: 'demo' });
	const n8n = new N8nProcess({
		runtime,
		userFolder: USER_FOLDER,
		port: N8N_PORT,
		brokerPort: N8N_PORT + 1,
		logFile: join(USER_FOLDER, 'n8n.log'),
		extraEnv: DEV ? { N8N_DEV_RELOAD: 'true' } : {},
	});

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox…');
		tscWatch?.kill('SIGTERM');
		await n8n.stop();
		await fake.close();
		say('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	say(`iClosed sandbox on ${fake.baseUrl}; starting n8n ${runtime.version} (log: .n8n-local/n8n.log)…`);
	await withProgress('n8n is starting (the first start sets up its database: about a minute)', n8n.start());
	const client = new N8nClient(n8n.baseUrl);
	const { imported } = await prepareInstance(client, { apiKey: fake.apiKey, environment: 'custom', baseUrl: fake.baseUrl });

	say('');
	say(`n8n is ready: ${n8n.baseUrl}`);
	say(`Log in with ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password} (a local sandbox login)`);
	say(`Credential "iClosed sandbox" points at the sandbox (${fake.baseUrl}, demo data, resets on restart).`);
	say(imported.length ? `Imported example workflows: ${imported.join('; ')}` : 'Example workflows: already imported.');
	if (DEV) say('Dev mode: edit nodes/ or credentials/; tsc rebuilds and n8n reloads the nodes (refresh the editor).');
	say('');
	say('Send a sandbox event to your iClosed Triggers (a published workflow, or a trigger after "Execute step"):');
	say(`  ${sandboxEventCommand(SANDBOX_PORT)}`);
	listenForEvents(fake);
	say('Press Ctrl-C to stop.');

	// n8n dying on its own (port taken, crash) ends the session too.
	while (!stopping && n8n.running) await new Promise((resolve) => setTimeout(resolve, 1000));
	if (!stopping) {
		say(`n8n stopped unexpectedly; the end of its log:\n${n8n.logTail(30)}`);
		await stop(1);
	}
}

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
