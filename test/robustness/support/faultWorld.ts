// Test code (never shipped): what the fault-injection tests share — a fake iClosed with 250 contacts and
// a bookable calendar, the action node run in n8n's engine against it, and a record of everything a user
// or a log could see, for the secret search.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { seedBookableEvent, startFakeIClosed } from '../../fake-iclosed';
import type { BookableEvent, FakeIClosed, RecordedRequest } from '../../fake-iclosed';
import { captureLogs } from '../../harness/hooks';
import type { RunNodeResult } from '../../harness/runNode';
import { runNode } from '../../harness/runNode';
import { errorText, leakedSecrets, safeJson } from './secretSearch';

export const FAULTS_KEY = 'iclosed_faults_test_key';
/** Past the transport's 30 s timeout. */
export const SLOWER_THAN_TIMEOUT_MS = 31_000;
/** Whether the tests that wait out the timeout run (`npm run test:robustness`). */
// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test code, never shipped
export const RUN_SLOW_FAULTS = process.env.ICLOSED_ROBUSTNESS_FULL === '1';

/**
 * No jest globals here: this folder is also compiled by tsconfig.scripts.json (types: node only), so
 * the test files wire `start`/`reset`/`close` into beforeAll/beforeEach/afterAll themselves.
 */
export class FaultWorld {
	fake!: FakeIClosed;

	booking!: BookableEvent;

	private logs?: ReturnType<typeof captureLogs>;

	private readonly seen: string[] = [];

	async start(): Promise<void> {
		this.fake = await startFakeIClosed({ apiKeys: [FAULTS_KEY] });
		this.fake.addContacts(250);
		this.booking = seedBookableEvent(this.fake.state);
		this.logs = captureLogs();
	}

	reset(): void {
		this.fake.clearFaults();
		this.fake.clearRequests();
	}

	async close(): Promise<void> {
		this.logs?.restore();
		await this.fake?.close();
	}

	async run(
		parameters: INodeParameters,
		options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
	): Promise<RunNodeResult> {
		const result = await runNode({
			parameters,
			credentials: { apiKey: FAULTS_KEY, baseUrl: this.fake.baseUrl },
			...options,
		});
		this.seen.push(errorText(result.error), safeJson(result.items.map((i) => i.json)));
		return result;
	}

	hits(method: string, path: string): RecordedRequest[] {
		return this.fake.requests.filter((r) => r.method === method && r.path === path);
	}

	/** Calls booked at this UTC start. */
	callsAt(start: string): unknown[] {
		return this.fake.state.calls.filter((c) => Date.parse(c.startUtc) === Date.parse(start));
	}

	/** Names of secrets found in outputs, errors and logs so far. */
	leaks(): string[] {
		return leakedSecrets([...this.seen, this.logs?.text() ?? ''].join('\n'), {
			'API key': FAULTS_KEY,
		});
	}
}
