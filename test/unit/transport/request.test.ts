import type { IExecuteFunctions } from 'n8n-workflow';

import { iClosedApiRequest, requestOutcomeOf } from '../../../nodes/shared/transport/request';
import { executeContextFor } from '../../harness/executeContext';
import { ScriptedServer } from '../../harness/scriptedServer';

const KEY = 'iclosed_transport_test_key';

describe('iClosedApiRequest', () => {
	const server = new ScriptedServer();
	let ctx: IExecuteFunctions;

	beforeAll(async () => {
		await server.start();
		ctx = executeContextFor({ apiKey: KEY, baseUrl: server.baseUrl });
	});
	afterEach(() => server.reset());
	afterAll(async () => await server.stop());

	async function failureOf(promise: Promise<unknown>) {
		try {
			await promise;
		} catch (error) {
			return error as Error & { description?: string; httpCode?: string };
		}
		throw new Error('expected the request to fail');
	}

	describe('requests', () => {
		it('sends the bearer key, JSON and comma-joined query lists, without empty values', async () => {
			server.answer({ status: 200, body: { data: { ok: true } } });
			const body = await iClosedApiRequest.call(ctx, {
				method: 'POST',
				path: '/v1/contacts',
				query: { ids: [1, 2, 3], search: '', userId: undefined, page: 0 },
				body: { email: 'a@example.com' },
			});
			expect(body).toEqual({ data: { ok: true } });
			const [seen] = server.seen;
			expect(seen.method).toBe('POST');
			expect(seen.url).toBe('/v1/contacts?ids=1%2C2%2C3&page=0');
			expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
			expect(seen.headers['content-type']).toMatch(/application\/json/);
			expect(seen.body).toEqual({ email: 'a@example.com' });
		});

		it('accepts any 2xx as success (iClosed answers 201 to a call search)', async () => {
			server.answer({ status: 201, body: { data: { eventCalls: [], count: 0 } } });
			await expect(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/eventCalls' })).resolves.toEqual({
				data: { eventCalls: [], count: 0 },
			});
		});
	});

	describe('rate limits (429)', () => {
		it('retries a 429 after the Retry-After header seconds', async () => {
			server.answer(
				{ status: 429, headers: { 'Retry-After': '1' }, body: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 5 } },
				{ status: 200, body: { data: [] } },
			);
			await iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' });
			expect(server.seen).toHaveLength(2);
			const waited = server.seen[1].at - server.seen[0].at;
			expect(waited).toBeGreaterThanOrEqual(1000);
			expect(waited).toBeLessThan(4000); // the header wins over the body's 5 s
		});

		it('retries a 429 after the body retryAfter when there is no header', async () => {
			server.answer(
				{ status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests, please try again later.', retryAfter: 1 } },
				{ status: 200, body: { data: [] } },
			);
			await iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' });
			expect(server.seen).toHaveLength(2);
			expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(1000);
		});

		it('retries a POST after a 429 too, because iClosed did nothing', async () => {
			server.answer({ status: 429, body: { retryAfter: 0 } }, { status: 201, body: { data: { id: 7 } } });
			await expect(
				iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/eventCalls', body: { email: 'x@example.com' } }),
			).resolves.toEqual({ data: { id: 7 } });
			expect(server.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
		});

		it('gives up after a bounded number of 429s with a message that names the rate limit', async () => {
			server.otherwise(() => ({ status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests, please try again later.', retryAfter: 0 } }));
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' }));
			expect(server.seen).toHaveLength(9); // 1 + MAX_RATE_LIMIT_RETRIES
			expect(error.message).toBe('iClosed answered 429: Too many requests, please try again later.');
			expect(error.description).toMatch(/limits requests per endpoint/);
		});

		it('does not sleep through a Retry-After longer than two minutes', async () => {
			server.answer({ status: 429, headers: { 'Retry-After': '600' }, body: { retryAfter: 600 } });
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' }));
			expect(server.seen).toHaveLength(1);
			expect(error.httpCode).toBe('429');
		});
	});

	describe('failures other than 429', () => {
		it('retries a GET after a 500 and succeeds', async () => {
			server.answer({ status: 500, body: { message: 'Internal server error' } }, { status: 200, body: { data: [1] } });
			await expect(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/events' })).resolves.toEqual({ data: [1] });
			expect(server.seen).toHaveLength(2);
		});

		it('retries a PUT after a dropped connection', async () => {
			server.answer({ reset: true }, { status: 200, body: { data: { id: 3 } } });
			await iClosedApiRequest.call(ctx, { method: 'PUT', path: '/v1/contacts', body: { id: 3 } });
			expect(server.seen.map((s) => s.method)).toEqual(['PUT', 'PUT']);
		});

		it('never retries a failed booking POST on a 500, and says it may have been created', async () => {
			server.otherwise(() => ({ status: 500, body: { message: 'Internal server error' } }));
			const error = await failureOf(
				iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/eventCalls', body: { email: 'x@example.com' } }),
			);
			expect(server.seen).toHaveLength(1);
			expect(error.message).toBe('iClosed answered 500: Internal server error');
			expect(error.description).toMatch(/may or may not have been saved/);
		});

		it('never retries a POST whose connection dropped, and says it may have been carried out', async () => {
			server.otherwise(() => ({ reset: true }));
			const error = await failureOf(
				iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/eventCalls', body: { email: 'x@example.com' } }),
			);
			expect(server.seen).toHaveLength(1);
			expect(error.message).toBe('Could not reach iClosed for POST /v1/eventCalls: connection dropped before an answer');
			expect(error.description).toMatch(/may or may not have been carried out/);
		});

		it('repeats a read-only POST (e.g. eventDates) after a 502 like a GET', async () => {
			server.answer({ status: 502, body: { message: 'Bad gateway' } }, { status: 200, body: { data: {} } });
			await iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/events/eventDates', body: {}, readOnly: true });
			expect(server.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
		});

		it('records what a failure means: refused (4xx), unknown (5xx or dropped), not sent (refused connection)', async () => {
			server.answer({ status: 400, body: { message: 'Invalid request' } });
			expect(requestOutcomeOf(await failureOf(iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/eventCalls', body: {} })))).toBe('rejected');
			server.answer({ status: 500, body: { message: 'Internal server error' } });
			expect(requestOutcomeOf(await failureOf(iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/eventCalls', body: {} })))).toBe('unknown');
			server.answer({ reset: true });
			expect(requestOutcomeOf(await failureOf(iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/eventCalls', body: {} })))).toBe('unknown');
			const offline = executeContextFor({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
			expect(requestOutcomeOf(await failureOf(iClosedApiRequest.call(offline, { method: 'POST', path: '/v1/eventCalls', body: {} })))).toBe('not sent');
		});

		it('gives up on a GET after a bounded number of 500s', async () => {
			server.otherwise(() => ({ status: 503, body: { message: 'Service unavailable' } }));
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' }));
			expect(server.seen).toHaveLength(3); // 1 + MAX_FAILURE_RETRIES
			expect(error.httpCode).toBe('503');
		}, 15000);

		it('says nothing was sent when the base URL refuses connections', async () => {
			const offline = executeContextFor({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
			const error = await failureOf(
				iClosedApiRequest.call(offline, { method: 'POST', path: '/v1/eventCalls', body: {} }),
			);
			expect(error.message).toBe('Could not reach iClosed for POST /v1/eventCalls: connection refused');
			expect(error.description).toMatch(/^Nothing was sent/);
		});
	});

	describe('error bodies', () => {
		it('flattens zod field errors into words', async () => {
			server.answer({
				status: 400,
				body: {
					message: {
						status: 400,
						details: { formErrors: [], fieldErrors: { email: ['Invalid email format'], dateTime: ['Invalid datetime', 'Required'] } },
						endpoint: '/v1/contacts',
						method: 'POST',
					},
				},
			});
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/contacts', body: {} }));
			expect(error.message).toBe('iClosed rejected the request: email: Invalid email format; dateTime: Invalid datetime; Required');
			expect(server.seen).toHaveLength(1);
		});

		it('flattens the standard validation shape', async () => {
			server.answer({ status: 400, body: { message: 'Invalid request', errors: { email: ['Invalid email'], name: ['Required'] } } });
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/products', body: {} }));
			expect(error.message).toBe('iClosed rejected the request: email: Invalid email; name: Required');
		});

		it.each([
			['API key is required', /start with "iclosed_"/],
			['Invalid API key', /wrong or revoked/],
			['API key expired', /has expired/],
		])('explains a 401 "%s"', async (message, advice) => {
			server.answer({ status: 401, body: { message } });
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' }));
			expect(error.message).toBe(`iClosed answered 401: ${message}`);
			expect(error.description).toMatch(advice);
			expect(`${error.message} ${error.description}`).not.toContain(KEY);
		});

		it('explains a 403 as a plan without API access', async () => {
			server.answer({ status: 403, body: { message: 'Forbidden' } });
			const error = await failureOf(iClosedApiRequest.call(ctx, { method: 'GET', path: '/v1/users' }));
			expect(error.description).toMatch(/plan/);
		});
	});
});
