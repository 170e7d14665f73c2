import { failureOf } from '../../../nodes/shared/transport/failure';
import { runNode } from '../../harness/runNode';
import { NOW, byId, runAction, seedAccount, sent, useFakeIClosed } from './support';

/** Bad input is refused before anything is sent; iClosed's refusals come back as API errors, per item. */
describe('Errors', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	describe('checked before sending', () => {
		it.each([
			[
				'a required field that maps to nothing',
				{ resource: 'contact', operation: 'addNote', contactId: byId(1), note: '={{ $json.missing }}' },
				'Note is required',
			],
			[
				'a locator that maps to nothing',
				{ resource: 'call', operation: 'cancel', callId: '={{ $json.missing }}' },
				'Call is required',
			],
			[
				'a bad email',
				{ resource: 'contact', operation: 'create', email: 'ada.example.com' },
				'Email is not a valid email address: "ada.example.com"',
			],
			[
				'a bad phone number',
				{ resource: 'contact', operation: 'create', email: 'a@example.com', additionalFields: { phoneNumber: 'call me' } },
				'Phone Number is not a phone number iClosed accepts: "call me"',
			],
			[
				'a bad date',
				{ resource: 'call', operation: 'reschedule', callId: byId(1), dateTime: 'next tuesday', timeZone: 'UTC' },
				'Start Time is not a date and time iClosed can use: "next tuesday"',
			],
			[
				'a bad time zone',
				{ resource: 'call', operation: 'reschedule', callId: byId(1), dateTime: '2026-03-05T10:00:00Z', timeZone: 'EST5' },
				'Invitee Time Zone is not a valid IANA time zone: "EST5"',
			],
			[
				'an ID mapped in that is not a number',
				{ resource: 'call', operation: 'cancel', callId: '={{ "abc" }}' },
				'Call must be a whole number, got "abc"',
			],
		])('refuses %s', async (_what, parameters, message) => {
			const { error } = await runAction(fake(), parameters);
			expect(error?.message).toEqual(message);
			expect(fake().requests).toHaveLength(0);
		});

		it('ties the error to the item that caused it', async () => {
			const { error } = await runAction(
				fake(),
				{ resource: 'call', operation: 'getMany', filters: { dateFrom: '={{ $json.from }}' } },
				{ items: [{ from: '2026-03-05T10:00:00Z' }, { from: 'soon' }] },
			);
			expect(error?.message).toBe('Starts After is not a date and time iClosed can use: "soon"');
			expect(error?.context?.itemIndex).toBe(1);
			expect(error?.description).toMatch(/ISO date/);
			expect(sent(fake())).toHaveLength(1);
		});

		// n8n itself refuses to run a node whose required parameters are empty or whose locator
		// value fails the mode's validation: the workflow never starts.
		it.each([
			['an empty required field', { resource: 'contact', operation: 'addNote', contactId: byId(1), note: '' }, 'Parameter "Note" is required.'],
			['an empty locator', { resource: 'call', operation: 'cancel', callId: { __rl: true, mode: 'list', value: '' } }, 'Parameter "Call" is required.'],
			['a By ID value that is not a number', { resource: 'call', operation: 'cancel', callId: byId('abc') }, 'Not a numeric ID'],
		])('n8n refuses to start with %s', async (_what, parameters, message) => {
			await expect(runAction(fake(), parameters)).rejects.toThrow(message);
			expect(fake().requests).toHaveLength(0);
		});
	});

	describe('from iClosed', () => {
		it('an unknown ID is iClosed’s 404, with advice', async () => {
			const { error } = await runAction(fake(), { resource: 'call', operation: 'cancel', callId: byId(987654) });
			expect(sent(fake())).toHaveLength(1);
			expect(error?.httpCode).toBe('404');
			expect(error?.message).toMatch(/iClosed answered 404/);
			expect(error?.description).toMatch(/Check the ID/);
		});

		it('a field iClosed rejects is named in the message', async () => {
			const { error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: { country: 'USA' },
			});
			expect(error?.httpCode).toBe('400');
			expect(error?.message).toMatch(/^iClosed rejected the request: country: /);
		});

		it('a failed create (POST) is sent once, never repeated, and says it may have been saved', async () => {
			fake().injectFault('POST /v1/deals', { kind: 'status', status: 502, times: 1 });
			const { error } = await runAction(fake(), { resource: 'deal', operation: 'create', callId: byId(seed.call.id) });
			expect(sent(fake()).filter((r) => r.method === 'POST')).toHaveLength(1);
			expect(error?.httpCode).toBe('502');
			expect(error?.description).toMatch(/may or may not have been saved/);
		});
	});

	// The engine's error object as the node threw it: n8n 2.37+ reads `failure` from it.
	describe("n8n's failure declaration", () => {
		it('a rejected key: credential-invalid', async () => {
			const { error } = await runNode({
				parameters: { resource: 'user', operation: 'getMany', returnAll: true },
				credentials: { apiKey: 'iclosed_not_a_real_key', baseUrl: fake().baseUrl },
			});
			expect(error?.httpCode).toBe('401');
			expect(failureOf(error)).toEqual({ cause: 'credential-invalid' });
		});

		it('a 429 it gave up on: rate-limited with the wait iClosed asked for', async () => {
			fake().injectFault('GET /v1/users', { kind: 'status', status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 600 } });
			const { error } = await runAction(fake(), { resource: 'user', operation: 'getMany', returnAll: true });
			expect(error?.httpCode).toBe('429');
			expect(failureOf(error)).toEqual({ cause: 'rate-limited', retryAfterMs: 600_000 });
		});

		it('a 5xx on a read it gave up on: temporarily-unavailable; on a create: nothing (it may have been saved)', async () => {
			fake().injectFault('GET /v1/users', { kind: 'status', status: 503 });
			expect(failureOf((await runAction(fake(), { resource: 'user', operation: 'getMany', returnAll: true })).error)).toEqual({
				cause: 'temporarily-unavailable',
			});
			fake().injectFault('POST /v1/deals', { kind: 'status', status: 502, times: 1 });
			const { error } = await runAction(fake(), { resource: 'deal', operation: 'create', callId: byId(seed.call.id) });
			expect(error?.httpCode).toBe('502');
			expect(failureOf(error)).toBeUndefined();
		}, 15_000);

		it('a 403 or a refused field: nothing declared', async () => {
			fake().injectFault('GET /v1/users', { kind: 'status', status: 403, times: 1 });
			expect(failureOf((await runAction(fake(), { resource: 'user', operation: 'getMany', returnAll: true })).error)).toBeUndefined();
			const { error } = await runAction(fake(), { resource: 'contact', operation: 'create', email: 'ada@example.com', additionalFields: { country: 'USA' } });
			expect(error?.httpCode).toBe('400');
			expect(failureOf(error)).toBeUndefined();
		});
	});

	describe('per item', () => {
		it('reads each item’s own values from expressions and pairs every output with its input', async () => {
			const { items, error } = await runAction(
				fake(),
				{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
				{ items: [{ id: seed.contact.id }, { id: seed.contact.id }] },
			);
			expect(error).toBeUndefined();
			expect(items.map((i) => [i.json.id, i.pairedItem])).toEqual([
				[seed.contact.id, { item: 0 }],
				[seed.contact.id, { item: 1 }],
			]);
		});

		it('pairs every record of a list with the input that asked for it', async () => {
			const { items } = await runAction(fake(), { resource: 'user', operation: 'getMany', returnAll: true }, { items: [{}, {}] });
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('with Continue on Fail, a failed item becomes { error: { message, statusCode } } and the others carry on', async () => {
			const { items, error } = await runAction(
				fake(),
				{ resource: 'call', operation: 'cancel', callId: '={{ $json.callId }}' },
				{ items: [{ callId: 'not-a-number' }, { callId: 987654 }, { callId: seed.call.id }], continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items[0].json).toMatchObject({ error: { message: 'Call must be a whole number, got "not-a-number"' } });
			expect(items[0].json.error).not.toHaveProperty('statusCode');
			expect(items[1].json).toMatchObject({ error: { message: expect.stringMatching(/404/), statusCode: 404 } });
			expect(items[2].json).toEqual({ message: 'Event call cancelled successfully', status: 200 });
			expect(sent(fake()).map((r) => r.body)).toEqual([{ id: 987654 }, { id: seed.call.id }]);
		});
	});
});
