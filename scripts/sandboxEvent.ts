/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a command-line tool (not shipped) */
// `npm run sandbox:event -- <event> [--url <webhook URL>]`: asks the running sandbox (`npm start` or
// `npm run sandbox`) to send a realistic iClosed event, built from its demo data and signed, to every
// iClosed Trigger subscribed to it: published workflows and triggers listening for a test event.
import { DEFAULT_API_KEY, SANDBOX_EVENTS } from '../test/fake-iclosed';
import { SANDBOX_EVENTS_PATH, unknownSandboxEvent } from '../test/fake-iclosed/routes/sandbox';

const say = (line = '') => process.stdout.write(`${line}\n`);
const PORT = Number(process.env.SANDBOX_PORT ?? process.env.PORT ?? 4010);
const SANDBOX = `http://127.0.0.1:${PORT}`;

interface Answer {
	deliveries: Array<{ url: string; status: number; body: string }>;
}

function usage(problem?: string): never {
	if (problem) say(problem);
	say('Usage: npm run sandbox:event -- <event> [--url <webhook URL>]');
	say(`Events: ${SANDBOX_EVENTS.join(', ')}`);
	say('Without --url the event goes to every trigger subscribed to it; --url sends it to one webhook URL');
	say('(e.g. a trigger set to Registration → Manual). SANDBOX_PORT picks the sandbox (default 4010).');
	process.exit(2);
}

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const urlAt = args.indexOf('--url');
	const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
	if (urlAt >= 0 && !url) usage('--url needs a webhook URL.');
	const event = args.find((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
	if (!event) usage();
	if (unknownSandboxEvent(event)) usage(`Unknown event "${event}".`);

	let response: Response;
	try {
		response = await fetch(`${SANDBOX}${SANDBOX_EVENTS_PATH}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, 'content-type': 'application/json' },
			body: JSON.stringify(url ? { event, url } : { event }),
		});
	} catch {
		say(`No sandbox answers on ${SANDBOX}. Start one with "npm start" (or "npm run sandbox"); set SANDBOX_PORT if it runs on another port.`);
		return 1;
	}
	if (!response.ok) {
		say(`The sandbox on ${SANDBOX} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
		return 1;
	}
	const { deliveries } = (await response.json()) as Answer;
	if (deliveries.length === 0) {
		say(`No iClosed Trigger listens to ${event} on this sandbox. In n8n, open a workflow whose iClosed Trigger selects`);
		say(`${event} and click "Execute step" (Listen for test event), or publish the workflow; then run this again.`);
		return 1;
	}
	for (const d of deliveries) {
		const answer = d.status === 0 ? `not delivered (${d.body})` : `HTTP ${d.status} ${d.body}`;
		say(`${event} → ${d.url}: ${answer}`);
	}
	return deliveries.every((d) => d.status >= 200 && d.status < 300) ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		say(`sandbox:event failed: ${error.message}`);
		process.exit(1);
	},
);
