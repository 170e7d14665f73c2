/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test and benchmark code, never shipped */
// Benchmark 1 (never shipped): Contact → Get Many with Return All over 10,000 contacts, against the
// fake iClosed limited to 20 requests per endpoint per 10 s. Each round runs every variant once, each in
// its own process against its own fake server; BENCH_REPEAT rounds (default 3), medians reported.
// Run: npm run bench:return-all
import { join } from 'node:path';

import { startFakeIClosed } from '../test/fake-iclosed';
import type { FakeVariants } from '../test/fake-iclosed';
import { runInChild } from './lib/childProcess';
import type { Traffic } from './lib/fakeTraffic';
import { trafficTo } from './lib/fakeTraffic';
import { machineLine } from './lib/machine';
import { floorMs } from './lib/rateLimitFloor';
import { runRounds } from './lib/rounds';
import { fmt, median, megabytes, seconds } from './lib/stats';
import { met, note, printTable } from './lib/table';
import type { ReturnAllInput, ReturnAllOutput } from './returnAllRun';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const LIMIT = { points: 20, windowSec: 10 };
const PAGE_SIZE = 100;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** One variant at a time by default: pages of 100 contacts cost CPU, and parallel runs would slow each other. */
const PARALLEL = process.env.BENCH_PARALLEL === '1';

interface Variant {
	name: string;
	pacing: boolean;
	rateLimitHeaders: FakeVariants['rateLimitHeaders'];
}

const VARIANTS: Variant[] = [
	{
		name: 'paced, no rate-limit headers (iClosed as observed)',
		pacing: true,
		rateLimitHeaders: 'none',
	},
	{ name: 'paced, RateLimit-* headers', pacing: true, rateLimitHeaders: 'ratelimit' },
	{ name: 'without pacing (429 retry only), no headers', pacing: false, rateLimitHeaders: 'none' },
];

interface Sample extends ReturnAllOutput {
	traffic: Traffic;
}

async function runVariant(variant: Variant): Promise<Sample> {
	const fake = await startFakeIClosed({
		rateLimit: LIMIT,
		variants: { rateLimitHeaders: variant.rateLimitHeaders },
	});
	try {
		fake.addContacts(CONTACTS);
		const input: ReturnAllInput = {
			baseUrl: fake.baseUrl,
			apiKey: fake.apiKey,
			pacing: variant.pacing,
		};
		const result = await runInChild<ReturnAllOutput>(join(__dirname, 'returnAllRun.js'), input);
		return { ...result, traffic: trafficTo(fake, 'GET', '/v1/contacts') };
	} finally {
		await fake.close();
	}
}

export async function benchReturnAll(): Promise<void> {
	note(`\n## Benchmark 1: Return All against the rate limit\n\n${machineLine()}`);
	const minRequests = Math.ceil(CONTACTS / PAGE_SIZE);
	const floor = floorMs(minRequests, LIMIT);
	note(
		`${CONTACTS} contacts, page size ${PAGE_SIZE}, limit ${LIMIT.points} requests / ${LIMIT.windowSec} s per endpoint; minimum ${minRequests} requests, floor ${seconds(floor)}; ${REPEAT} rounds, variants one after the other in each round.`,
	);
	const { samples, loads } = await runRounds(
		VARIANTS,
		REPEAT,
		PARALLEL,
		runVariant,
		(round, results) =>
			note(
				`round ${round + 1}: ${results.map((r, i) => `${VARIANTS[i].name.split(' (')[0]} ${seconds(r.ms)}`).join('; ')}`,
			),
	);
	const rows = VARIANTS.map((v, index) => {
		const s = samples[index];
		const ms = median(s.map((x) => x.ms));
		const ok = s.every((x) => !x.error && x.items === CONTACTS && x.distinctIds === CONTACTS);
		const pages = median(s.map((x) => x.traffic.ok));
		const total = median(s.map((x) => x.traffic.total));
		const ratio = floor > 0 ? ms / floor : Number.NaN;
		return [
			v.name,
			`${pages} / ${total}`,
			String(minRequests),
			median(s.map((x) => x.traffic.rateLimited)),
			s.map((x) => x.traffic.failed).reduce((a, b) => a + b, 0) + s.filter((x) => x.error).length,
			seconds(ms),
			fmt(ratio, 3),
			megabytes(median(s.map((x) => x.maxRssBytes))),
			megabytes(median(s.map((x) => x.peakHeapBytes))),
			ok ? `${CONTACTS} distinct` : `NO: ${s.map((x) => x.error ?? `${x.distinctIds}`).join(', ')}`,
			met(ok && pages === minRequests && (floor === 0 || ratio <= 1.05)),
		];
	});
	printTable(
		`Return All, ${CONTACTS} contacts (medians of ${REPEAT}; load average ${fmt(median(loads))})`,
		[
			'variant',
			'pages ok / requests sent',
			'minimum',
			'429s (recovered)',
			'failures',
			'wall time',
			'× floor',
			'peak RSS',
			'peak heap',
			'items',
			'goal met',
		],
		rows,
	);
}

if (require.main === module) {
	benchReturnAll().catch((error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
