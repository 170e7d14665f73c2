import type { IExecuteFunctions } from 'n8n-workflow';

import {
	delayBeforeRequest,
	learnRateLimit,
	recordRequestSent,
	resetRateLimitPacer,
} from '../../../nodes/shared/transport/rateLimitPacer';
import { iClosedApiRequest } from '../../../nodes/shared/transport/request';
import { executeContextFor } from '../../harness/executeContext';
import { ScriptedServer } from '../../harness/scriptedServer';

const KEY = 'GET http://x/v1/contacts';

describe('rate-limit pacer', () => {
	afterEach(() => resetRateLimitPacer());

	it('lets requests through while nothing is known about the limit', () => {
		for (let i = 0; i < 50; i++) recordRequestSent(KEY, 1000 + i);
		expect(delayBeforeRequest(KEY, 1100)).toBe(0);
	});

	it('learns points and window from a 429 body and waits for room in the window', () => {
		for (let i = 0; i < 20; i++) recordRequestSent(KEY, 1000 + i * 10);
		recordRequestSent(KEY, 1300); // the 21st, refused
		learnRateLimit(KEY, 429, {}, { retryAfter: 10, limit: { points: 20, windowSec: 10 } }, 1300);
		// the oldest of the 20 that counted went out at 1000: room again at 11000 (+ margin)
		expect(delayBeforeRequest(KEY, 1400)).toBe(11000 - 1400 + 50);
		expect(delayBeforeRequest(KEY, 11100)).toBe(0);
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
		expect(delayBeforeRequest('POST http://x/v1/contacts', 1000)).toBe(0);
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
	});
});
