// Test code (never shipped): what the fault-injection tests share — a fake iClosed with 250 contacts and
// a bookable calendar, the action node run in n8n's engine against it, and a record of everything a user
// or a log could see, for the secret search.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startFakeIClosed } from '../../fake-iclosed';
import type { FakeIClosed, RecordedRequest } from '../../fake-iclosed';
import { captureLogs } from '../../harness/hooks';
import type { RunNodeResult } from '../../harness/runNode';
import { runNode } from '../../harness/runNode';
import type { BookingSeed } from './bookingSeed';
import { seedBookableEvent } from './bookingSeed';
import { errorText, leakedSecrets, safeJson } from './secretSearch';

export const FAULTS_KEY = 'iclosed_faults_test_key';
/** The answers slower than the transport's 30 s timeout only run in `npm run test:robustness`. */
// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test code, never shipped
export const itFull = process.env.ICLOSED_ROBUSTNESS_FULL === '1' ? it : it.skip;
export const SLOWER_THAN_TIMEOUT_MS = 31_000;

export interface FaultWorld {
	fake: FakeIClosed;
	booking: BookingSeed;
	run(
		parameters: INodeParameters,
		options?: { items?: IDataObject[]; continueOnFail?: boolean },
	): Promise<RunNodeResult>;
	hits(method: string, path: string): RecordedRequest[];
	/** Calls booked at this UTC start. */
	callsAt(start: string): unknown[];
	/** Names of secrets found in outputs, errors and logs so far. */
	leaks(): string[];
}

/** Registers beforeAll/afterAll/beforeEach hooks and returns the world once they have run. */
export function useFaultWorld(): () => FaultWorld {
	let world: FaultWorld | undefined;
	let close: () => Promise<void> = async () => {};
	beforeAll(async () => {
		const fake = await startFakeIClosed({ apiKeys: [FAULTS_KEY] });
		fake.addContacts(250);
		const booking = seedBookableEvent(fake);
		const logs = captureLogs();
		const seen: string[] = [];
		world = {
			fake,
			booking,
			async run(parameters, options = {}) {
				const result = await runNode({
					parameters,
					credentials: { apiKey: FAULTS_KEY, baseUrl: fake.baseUrl },
					...options,
				});
				seen.push(errorText(result.error), safeJson(result.items.map((i) => i.json)));
				return result;
			},
			hits: (method, path) => fake.requests.filter((r) => r.method === method && r.path === path),
			callsAt: (start) =>
				fake.state.calls.filter((c) => Date.parse(c.startUtc) === Date.parse(start)),
			leaks: () => leakedSecrets([...seen, logs.text()].join('\n'), { 'API key': FAULTS_KEY }),
		};
		close = async () => {
			logs.restore();
			await fake.close();
		};
	});
	afterAll(async () => await close());
	beforeEach(() => {
		world?.fake.clearFaults();
		world?.fake.clearRequests();
	});
	return () => {
		if (!world) throw new Error('fault world not started');
		return world;
	};
}
