import type { IExecuteFunctions } from 'n8n-workflow';

import { failureOf } from '../../../nodes/shared/transport/failure';
import { learnRateLimit, rateLimitKey, recordRequestSent, resetRateLimitPacer } from '../../../nodes/shared/transport/rateLimitPacer';
import { accountTag } from '../../../nodes/shared/transport/accountTag';
import { DEFAULT_TIMEOUT_MS, iClosedApiRequest, requestOutcomeOf } from '../../../nodes/shared/transport/request';
import { MAX_FAILURE_RETRIES, MAX_RATE_LIMIT_RETRIES } from '../../../nodes/shared/transport/retryPolicy';
import {
	MAX_REQUEST_WAIT_MS,
	MIN_ATTEMPT_MS,
	attemptTimeoutMs,
	timeLimitOf,
	waitFits,
} from '../../../nodes/shared/transport/timeLimit';
import { readReadme } from '../../../scripts/generate-operations-table';
import { executeContextFor } from '../../harness/executeContext';
import { ScriptedServer } from '../../harness/scriptedServer';

const KEY = 'iclosed_time_limit_test_key';

/** One bound for all of a request's waits: its deadline, else MAX_REQUEST_WAIT_MS (README → Troubleshooting). */
describe('one time limit per request', () => {
	describe('the bound', () => {
		it('is MAX_REQUEST_WAIT_MS after the start without a deadline, the deadline when that is earlier', () => {
			expect(timeLimitOf(1000)).toEqual({ endsAt: 1000 + MAX_REQUEST_WAIT_MS, byDeadline: false });
			expect(timeLimitOf(1000, 6000)).toEqual({ endsAt: 6000, byDeadline: true });
			expect(timeLimitOf(1000, 1000 + MAX_REQUEST_WAIT_MS + 1)).toEqual({ endsAt: 1000 + MAX_REQUEST_WAIT_MS, byDeadline: false });
			expect(timeLimitOf(1000, Number.NaN)).toEqual({ endsAt: 1000 + MAX_REQUEST_WAIT_MS, byDeadline: false });
		});

		it('counts every kind of wait together: what used to add up to 8–9 minutes ends within the bound', () => {
			// The parts the transport used to cap one by one, each within its own old cap: a 15 s pace,
			// Retry-After waits of up to 2 minutes, back-offs and 30 s timeouts.
			const waits = [15_000, 30_000, 120_000, 1_000, 30_000, 2_000, 30_000, 120_000, 15_000, 120_000];
			expect(waits.reduce((a, b) => a + b)).toBeGreaterThan(8 * 60_000);
			const limit = timeLimitOf(0);
			let now = 0;
			for (const wait of waits) {
				if (!waitFits(limit, wait, now)) break;
				now += wait;
			}
			// The first wait that would not leave time for an answer ends the request (here the 2-minute one).
			expect(now).toBe(45_000);
			expect(now + MIN_ATTEMPT_MS).toBeLessThanOrEqual(MAX_REQUEST_WAIT_MS);
		});

		it('leaves an attempt time to be answered, and shortens its HTTP timeout to the bound', () => {
			const limit = timeLimitOf(0, 10_000);
			expect(waitFits(limit, 9_000, 0)).toBe(true);
			expect(waitFits(limit, 9_001, 0)).toBe(false); // the attempt after it would have < 1 s
			expect(attemptTimeoutMs(limit, 30_000, 0)).toBe(10_000);
			expect(attemptTimeoutMs(limit, 30_000, 9_500)).toBeUndefined();
			expect(attemptTimeoutMs(timeLimitOf(0), 30_000, 0)).toBe(30_000);
		});
	});

	it('README → Troubleshooting states the bound and the attempt timeout in the numbers the code uses', () => {
		const readme = readReadme();
		const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting'), readme.indexOf('## Development'));
		expect(troubleshooting).toContain(`**${MAX_REQUEST_WAIT_MS / 60_000} minutes (${MAX_REQUEST_WAIT_MS / 1000} s) in all**`);
		expect(troubleshooting).toContain(`times out after ${DEFAULT_TIMEOUT_MS / 1000} s`);
		expect(troubleshooting).toContain(`less than ${MIN_ATTEMPT_MS / 1000} s for the answer`);
		expect(troubleshooting).toContain(`a 429 is retried up to ${MAX_RATE_LIMIT_RETRIES} times and a failed read (5xx, dropped connection, timeout) up to ${MAX_FAILURE_RETRIES} times`);
	});

	describe('inside the transport', () => {
		const server = new ScriptedServer();
		let ctx: IExecuteFunctions;
		beforeAll(async () => {
			await server.start();
			ctx = executeContextFor({ apiKey: KEY, baseUrl: server.baseUrl });
		});
		afterEach(() => {
			server.reset();
			resetRateLimitPacer();
		});
		afterAll(async () => await server.stop());

		async function failureOfCall(promise: Promise<unknown>) {
			try {
				await promise;
			} catch (error) {
				return error as Error & { description?: string; httpCode?: string };
			}
			throw new Error('expected the request to fail');
		}

		it('stops at once when a Retry-After would pass the deadline, declared rate-limited with the wait iClosed asked for', async () => {
			server.answer({ status: 429, headers: { 'Retry-After': '5' }, body: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 5 } });
			const started = Date.now();
			const error = await failureOfCall(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users', deadline: started + 2_000 }));
			expect(Date.now() - started).toBeLessThan(1_000);
			expect(server.seen).toHaveLength(1);
			expect(error.httpCode).toBe('429');
			expect(error.description).toMatch(/^Gave up instead of waiting 6 s more: that would pass the deadline this request was given/);
			expect(failureOf(error)).toEqual({ cause: 'rate-limited', retryAfterMs: 5000 });
		});

		it('counts the waits together: three 1 s Retry-Afters do not fit a 3.5 s deadline', async () => {
			server.otherwise(() => ({ status: 429, headers: { 'Retry-After': '1' }, body: { retryAfter: 1 } }));
			const started = Date.now();
			const error = await failureOfCall(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users', deadline: started + 3_500 }));
			expect(server.seen).toHaveLength(3);
			expect(Date.now() - started).toBeLessThan(3_500);
			expect(error.httpCode).toBe('429');
		}, 10_000);

		it('cuts the HTTP timeout to the deadline when iClosed does not answer', async () => {
			server.otherwise(() => ({ hang: true }));
			const started = Date.now();
			const error = await failureOfCall(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users', deadline: started + 1_500 }));
			expect(Date.now() - started).toBeLessThan(3_000);
			expect(server.seen).toHaveLength(1);
			expect(error.message).toBe('Could not reach iClosed for GET /v1/users: no answer before the timeout');
			expect(error.description).toMatch(/No answer before the deadline this request was given/);
			expect(failureOf(error)).toEqual({ cause: 'temporarily-unavailable' });
		}, 10_000);

		it('does not start a pacing wait that would pass the deadline: nothing is sent', async () => {
			const budget = rateLimitKey(accountTag(server.baseUrl, KEY), 'GET', '/v1/users');
			recordRequestSent(budget);
			learnRateLimit(budget, 429, {}, { retryAfter: 10, limit: { points: 1, windowSec: 10 } });
			const started = Date.now();
			const error = await failureOfCall(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users', deadline: started + 2_000 }));
			expect(Date.now() - started).toBeLessThan(1_000);
			expect(server.seen).toHaveLength(0);
			expect(error.message).toMatch(/^iClosed's rate limit leaves no room for GET \/v1\/users in time: the next free slot is 1\d s away$/);
			expect(requestOutcomeOf(error)).toBe('not sent');
			expect(failureOf(error)).toMatchObject({ cause: 'rate-limited', retryAfterMs: expect.any(Number) });
		});

		it('sends nothing once the deadline has passed', async () => {
			const error = await failureOfCall(iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/contacts', body: {}, deadline: Date.now() - 1 }));
			expect(server.seen).toHaveLength(0);
			expect(error.message).toBe('No time left to send POST /v1/contacts to iClosed');
			expect(requestOutcomeOf(error)).toBe('not sent');
		});

		it('without a deadline, stops at once when one Retry-After is longer than MAX_REQUEST_WAIT_MS', async () => {
			server.answer({ status: 429, headers: { 'Retry-After': String(MAX_REQUEST_WAIT_MS / 1000 + 1) }, body: {} });
			const error = await failureOfCall(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' }));
			expect(server.seen).toHaveLength(1);
			expect(error.description).toMatch(/Gave up instead of waiting 122 s more: that would pass the 120 s one request may take in all/);
		});

		it('a deadline far away changes nothing: the request waits as usual and succeeds', async () => {
			server.answer({ status: 429, headers: { 'Retry-After': '1' }, body: {} }, { status: 200, body: { data: [] } });
			await expect(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users', deadline: Date.now() + 60_000 })).resolves.toEqual({ data: [] });
			expect(server.seen).toHaveLength(2);
		});
	});
});
