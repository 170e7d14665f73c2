import type { IExecuteFunctions } from 'n8n-workflow';

import { accountTag } from '../../../nodes/shared/transport/accountTag';
import {
	MAX_PACING_WAIT_MS,
	bookSlot,
	delayBeforeRequest,
	learnRateLimit,
	rateLimitKey,
	recordRequestSent,
	releaseSlot,
	resetRateLimitPacer,
	settleSlot,
} from '../../../nodes/shared/transport/rateLimitPacer';
import { iClosedApiRequest } from '../../../nodes/shared/transport/request';
import { startFakeIClosed } from '../../fake-iclosed';
import type { FakeIClosed } from '../../fake-iclosed';
import { executeContextFor } from '../../harness/executeContext';
import { ScriptedServer } from '../../harness/scriptedServer';

const ACCOUNT = accountTag('http://x', 'iclosed_pacer_test');
const KEY = rateLimitKey(ACCOUNT, 'GET', '/v1/contacts');
/** A whole second, so reset headers in epoch seconds are exact. */
const NOW = 1_764_480_000_000;
const DAY_MS = 86_400_000;

describe('rate-limit pacer', () => {
	afterEach(() => resetRateLimitPacer());

	it('lets requests through while nothing is known about the limit', () => {
		for (let i = 0; i < 50; i++) recordRequestSent(KEY, 1000 + i);
		expect(delayBeforeRequest(KEY, 1100)).toBe(0);
	});

	it('learns points and window from a 429 body and waits for room in the window', () => {
		for (let i = 0; i < 20; i++) recordRequestSent(KEY, 1000 + i * 10);
		const refused = bookSlot(KEY, 1300); // the 21st
		if (!('slot' in refused)) throw new Error('expected a slot');
		settleSlot(refused.slot, 429, 1300);
		learnRateLimit(KEY, 429, {}, { retryAfter: 10, limit: { points: 20, windowSec: 10 } }, 1300);
		// the oldest of the 20 that counted went out at 1000: room again at 11000 (+ margin)
		expect(delayBeforeRequest(KEY, 1400)).toBe(11000 - 1400 + 50);
		expect(delayBeforeRequest(KEY, 11100)).toBe(0);
	});

	it('counts a request when it is booked: requests booked at the same moment queue behind each other', () => {
		learnRateLimit(KEY, 429, {}, { limit: { points: 20, windowSec: 10 } }, 0); // the window is full at 0
		const waits: number[] = [];
		for (let i = 0; i < 50; i++) {
			const booked = bookSlot(KEY, 1000);
			if (!('slot' in booked)) throw new Error('expected a slot');
			waits.push(booked.waitMs);
		}
		// 20 per window, in booking order: none of them sees room another one took.
		expect(waits.slice(0, 20)).toEqual(Array(20).fill(10_050 - 1000));
		expect(waits.slice(20, 40)).toEqual(Array(20).fill(20_100 - 1000));
		expect(new Set(waits.slice(40))).toEqual(new Set([30_150 - 1000]));
	});

	it('while the limit is unknown, lets the 20 iClosed always allows go at once, then one at a time', () => {
		const booked = Array.from({ length: 21 }, () => bookSlot(KEY, 1000));
		expect(booked.slice(0, 20).every((b) => 'slot' in b && b.waitMs === 0)).toBe(true);
		expect(booked[20]).toEqual({ busyMs: expect.any(Number) });
		for (const b of booked.slice(0, 20)) if ('slot' in b) settleSlot(b.slot, 200, 1100);
		// Nothing in flight: the next one goes, alone; the one after it waits for its answer.
		const probe = bookSlot(KEY, 1200);
		expect(probe).toEqual({ slot: expect.anything(), waitMs: 0 });
		expect(bookSlot(KEY, 1200)).toEqual({ busyMs: expect.any(Number) });
		// Sequential requests (one answered before the next) are never held back.
		if ('slot' in probe) settleSlot(probe.slot, 200, 1300);
		expect(bookSlot(KEY, 1300)).toEqual({ slot: expect.anything(), waitMs: 0 });
	});

	it('gives a slot back when the request is not sent after all', () => {
		learnRateLimit(KEY, 429, {}, { limit: { points: 1, windowSec: 10 } }, 0);
		const first = bookSlot(KEY, 10_100);
		if (!('slot' in first)) throw new Error('expected a slot');
		expect(delayBeforeRequest(KEY, 10_100)).toBeGreaterThan(0);
		releaseSlot(first.slot);
		expect(delayBeforeRequest(KEY, 10_100)).toBe(0);
	});

	it('paces by RateLimit-Remaining / RateLimit-Reset headers (ISO reset, per iClosed docs)', () => {
		learnRateLimit(KEY, 200, { 'ratelimit-limit': '20', 'ratelimit-remaining': '0', 'ratelimit-reset': new Date(5000).toISOString() }, {}, 1000);
		expect(delayBeforeRequest(KEY, 1000)).toBe(4050);
	});

	it('understands X-RateLimit-* headers with a reset in seconds', () => {
		learnRateLimit(KEY, 200, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3' }, {}, 1000);
		expect(delayBeforeRequest(KEY, 1000)).toBe(3050);
	});

	it('keeps endpoints apart (iClosed counts per path and verb)', () => {
		learnRateLimit(KEY, 429, {}, { limit: { points: 1, windowSec: 10 } }, 1000);
		expect(delayBeforeRequest(KEY, 1000)).toBeGreaterThan(0);
		expect(delayBeforeRequest(rateLimitKey(ACCOUNT, 'POST', '/v1/contacts'), 1000)).toBe(0);
	});

	describe('reset headers in every form', () => {
		const pacedBy = (reset: string | undefined, remaining = '0'): number => {
			const headers: Record<string, string> = { 'ratelimit-limit': '20', 'ratelimit-remaining': remaining };
			if (reset !== undefined) headers['ratelimit-reset'] = reset;
			learnRateLimit(KEY, 200, headers, {}, NOW);
			return delayBeforeRequest(KEY, NOW);
		};

		it.each([
			['seconds from now', '4'],
			['epoch seconds', String((NOW + 4000) / 1000)],
			['epoch milliseconds', String(NOW + 4000)],
			['an ISO timestamp (iClosed docs)', new Date(NOW + 4000).toISOString()],
			['an HTTP date', new Date(NOW + 4000).toUTCString()],
		])('reads a reset given as %s', (_form, reset) => {
			expect(pacedBy(reset)).toBe(4050);
		});

		it.each([
			['an hour in seconds', '3600'],
			['a day in seconds', '86400'],
			['epoch seconds a day ahead', String((NOW + DAY_MS) / 1000)],
			['epoch milliseconds a day ahead', String(NOW + DAY_MS)],
			['an ISO date a day ahead', new Date(NOW + DAY_MS).toISOString()],
			['a huge number', '1e20'],
			['just past the cap', String(MAX_PACING_WAIT_MS / 1000 + 1)],
		])('does not hold requests back for a reset of %s: it sends and lets iClosed answer', (_form, reset) => {
			expect(pacedBy(reset)).toBe(0);
		});

		it.each([
			['negative', '-5'],
			['NaN', 'NaN'],
			['Infinity', 'Infinity'],
			['words', 'soon'],
			['empty', ''],
			['in the past (ISO)', new Date(NOW - 60_000).toISOString()],
			['in the past (epoch seconds)', String((NOW - 60_000) / 1000)],
		])('ignores a reset that is %s', (_form, reset) => {
			expect(pacedBy(reset)).toBe(0);
		});

		it('does not wait when remaining is 0 but no reset says until when', () => {
			expect(pacedBy(undefined)).toBe(0);
		});

		it('ignores a remaining count that is not a number', () => {
			expect(pacedBy('4', 'none')).toBe(0);
		});
	});

	it('does not believe a window longer than the cap learnt from a 429 body', () => {
		recordRequestSent(KEY, NOW);
		learnRateLimit(KEY, 429, {}, { retryAfter: 86400, limit: { points: 1, windowSec: 86400 } }, NOW);
		expect(delayBeforeRequest(KEY, NOW + 1000)).toBe(0);
	});

	it('does not believe a limit far above any iClosed plan (it would keep a timestamp per point)', () => {
		recordRequestSent(KEY, NOW);
		learnRateLimit(KEY, 429, {}, { retryAfter: 1, limit: { points: 5000, windowSec: 10 } }, NOW);
		expect(delayBeforeRequest(KEY, NOW + 1000)).toBe(0);
	});

	it('keeps accounts apart: the tag depends on key and base URL and never contains the key', () => {
		const a = accountTag('https://public.api.iclosed.io', 'iclosed_account_a');
		expect(a).toMatch(/^[0-9a-f]{16}$/);
		expect(accountTag('https://public.api.iclosed.io', 'iclosed_account_b')).not.toBe(a);
		expect(accountTag('https://public-dev.api.iclosed.io', 'iclosed_account_a')).not.toBe(a);
		expect(rateLimitKey(a, 'GET', '/v1/users')).not.toContain('account_a');
		learnRateLimit(rateLimitKey(a, 'GET', '/v1/users'), 429, {}, { limit: { points: 1, windowSec: 10 } }, NOW);
		expect(delayBeforeRequest(rateLimitKey(a, 'GET', '/v1/users'), NOW)).toBeGreaterThan(0);
		const b = accountTag('https://public.api.iclosed.io', 'iclosed_account_b');
		expect(delayBeforeRequest(rateLimitKey(b, 'GET', '/v1/users'), NOW)).toBe(0);
	});

	describe('inside the transport', () => {
		const server = new ScriptedServer();
		let ctx: IExecuteFunctions;
		beforeAll(async () => {
			await server.start();
			ctx = executeContextFor({ apiKey: 'iclosed_pacing', baseUrl: server.baseUrl });
		});
		afterEach(() => server.reset());
		afterAll(async () => await server.stop());

		it('after one 429 it spaces requests instead of bouncing off the limit again', async () => {
			// A fixed window of 3 requests per second, like iClosed's (scaled down).
			let windowStart = 0;
			let count = 0;
			server.otherwise(() => {
				const now = Date.now();
				if (now >= windowStart + 1000) {
					windowStart = now;
					count = 0;
				}
				if (count >= 3) {
					return { status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: Math.ceil((windowStart + 1000 - now) / 1000), limit: { points: 3, windowSec: 1 } } };
				}
				count++;
				return { status: 200, body: { data: [] } };
			});
			for (let i = 0; i < 10; i++) await iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' });
			const refused = server.seen.length - 10;
			expect(refused).toBe(1);
		});

		it('sends the next request at once after a response claims the budget is gone for an hour', async () => {
			server.answer({ status: 200, headers: { 'RateLimit-Remaining': '0', 'RateLimit-Reset': '3600' }, body: { data: [] } });
			await iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' });
			await iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' });
			expect(server.seen).toHaveLength(2);
			expect(server.seen[1].at - server.seen[0].at).toBeLessThan(1000);
		}, 10_000);
	});

	describe('two accounts on one base URL (the fake iClosed counts per key)', () => {
		let fake: FakeIClosed;
		beforeAll(async () => {
			fake = await startFakeIClosed({
				apiKeys: ['iclosed_account_a', 'iclosed_account_b'],
				rateLimit: { points: 2, windowSec: 3 },
				variants: { rateLimitHeaders: 'ratelimit' },
			});
		});
		afterAll(async () => await fake.close());

		it("one account using up its budget does not hold back the other's requests", async () => {
			const accountA = executeContextFor({ apiKey: 'iclosed_account_a', baseUrl: fake.baseUrl });
			const accountB = executeContextFor({ apiKey: 'iclosed_account_b', baseUrl: fake.baseUrl });
			const users = { method: 'GET', path: '/v1/users' } as const;
			await iClosedApiRequest.call(accountA, users);
			await iClosedApiRequest.call(accountA, users); // RateLimit-Remaining: 0 for account A
			const started = Date.now();
			await iClosedApiRequest.call(accountB, users);
			expect(Date.now() - started).toBeLessThan(1000);
			// Account A itself is still paced: its third request waits for its window instead of a 429.
			await iClosedApiRequest.call(accountA, users);
			expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(0);
		}, 10_000);
	});
});
