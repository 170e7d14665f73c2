import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { declareFailure, declareFailureFor, failureOf, keepFailure } from '../../../nodes/shared/transport/failure';
import { iClosedApiRequest } from '../../../nodes/shared/transport/request';
import { executeContextFor } from '../../harness/executeContext';
import { ScriptedServer } from '../../harness/scriptedServer';

const KEY = 'iclosed_failure_test_key';
const NODE = { id: 'n1', name: 'iClosed', type: 'n8n-nodes-iclosed.iClosed', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

/**
 * n8n's failure declaration (n8n-workflow 2.37+): the transport's errors say why a request failed
 * where iClosed's answer proves it, so the action node and both triggers carry it.
 */
describe('failure declarations', () => {
	describe('on the transport’s errors', () => {
		const server = new ScriptedServer();
		let ctx: IExecuteFunctions;
		beforeAll(async () => {
			await server.start();
			ctx = executeContextFor({ apiKey: KEY, baseUrl: server.baseUrl });
		});
		afterEach(() => server.reset());
		afterAll(async () => await server.stop());

		async function declared(request: Parameters<typeof iClosedApiRequest>[0], ...answers: Parameters<ScriptedServer['answer']>) {
			server.answer(...answers);
			try {
				await iClosedApiRequest.call(ctx, request);
			} catch (error) {
				expect(error).toBeInstanceOf(NodeApiError);
				return failureOf(error);
			}
			throw new Error('expected the request to fail');
		}

		const get = { method: 'GET', path: '/v1/users' } as const;
		const post = { method: 'POST', path: '/v1/eventCalls', body: {} } as const;

		it('401: credential-invalid', async () => {
			expect(await declared(get, { status: 401, body: { message: 'Invalid API key' } })).toEqual({ cause: 'credential-invalid' });
		});

		it('a 429 it gave up on: rate-limited, with the wait iClosed asked for', async () => {
			expect(await declared(get, { status: 429, headers: { 'Retry-After': '600' }, body: { retryAfter: 600 } })).toEqual({
				cause: 'rate-limited',
				retryAfterMs: 600_000,
			});
		});

		it('a 429 without any wait named: rate-limited, no made-up wait', async () => {
			server.otherwise(() => ({ status: 429, body: { message: 'Too many requests' } }));
			expect(await declared({ ...get, deadline: Date.now() + 1_500 })).toEqual({ cause: 'rate-limited' });
		});

		it('5xx on a read it gave up on: temporarily-unavailable', async () => {
			server.otherwise(() => ({ status: 503, body: { message: 'Service unavailable' } }));
			expect(await declared(get)).toEqual({ cause: 'temporarily-unavailable' });
		}, 15_000);

		it('connection refused: temporarily-unavailable', async () => {
			const offline = executeContextFor({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
			try {
				await iClosedApiRequest.call(offline, post);
				throw new Error('expected a failure');
			} catch (error) {
				expect(failureOf(error)).toEqual({ cause: 'temporarily-unavailable' });
			}
		});

		it.each([
			['403 (plan or permission: nothing to wait for, no credential to fix)', { status: 403, body: { message: 'Forbidden' } }],
			['400 validation', { status: 400, body: { message: 'Invalid request', errors: { email: ['Invalid email'] } } }],
			['404', { status: 404, body: { message: 'Not found' } }],
		])('%s: nothing declared', async (_what, answer) => {
			expect(await declared(get, answer)).toBeUndefined();
		});

		it('a POST that failed with a 5xx or a dropped connection may have been carried out: nothing declared', async () => {
			expect(await declared(post, { status: 500, body: { message: 'Internal server error' } })).toBeUndefined();
			expect(await declared(post, { reset: true })).toBeUndefined();
		});
	});

	describe('feature detection', () => {
		const apiError = () => new NodeApiError(NODE, { message: 'iClosed answered 401' }, { message: 'iClosed answered 401', httpCode: '401' });

		it('on an n8n that has declarations (n8n-workflow 2.37+, as here), attaches them in n8n’s shape', () => {
			const error = declareFailure(apiError(), { cause: 'rate-limited', retryAfterMs: 1234.5 });
			expect(error.failure).toEqual({ cause: 'rate-limited', retryAfterMs: 1235 });
			expect(declareFailure(apiError(), { cause: 'credential-invalid', retryAfterMs: 5 }).failure).toEqual({ cause: 'credential-invalid' });
		});

		it('on an older n8n (1.123, 2.8: no cause lists), leaves the error exactly as it was', () => {
			const error = declareFailureFor(undefined, apiError(), { cause: 'credential-invalid' });
			expect(Object.prototype.hasOwnProperty.call(error, 'failure') && error.failure !== undefined).toBe(false);
			expect(failureOf(error)).toBeUndefined();
		});

		it('never attaches a cause the running n8n does not list', () => {
			const error = declareFailureFor(['rate-limited'], apiError(), { cause: 'credential-invalid' });
			expect(failureOf(error)).toBeUndefined();
		});
	});

	describe('kept when a caller wraps or rewords a transport error', () => {
		const declaredError = () =>
			declareFailure(new NodeApiError(NODE, { message: 'iClosed answered 429' }, { message: 'iClosed answered 429', httpCode: '429' }), {
				cause: 'rate-limited',
				retryAfterMs: 10_000,
			});

		it('survives a new message and description on the same error', () => {
			const error = declaredError();
			error.message = 'Polling "Call booked" failed: iClosed answered 429';
			error.description = 'The next poll catches up.';
			expect(failureOf(error)).toEqual({ cause: 'rate-limited', retryAfterMs: 10_000 });
		});

		it('keepFailure carries it to a new error', () => {
			const wrapped = keepFailure(declaredError(), new NodeOperationError(NODE, 'Polling "Call booked" failed'));
			expect(failureOf(wrapped)).toEqual({ cause: 'rate-limited', retryAfterMs: 10_000 });
		});

		it('n8n itself copies it when a node error is wrapped in a NodeOperationError (n8n-workflow 2.37+)', () => {
			const wrapped = new NodeOperationError(NODE, declaredError(), { message: 'Polling failed' });
			expect(failureOf(wrapped)).toEqual({ cause: 'rate-limited', retryAfterMs: 10_000 });
		});
	});
});
