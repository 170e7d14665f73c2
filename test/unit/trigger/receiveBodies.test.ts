import { buildEventPayload, signBody } from '../../fake-iclosed';
import type { ReceivingWorld } from './support/receiving';
import { post, startReceivingWorld } from './support/receiving';

// Odd bodies and repeated deliveries, over real HTTP, as n8n would hand them to webhook().
describe('iClosed Trigger bodies and duplicates', () => {
	let world: ReceivingWorld;

	beforeEach(async () => {
		world = await startReceivingWorld();
	});
	afterEach(async () => {
		expect(world.receiver.received.filter((r) => r.status >= 500)).toEqual([]);
		await world.close();
	});

	const eventJson = () => JSON.stringify([buildEventPayload(world.fake.state, 'call.booked')]);

	describe('bodies', () => {
		it('is answered 422 by n8n itself for malformed JSON sent as application/json, before the node runs', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const result = await post(workflow.webhookUrl(), '[{"hookType": "Call booked",', { 'content-type': 'application/json' });
			expect(result.status).toBe(422);
			expect(world.receiver.executions()).toHaveLength(0);
		});

		it.each([
			['text/plain', '[{"hookType": "Call booked",'],
			['application/octet-stream', '<xml>not json</xml>'],
			['no content type', 'hookType=Call booked'],
		])('answers 400 to a body that is not JSON (%s)', async (type, body) => {
			const workflow = world.trigger({ events: ['call.booked'] });
			// A Buffer body makes fetch send no content-type at all.
			const result = await post(workflow.webhookUrl(), Buffer.from(body), type.includes('/') ? { 'content-type': type } : {});
			expect(result.status).toBe(400);
			expect(JSON.parse(result.text)).toEqual({ message: expect.stringContaining('not JSON') });
			expect(world.receiver.executions()).toHaveLength(0);
		});

		it.each(['42', '"Call booked"', 'null'])('answers 400 to JSON that holds no event: %s', async (body) => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const result = await post(workflow.webhookUrl(), body, { 'content-type': 'text/plain' });
			expect(result.status).toBe(400);
		});

		it.each(['text/plain', 'application/octet-stream', 'application/vnd.iclosed+json'])(
			'reads JSON events sent as %s',
			async (type) => {
				const workflow = world.trigger({ events: ['call.booked'] });
				const result = await post(workflow.webhookUrl(), eventJson(), { 'content-type': type });
				expect(result.status).toBe(200);
				expect(world.receiver.executions()).toHaveLength(1);
			},
		);

		it('acknowledges a form body (no iClosed event in it) without starting anything', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const result = await post(workflow.webhookUrl(), 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' });
			expect(result.status).toBe(200);
			expect(world.receiver.executions()).toHaveLength(0);
		});

		it('acknowledges an empty body without starting anything', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const result = await post(workflow.webhookUrl(), '', { 'content-type': 'application/json' });
			expect(result.status).toBe(200);
			expect(world.receiver.executions()).toHaveLength(0);
		});

		it('handles a signed 1 MB delivery', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			await workflow.activate();
			const payload = buildEventPayload(world.fake.state, 'call.booked');
			const answers = Array.from({ length: 2000 }, (_, i) => ({ question: `Question ${i}`, answer: 'x'.repeat(500) }));
			const [result] = await world.fake.deliver('call.booked', { payload: { ...payload, questions_and_answers: answers, questions_and_responses: {} }, sign: true });

			expect(result.sentBody.length).toBeGreaterThan(1_000_000);
			expect(result.status).toBe(200);
			const [items] = world.receiver.executions();
			expect(items).toHaveLength(1);
			expect((items[0].json.questions as unknown[]).length).toBe(2000);
		});
	});

	describe('duplicates', () => {
		it('starts no second execution for a delivery identical to one already accepted', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const body = eventJson();
			const first = await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			const again = await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });

			expect([first.status, again.status]).toEqual([200, 200]);
			expect(world.receiver.executions()).toHaveLength(1);
		});

		it('recognises the same event formatted differently (key order, spacing)', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const payload = buildEventPayload(world.fake.state, 'call.booked');
			const reordered = Object.fromEntries(Object.entries(payload).reverse());
			await post(workflow.webhookUrl(), JSON.stringify([payload]), { 'content-type': 'application/json' });
			await post(workflow.webhookUrl(), JSON.stringify(reordered, null, 2), { 'content-type': 'application/json' });
			expect(world.receiver.executions()).toHaveLength(1);
		});

		it('still runs for a different event', async () => {
			const workflow = world.trigger({ events: ['call.booked', 'call.cancelled'] });
			await world.fake.deliver('call.booked', { url: workflow.webhookUrl() });
			await world.fake.deliver('call.cancelled', { url: workflow.webhookUrl() });
			expect(world.receiver.executions()).toHaveLength(2);
		});

		it('forgets accepted deliveries on an n8n restart: the memory is in the process, never in static data', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const body = eventJson();
			await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			world.receiver.attach(workflow.restart());
			await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			expect(world.receiver.executions()).toHaveLength(2);
		});

		it('never changes static data, so n8n has nothing to save that could overwrite what activation stored', async () => {
			const workflow = world.trigger({ events: ['call.booked', 'call.cancelled'] });
			await workflow.activate();
			const stored = workflow.staticData();
			expect(stored).toHaveProperty(['node:iClosed Trigger', 'subscriptions']);
			// As n8n leaves it after saving: the flag n8n checks before saving static data again.
			const data = workflow.workflow.staticData as { __dataChanged?: boolean };
			data.__dataChanged = false;

			const body = eventJson();
			await world.fake.deliver('call.cancelled', { url: workflow.webhookUrl() });
			await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			await post(workflow.webhookUrl(), 'not json', { 'content-type': 'text/plain' });

			expect(world.receiver.executions()).toHaveLength(2);
			expect(data.__dataChanged).toBe(false);
			expect(workflow.staticData()).toEqual(stored);
		});

		it('leaves static data unchanged for a workflow without any (Manual registration)', async () => {
			const workflow = world.trigger({ events: ['call.booked'], registration: 'manual' });
			await post(workflow.webhookUrl(), eventJson(), { 'content-type': 'application/json' });
			expect(world.receiver.executions()).toHaveLength(1);
			expect((workflow.workflow.staticData as { __dataChanged?: boolean }).__dataChanged).toBe(false);
		});

		it('catches a retry that arrives before n8n saved the static data of the first delivery', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const body = eventJson();
			await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			const stale = workflow.reloadedBeforeSave();
			expect(stale.nodeStaticData()).toEqual({});
			world.receiver.attach(stale);
			await post(workflow.webhookUrl(), body, { 'content-type': 'application/json' });
			expect(world.receiver.executions()).toHaveLength(1);
		});

		it('does not remember a delivery it turned away, so the signed retry still runs', async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			await workflow.activate();
			const body = eventJson();
			const secret = world.fake.state.webhooks[0].secret;
			const forged = signBody(body, 'whsec_forged');
			const good = signBody(body, secret);
			const first = await post(workflow.webhookUrl(), body, { 'content-type': 'application/json', [forged.header]: forged.value });
			const retry = await post(workflow.webhookUrl(), body, { 'content-type': 'application/json', [good.header]: good.value });
			expect([first.status, retry.status]).toEqual([401, 200]);
			expect(world.receiver.executions()).toHaveLength(1);
		});

		it("lets the editor's test listener receive the same test event twice", async () => {
			const workflow = world.trigger({ events: ['call.booked'] });
			const body = eventJson();
			await post(workflow.webhookUrl(true), body, { 'content-type': 'application/json' });
			await post(workflow.webhookUrl(true), body, { 'content-type': 'application/json' });
			expect(world.receiver.received.map((r) => r.mode)).toEqual(['manual', 'manual']);
			expect(world.receiver.executions()).toHaveLength(2);
		});
	});
});
