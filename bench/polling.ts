/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code, never shipped */
// Benchmark 5 (never shipped): the iClosed Polling Trigger over 10,000 contacts, run in n8n-core's
// PollContext (test/harness/pollWorkflow.ts) against the fake iClosed over real HTTP.
// A: requests per poll at 0, 10 and 1,000 changes (contact.updated). B: time to drain 1,000 changes
// under the rate limit (20 / 10 s as documented, and a tighter 5 / 10 s where the limit bites), as a ratio
// to the floor that limit allows. C: memory: static data size and peak heap.
// Run: npm run bench:polling
import { windowAfter, windowFrom } from '../nodes/IClosedPollingTrigger/pageWindow';
import { startFakeIClosed } from '../test/fake-iclosed';
import type { FakeIClosed, RateLimit } from '../test/fake-iclosed';
import { PollWorkflow } from '../test/harness/pollWorkflow';
import { machineLine } from './lib/machine';
import { trackPeakMemory } from './lib/peakMemory';
import { floorMs } from './lib/rateLimitFloor';
import { fmt, megabytes, seconds } from './lib/stats';
import { met, note, printTable } from './lib/table';
import { benchPollingState } from './pollingState';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const PAGE_SIZE = 100;
const T0 = '2026-11-30T10:00:00.000Z';

async function setUp(rateLimit: RateLimit | null): Promise<{ fake: FakeIClosed; wf: PollWorkflow }> {
	const fake = await startFakeIClosed({ rateLimit });
	fake.clock.freeze(T0);
	fake.addContacts(CONTACTS);
	const wf = new PollWorkflow({ parameters: { events: ['contact.updated'] }, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl } });
	await wf.activate();
	return { fake, wf };
}

/** Edits `n` contacts (the newest-updated ones are the bulk import's last), one second later on iClosed's clock. */
function change(fake: FakeIClosed, n: number, round: number): void {
	fake.clock.advance(60_000);
	for (const contact of fake.state.contacts.slice(0, n)) Object.assign(contact, { firstName: `Edited ${round}`, updatedAt: fake.state.nowIso() });
	fake.clock.advance(1_000);
}

/**
 * The fewest requests that read `changes` records and see where they end, with pages that overlap by
 * PAGE_OVERLAP records (pageWindow.ts: the price of never losing a record that leaves the list between pages).
 */
function requestsToRead(changes: number): number {
	let window = windowFrom(0, PAGE_SIZE);
	let requests = 1;
	while (window.start + window.limit <= changes) {
		window = windowAfter(window.start + window.limit, PAGE_SIZE);
		requests++;
	}
	return requests;
}

interface Drain {
	polls: number;
	requests: number[];
	items: number;
	distinct: number;
	ms: number;
}

/** Polls back to back until a poll finds nothing (at n8n's Poll Times the polls would be an interval apart). */
async function drain(fake: FakeIClosed, wf: PollWorkflow): Promise<Drain> {
	const seen: unknown[] = [];
	const requests: number[] = [];
	const started = Date.now();
	for (;;) {
		const before = fake.requests.length;
		const { items, error } = await wf.poll();
		if (error) throw error;
		requests.push(fake.requests.length - before);
		if (items.length === 0) break;
		seen.push(...items.map((i) => (i.contact as { id: unknown }).id));
	}
	// The last, empty poll only confirms the drain: it is not part of the time to drain.
	const ms = Date.now() - started;
	return { polls: requests.length - 1, requests, items: seen.length, distinct: new Set(seen).size, ms };
}

export async function requestsPerPoll(): Promise<void> {
	const { fake, wf } = await setUp(null);
	try {
		const rows: Array<Array<string | number>> = [];
		for (const [round, changes] of [0, 10, 1_000].entries()) {
			change(fake, changes, round);
			const result = await drain(fake, wf);
			const minimum = requestsToRead(changes);
			const total = result.requests.slice(0, Math.max(1, result.polls)).reduce((a, b) => a + b, 0);
			rows.push([
				changes,
				result.polls === 0 ? '1 (nothing found)' : result.requests.slice(0, result.polls).join(' + '),
				minimum,
				`${result.items} (${result.distinct} distinct)`,
				met(total <= minimum && result.distinct === changes && result.items === changes),
			]);
		}
		printTable(
			`Requests per poll, contact.updated over ${CONTACTS.toLocaleString('en')} contacts, pages of ${PAGE_SIZE}`,
			['changes since the last poll', 'requests per poll', 'minimum', 'items emitted', 'goal met (no request beyond the minimum, each change once)'],
			rows,
		);
	} finally {
		await fake.close();
	}
}

export async function drainUnderLimit(limit: RateLimit): Promise<Array<string | number>> {
	const { fake, wf } = await setUp(limit);
	try {
		// The window opened by the activation's request has closed before the changes arrive.
		await new Promise((resolve) => setTimeout(resolve, limit.windowSec * 1000 + 100));
		change(fake, 1_000, 0);
		const memory = trackPeakMemory();
		const result = await drain(fake, wf);
		const peak = memory.stop();
		const sent = result.requests.slice(0, result.polls).reduce((a, b) => a + b, 0);
		const minimum = requestsToRead(1_000);
		const floor = floorMs(minimum, limit);
		const ratio = floor > 0 ? result.ms / floor : Number.NaN;
		const rateLimited = fake.requests.filter((r) => r.status === 429).length;
		const staticBytes = JSON.stringify(wf.saved).length;
		return [
			`${limit.points} / ${limit.windowSec} s`,
			`${sent} (${rateLimited} answered 429)`,
			minimum,
			seconds(floor),
			seconds(result.ms),
			floor > 0 ? fmt(ratio, 3) : `– (${result.ms} ms, all in one window)`,
			`${result.distinct} of 1000`,
			`${(staticBytes / 1024).toFixed(1)} KB`,
			megabytes(peak.peakHeapBytes),
			met(result.distinct === 1_000 && result.items === 1_000 && (floor === 0 ? sent <= minimum + rateLimited : ratio <= 1.05)),
		];
	} finally {
		await fake.close();
	}
}

export async function benchPolling(): Promise<void> {
	note(`\n## Benchmark 5: the polling trigger\n\n${machineLine()}`);
	await requestsPerPoll();
	const rows = [await drainUnderLimit({ points: 20, windowSec: 10 }), await drainUnderLimit({ points: 5, windowSec: 10 })];
	printTable(
		`Draining 1,000 changed contacts out of ${CONTACTS.toLocaleString('en')} (polls back to back)`,
		['rate limit', 'requests sent', 'minimum', 'floor', 'time to drain', '× floor', 'emitted', 'static data after', 'peak heap', 'goal met'],
		rows,
	);
	await benchPollingState();
}

if (require.main === module) {
	benchPolling().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exit(1);
		},
	);
}
