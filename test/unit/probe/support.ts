// Test code (never shipped): runs `npm run probe`'s engine against the fake iClosed, in-process.
import { startFakeIClosed } from '../../fake-iclosed';
import type { FakeIClosed, FakeIClosedOptions } from '../../fake-iclosed';
import type { Verdict } from '../../../scripts/probe/findings';
import type { ProbeReport } from '../../../scripts/probe/report';
import { runProbe } from '../../../scripts/probe/run';

/** The demo account, with rate-limit headers and deals created in id order: every checked assumption holds. */
export async function wellBehavedFake(options: FakeIClosedOptions = {}): Promise<FakeIClosed> {
	const fake = await startFakeIClosed({
		seed: 'demo',
		rateLimit: { points: 10_000, windowSec: 10 },
		...options,
		variants: { rateLimitHeaders: 'ratelimit', ...options.variants },
	});
	const base = Date.parse('2026-11-01T00:00:00.000Z');
	[...fake.state.deals].sort((a, b) => a.id - b.id).forEach((deal, i) => (deal.createdAt = new Date(base + i * 60_000).toISOString()));
	return fake;
}

export interface ProbeResult {
	report: ProbeReport;
	progress: string[];
	logs: string[];
	verdict(id: string): Verdict | undefined;
	evidence(id: string): string;
}

export async function probe(fake: FakeIClosed, options: { write?: boolean; apiKey?: string } = {}): Promise<ProbeResult> {
	const progress: string[] = [];
	const logs: string[] = [];
	const report = await runProbe({
		connection: { environment: 'custom', baseUrl: fake.baseUrl, apiKey: options.apiKey ?? fake.apiKey },
		options: { write: options.write === true, settleMs: 15, runId: 'test-run' },
		progress: (line) => progress.push(line),
		log: (level, message) => logs.push(`${level} ${message}`),
	});
	const find = (id: string) => report.assumptions.find((a) => a.id === id);
	return {
		report,
		progress,
		logs,
		verdict: (id) => find(id)?.verdict,
		evidence: (id) => [...(find(id)?.evidence ?? []), ...(find(id)?.reasons ?? [])].join(' | '),
	};
}
