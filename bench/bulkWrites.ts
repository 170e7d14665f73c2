/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test and benchmark code, never shipped */
// Benchmark 2 (never shipped): many input items through a write operation under iClosed's limit of
// 20 requests per endpoint per 10 s — 500 items → Contact → Create, 200 → Call → Book on distinct free
// slots. Variants run side by side (own process, own fake server each); BENCH_REPEAT rounds (default 1:
// one round takes about 4 minutes). Run: npm run bench:bulk-writes
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { seedBookableEvent, startFakeIClosed } from '../test/fake-iclosed';
import type { FakeIClosed, FakeVariants } from '../test/fake-iclosed';
import type { BulkWriteInput, BulkWriteOutput } from './bulkWritesRun';
import { runInChild } from './lib/childProcess';
import type { Traffic } from './lib/fakeTraffic';
import { trafficTo } from './lib/fakeTraffic';
import { machineLine } from './lib/machine';
import { floorMs } from './lib/rateLimitFloor';
import { runRounds } from './lib/rounds';
import { fmt, median, seconds } from './lib/stats';
import { met, note, printTable } from './lib/table';

const LIMIT = { points: 20, windowSec: 10 };
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
/** Variants at once by default: their time is set by waiting on the limit (about 2 requests/s each). */
const PARALLEL = process.env.BENCH_PARALLEL !== '0';
const CONTACTS = Number(process.env.BENCH_CONTACT_ITEMS ?? 500);
const BOOKINGS = Number(process.env.BENCH_BOOKING_ITEMS ?? 200);

interface Variant {
	name: string;
	pacing: boolean;
	rateLimitHeaders: FakeVariants['rateLimitHeaders'];
}

const VARIANTS: Variant[] = [
	{ name: 'paced, no headers', pacing: true, rateLimitHeaders: 'none' },
	{ name: 'paced, RateLimit-* headers', pacing: true, rateLimitHeaders: 'ratelimit' },
	{ name: 'without pacing, no headers', pacing: false, rateLimitHeaders: 'none' },
];

interface Workload {
	name: string;
	method: string;
	path: string;
	items: number;
	/** Prepares the fake and returns the node's parameters and input items. */
	prepare(fake: FakeIClosed): { parameters: INodeParameters; items: IDataObject[] };
	/** Records created more than once (same email / same slot), read from the fake's state. */
	duplicates(fake: FakeIClosed, items: IDataObject[]): number;
	/** Records that should exist and do not. */
	missing(fake: FakeIClosed, items: IDataObject[]): number;
}

const contactCreate: Workload = {
	name: `${CONTACTS} items → Contact → Create`,
	method: 'POST',
	path: '/v1/contacts',
	items: CONTACTS,
	prepare: () => ({
		parameters: {
			resource: 'contact',
			operation: 'create',
			email: '={{ $json.email }}',
			additionalFields: { firstName: '={{ $json.firstName }}' },
		},
		items: Array.from({ length: CONTACTS }, (_, i) => ({
			email: `bulk-writer-${i}@example.com`,
			firstName: `Writer${i}`,
		})),
	}),
	// The fake upserts on email, so a repeated create shows as more than one successful POST per email.
	duplicates: (fake) => {
		const posts = fake.requests.filter(
			(r) => r.method === 'POST' && r.path === '/v1/contacts' && r.status < 300,
		);
		const perEmail = new Map<string, number>();
		for (const r of posts) {
			const email = String((r.body as IDataObject).email);
			perEmail.set(email, (perEmail.get(email) ?? 0) + 1);
		}
		return [...perEmail.values()].filter((n) => n > 1).length;
	},
	missing: (fake, items) => items.filter((i) => !fake.state.contactByEmail(String(i.email))).length,
};

const callBook: Workload = {
	name: `${BOOKINGS} items → Call → Book (distinct slots)`,
	method: 'POST',
	path: '/v1/eventCalls',
	items: BOOKINGS,
	prepare: (fake) => {
		const calendar = seedBookableEvent(fake.state, 60);
		if (calendar.slotCount < BOOKINGS) throw new Error(`only ${calendar.slotCount} free slots`);
		return {
			parameters: {
				resource: 'call',
				operation: 'book',
				eventId: { __rl: true, mode: 'id', value: String(calendar.eventId) },
				dateTime: '={{ $json.start }}',
				timeZone: 'America/New_York',
				additionalFields: { email: '={{ $json.email }}' },
			},
			items: Array.from({ length: BOOKINGS }, (_, i) => ({
				start: calendar.nextSlot(),
				email: `invitee-${i}@example.com`,
			})),
		};
	},
	duplicates: (fake) => {
		const perSlot = new Map<string, number>();
		for (const c of fake.state.calls) perSlot.set(c.startUtc, (perSlot.get(c.startUtc) ?? 0) + 1);
		return [...perSlot.values()].filter((n) => n > 1).length;
	},
	missing: (fake, items) =>
		items.filter(
			(i) => !fake.state.calls.some((c) => Date.parse(c.startUtc) === Date.parse(String(i.start))),
		).length,
};

interface Sample extends BulkWriteOutput {
	traffic: Traffic;
	duplicates: number;
	missing: number;
}

async function runVariant(workload: Workload, variant: Variant): Promise<Sample> {
	const fake = await startFakeIClosed({
		rateLimit: LIMIT,
		variants: { rateLimitHeaders: variant.rateLimitHeaders },
	});
	try {
		const { parameters, items } = workload.prepare(fake);
		const input: BulkWriteInput = {
			baseUrl: fake.baseUrl,
			apiKey: fake.apiKey,
			pacing: variant.pacing,
			parameters,
			items,
		};
		const result = await runInChild<BulkWriteOutput>(join(__dirname, 'bulkWritesRun.js'), input);
		return {
			...result,
			traffic: trafficTo(fake, workload.method, workload.path),
			duplicates: workload.duplicates(fake, items),
			missing: workload.missing(fake, items),
		};
	} finally {
		await fake.close();
	}
}

async function benchWorkload(workload: Workload): Promise<void> {
	const floor = floorMs(workload.items, LIMIT);
	const { samples, loads } = await runRounds(
		VARIANTS,
		REPEAT,
		PARALLEL,
		async (v) => await runVariant(workload, v),
		(round, results) =>
			note(
				`${workload.name}, round ${round + 1}: ${results.map((r, i) => `${VARIANTS[i].name} ${seconds(r.ms)}`).join('; ')}`,
			),
	);
	const rows = VARIANTS.map((v, index) => {
		const s = samples[index];
		const ms = median(s.map((x) => x.ms));
		const ofFloor = floor / ms;
		const failures = Math.max(...s.map((x) => x.errorItems + (x.runError ? 1 : 0) + x.missing));
		const duplicates = Math.max(...s.map((x) => x.duplicates));
		const dropped = Math.max(...s.map((x) => workload.items - x.outputItems));
		return [
			v.name,
			seconds(ms),
			`${fmt(workload.items / (ms / 1000))}/s`,
			`${fmt(ofFloor * 100, 1)} %`,
			`${median(s.map((x) => x.traffic.ok))} / ${median(s.map((x) => x.traffic.total))}`,
			median(s.map((x) => x.traffic.rateLimited)),
			failures,
			duplicates,
			dropped,
			met(ofFloor >= 0.95 && failures === 0 && duplicates === 0 && dropped === 0),
		];
	});
	printTable(
		`${workload.name}: floor ${seconds(floor)} = ${fmt(workload.items / (floor / 1000))}/s (medians of ${REPEAT}; load average ${fmt(median(loads))})`,
		[
			'variant',
			'wall time',
			'throughput',
			'of floor',
			'2xx / requests',
			'429s',
			'failures',
			'duplicates',
			'items dropped',
			'goal met',
		],
		rows,
	);
	for (const [index, v] of VARIANTS.entries()) {
		const firstError = samples[index].find((x) => x.firstError ?? x.runError);
		if (firstError) note(`${v.name}: first error: ${firstError.firstError ?? firstError.runError}`);
	}
}

export async function benchBulkWrites(): Promise<void> {
	note(`\n## Benchmark 2: bulk writes under the limit\n\n${machineLine()}`);
	note(
		`limit ${LIMIT.points} requests / ${LIMIT.windowSec} s per endpoint; the floor is the time the limit alone imposes on that many requests.`,
	);
	await benchWorkload(contactCreate);
	await benchWorkload(callBook);
}

if (require.main === module) {
	benchBulkWrites().catch((error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
