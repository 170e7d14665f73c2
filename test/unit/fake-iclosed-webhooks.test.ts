/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildOutcomePayload, hookTypeFor, startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed, FakeVariants } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON answers
type Json = any;

interface Received {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	raw: string;
}

/** A local receiver that records raw deliveries and answers 200. */
async function startReceiver(): Promise<{
	url: string;
	got: Received[];
	close: () => Promise<void>;
}> {
	const got: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			got.push({
				path: req.url ?? '',
				headers: req.headers,
				raw: Buffer.concat(chunks).toString('utf8'),
			});
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		got,
		close: () => new Promise((r) => server.close(() => r())),
	};
}

describe('fake iClosed: webhooks API (§2.11)', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed();
	});
	afterEach(() => fake.close());
	beforeEach(() => {
		fake.state.webhooks = [];
		fake.setVariants({
			webhookCreateEnvelope: 'flat',
			webhookListEnvelope: 'data',
			webhooksApi: 'enabled',
			webhookIdType: 'number',
			rejectEvents: [],
		});
	});

	const create = () =>
		callFake(fake, 'POST', '/v1/webhooks', {
			body: { url: 'https://n8n.example.com/webhook/abc', events: ['call.booked'] },
		});

	const cases: Array<[FakeVariants['webhookCreateEnvelope'], (b: Json) => Json, boolean]> = [
		['flat', (b) => b, true],
		['data', (b) => b.data, true],
		['dataWebhook', (b) => b.data.webhook, true],
		['noSecret', (b) => b, false],
	];
	it.each(cases)(
		'creates a subscription with the %s envelope',
		async (envelope, unwrap, hasSecret) => {
			fake.setVariants({ webhookCreateEnvelope: envelope });
			const r = await create();
			expect(r.status).toBe(201);
			const sub = unwrap(r.body);
			expect(sub).toMatchObject({
				id: fake.state.webhooks[0].id,
				url: 'https://n8n.example.com/webhook/abc',
				events: ['call.booked'],
			});
			expect(typeof sub.createdAt).toBe('string');
			if (hasSecret) expect(sub.secret).toMatch(/^[0-9a-f]{64}$/);
			else expect(sub).not.toHaveProperty('secret');
		},
	);

	const lists: Array<[FakeVariants['webhookListEnvelope'], (b: Json) => Json[]]> = [
		['data', (b) => b.data],
		['dataWebhooks', (b) => b.data.webhooks],
		['array', (b) => b],
	];
	it.each(lists)('lists subscriptions with the %s envelope, paged', async (envelope, unwrap) => {
		fake.setVariants({ webhookListEnvelope: envelope });
		for (let i = 0; i < 3; i++) await create();
		const all = await callFake(fake, 'GET', '/v1/webhooks');
		expect(unwrap(all.body)).toHaveLength(3);
		if (envelope === 'dataWebhooks') expect(all.body.data.count).toBe(3);
		const page1 = await callFake(fake, 'GET', '/v1/webhooks', { query: { page: 1, limit: 2 } });
		expect(unwrap(page1.body).map((w) => w.id)).toEqual([fake.state.webhooks[2].id]);
	});

	it('deletes by id, then answers 404', async () => {
		const id = (await create()).body.id;
		expect((await callFake(fake, 'DELETE', `/v1/webhooks/${id}`)).status).toBe(200);
		expect(fake.state.webhooks).toHaveLength(0);
		const again = await callFake(fake, 'DELETE', `/v1/webhooks/${id}`);
		expect(again).toMatchObject({ status: 404, body: { message: 'Webhook not found' } });
	});

	it('uses string ids when asked', async () => {
		fake.setVariants({ webhookIdType: 'string' });
		const id = (await create()).body.id;
		expect(typeof id).toBe('string');
		expect((await callFake(fake, 'DELETE', `/v1/webhooks/${id}`)).status).toBe(200);
	});

	it('can pretend the API does not exist (404) or is forbidden (403)', async () => {
		fake.setVariants({ webhooksApi: 'notFound' });
		expect((await create()).status).toBe(404);
		expect((await callFake(fake, 'GET', '/v1/webhooks')).status).toBe(404);
		fake.setVariants({ webhooksApi: 'forbidden' });
		expect((await create()).status).toBe(403);
		expect((await callFake(fake, 'DELETE', '/v1/webhooks/1')).status).toBe(403);
		expect(fake.state.webhooks).toHaveLength(0);
	});

	it('refuses the configured event names with a fieldErrors entry for events', async () => {
		fake.setVariants({ rejectEvents: ['call.completed'] });
		const r = await callFake(fake, 'POST', '/v1/webhooks', {
			body: { url: 'https://n8n.example.com/x', events: ['call.booked', 'call.completed'] },
		});
		expect(r.status).toBe(400);
		expect(r.body.message.details.fieldErrors.events).toEqual([
			'Invalid event type: call.completed',
		]);
	});

	it('validates the url and events', async () => {
		const r = await callFake(fake, 'POST', '/v1/webhooks', {
			body: { url: 'not a url', events: [] },
		});
		expect(Object.keys(r.body.message.details.fieldErrors).sort()).toEqual(['events', 'url']);
	});
});

describe('fake iClosed: deliveries (§3)', () => {
	let fake: FakeIClosed;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeEach(async () => {
		fake = await startFakeIClosed({ seed: 'demo' });
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await fake.close();
		await receiver.close();
	});
	beforeEach(() => {
		receiver.got.length = 0;
		fake.state.webhooks = [];
	});

	const subscribe = async (path: string, events: string[]) =>
		(await callFake(fake, 'POST', '/v1/webhooks', { body: { url: receiver.url + path, events } }))
			.body;

	it('sends an unsigned JSON array to every subscription for the event', async () => {
		await subscribe('/a', ['call.booked']);
		await subscribe('/b', ['call.booked', 'call.cancelled']);
		await subscribe('/c', ['contact.created']);
		const results = await fake.deliver('call.booked');
		expect(results.map((r) => r.status)).toEqual([200, 200]);
		expect(receiver.got.map((g) => g.path).sort()).toEqual(['/a', '/b']);
		const body = JSON.parse(receiver.got[0].raw);
		expect(Array.isArray(body)).toBe(true);
		expect(body[0]).toMatchObject({
			hookType: 'Call booked',
			event_type: { type: expect.stringMatching(/_EVENT$/) },
			event: { uuid: expect.any(String), utc_start_time: expect.stringMatching(/Z$/) },
			invitee: { email: expect.stringMatching(/@example\.com$/) },
			questions_and_answers: expect.any(Array),
			tracking: expect.any(Object),
		});
		expect(receiver.got[0].headers['x-iclosed-signature']).toBeUndefined();
	});

	it('signs with the subscription secret (hex HMAC-SHA256 of the raw body)', async () => {
		const sub = await subscribe('/signed', ['call.cancelled']);
		await fake.deliver('call.cancelled', { sign: true });
		const [got] = receiver.got;
		const expected = createHmac('sha256', sub.secret).update(got.raw).digest('hex');
		expect(got.headers['x-iclosed-signature']).toBe(expected);
		expect(JSON.parse(got.raw)[0]).toMatchObject({
			hookType: 'Call canceled',
			event: { canceled: true },
		});
	});

	it('sends a single object, receiver spelling, custom header, base64 with prefix', async () => {
		await subscribe('/obj', ['call.cancelled']);
		await fake.deliver('call.cancelled', {
			format: 'object',
			naming: 'receivers',
			sign: { secret: 's3cret', header: 'X-Signature', encoding: 'base64', prefix: 'sha256=' },
		});
		const [got] = receiver.got;
		const body = JSON.parse(got.raw);
		expect(Array.isArray(body)).toBe(false);
		expect(body.hookType).toBe('Call cancelled');
		expect(got.headers['x-signature']).toBe(
			`sha256=${createHmac('sha256', 's3cret').update(got.raw).digest('base64')}`,
		);
	});

	it('signs with a timestamp: t=<unix>,v1=<hmac of "t.body">', async () => {
		await subscribe('/ts', ['contact.updated']);
		await fake.deliver('contact.updated', {
			sign: { secret: 'k', timestamped: true, timestamp: 1767225600 },
		});
		const [got] = receiver.got;
		const mac = createHmac('sha256', 'k').update(`1767225600.${got.raw}`).digest('hex');
		expect(got.headers['x-iclosed-signature']).toBe(`t=1767225600,v1=${mac}`);
		const [item] = JSON.parse(got.raw);
		expect(item).toMatchObject({
			hookType: 'Contact updated',
			updatedAttributes: expect.any(Array),
		});
		expect(item.questionsAndAnswers['1_question']).toBe('Phone Number');
		expect(item.questionsAndAnswers['Phone Number']).toBe(item.questionsAndAnswers['1_response']);
	});

	it('names events in the legacy and dotted spellings', async () => {
		await subscribe('/n', ['call.booked', 'call.outcome_added']);
		await fake.deliver('call.booked', { naming: 'legacy' });
		await fake.deliver('call.outcome_added', { naming: 'legacyPage' });
		await fake.deliver('call.booked', { naming: 'dotted' });
		expect(receiver.got.map((g) => JSON.parse(g.raw)[0].hookType)).toEqual([
			'newCallScheduled',
			'outcomeAdded',
			'call.booked',
		]);
		expect(hookTypeFor('call.outcome_added', 'receivers')).toBe('Call outcome added');
		expect(hookTypeFor('deal.created')).toBe('Deal created');
	});

	it('builds the outcome payload like the complete vendor sample', async () => {
		const call = fake.state.calls.find((c) => c.task.outcome === 'WON')!;
		const p = buildOutcomePayload(fake.state, call, 'Outcome added');
		expect(Object.keys(p)).toEqual([
			'uuid',
			'userId',
			'eventName',
			'eventId',
			'eventDuration',
			'eventDurationUnit',
			'email',
			'contactId',
			'firstName',
			'lastName',
			'phoneNumber',
			'closerEmail',
			'callOutcome',
			'noSaleReason',
			'objection',
			'startTime',
			'notes',
			'dealValue',
			'productName',
			'deal',
			'transaction',
			'hookType',
		]);
		expect(p).toMatchObject({
			uuid: call.id,
			callOutcome: 'SALE',
			deal: { transactionType: 'SALE' },
		});
	});

	it('sends an overriding payload to one URL only, and nothing when nobody subscribed', async () => {
		expect(await fake.deliver('deal.created')).toEqual([]);
		const [res] = await fake.deliver('call.booked', {
			url: `${receiver.url}/only`,
			payload: { hello: 'world' },
		});
		expect(res).toMatchObject({
			status: 200,
			body: '{"ok":true}',
			sentBody: '[{"hello":"world"}]',
		});
		expect(receiver.got.map((g) => g.path)).toEqual(['/only']);
	});
	it('sends an event on request over HTTP (npm run sandbox:event), signed, to every subscription for it', async () => {
		const sub = await subscribe('/listening', ['contact.created']);
		await subscribe('/other', ['call.booked']);
		const res = await callFake(fake, 'POST', '/sandbox/events', { body: { event: 'contact.created' } });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ event: 'contact.created', deliveries: [{ url: `${receiver.url}/listening`, status: 200, body: '{"ok":true}' }] });
		const [got] = receiver.got;
		expect(JSON.parse(got.raw)[0]).toMatchObject({ hookType: 'Contact created' });
		expect(got.headers['x-iclosed-signature']).toBe(createHmac('sha256', sub.secret).update(got.raw).digest('hex'));
		const none = await callFake(fake, 'POST', '/sandbox/events', { body: { event: 'deal.updated' } });
		expect(none.body).toEqual({ event: 'deal.updated', deliveries: [] });
		expect((await callFake(fake, 'POST', '/sandbox/events', { body: {} })).status).toBe(400);
	});
});
