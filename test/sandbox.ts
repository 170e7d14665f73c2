/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- a command-line tool (test code, not shipped) */
// Sandbox: the fake iClosed server with demo data, to try the nodes without an iClosed account
// (test code, not shipped). Build with `npx tsc -p tsconfig.scripts.json`, run `node build/test/sandbox.js`.
import { startFakeIClosed } from './fake-iclosed';
import { sandboxEventCommand } from './fake-iclosed/routes/sandbox';

async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? process.env.PORT ?? 4010);
	const fake = await startFakeIClosed({ port, seed: 'demo' });
	console.log(`Fake iClosed API listening on ${fake.baseUrl} (routes under /v1)`);
	console.log(`API key: ${fake.apiKey}`);
	console.log('In n8n: credential "iClosed API" → Environment "Custom", Base URL above, the key above.');
	console.log(`Try: curl -H "Authorization: Bearer ${fake.apiKey}" ${fake.baseUrl}/v1/events`);
	console.log(`Send a test event to your iClosed Triggers (listening or published): ${sandboxEventCommand(port)}`);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping`);
		fake.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
