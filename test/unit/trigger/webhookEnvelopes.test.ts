import type { FakeIClosed, FakeVariants } from '../../fake-iclosed';
import { startFakeIClosed } from '../../fake-iclosed';
import { TriggerWorkflow } from '../../harness/hooks';
import { readCreatedSubscription, readSubscription } from '../../../nodes/IClosedTrigger/webhookApi';

// The webhooks API's answers are undocumented (iclosed-api.md §2.11): every plausible envelope must work.
describe('webhook API envelopes', () => {
	describe('reading a create answer', () => {
		const subscription = { id: 7, url: 'https://n8n.example/webhook/x/webhook', events: ['call.booked'], secret: 'whsec_1' };

		it.each([
			['the subscription itself', subscription],
			['data', { data: subscription }],
			['data.webhook', { data: { webhook: subscription } }],
			['webhook', { webhook: subscription }],
			['data.data', { message: 'Created', status: 201, data: { data: subscription } }],
			['data.subscription', { data: { subscription } }],
		])('finds the id and secret in %s', (_name, body) => {
			expect(readCreatedSubscription(body)).toMatchObject({ id: '7', secret: 'whsec_1', events: ['call.booked'] });
		});

		it.each([
			['signingSecret', { id: 'wh_1', signingSecret: 'a' }],
			['signing_secret', { data: { webhookId: 'wh_1', signing_secret: 'a' } }],
			['webhookSecret', { data: { webhook: { _id: 'wh_1', webhookSecret: 'a' } } }],
			['signingKey beside the id', { data: { id: 'wh_1' }, signingKey: 'a' }],
		])('accepts a secret named %s', (_name, body) => {
			expect(readCreatedSubscription(body)).toMatchObject({ id: 'wh_1', secret: 'a' });
		});

		it('reads an answer without a secret or without an id', () => {
			expect(readCreatedSubscription({ id: 3 })).toEqual(expect.objectContaining({ id: '3', secret: undefined }));
			expect(readCreatedSubscription({ message: 'Webhook created' }).id).toBeUndefined();
			expect(readCreatedSubscription('OK').id).toBeUndefined();
		});
	});

	describe('reading a listed subscription', () => {
		it('understands other names for the URL and events, and legacy event ids', () => {
			expect(
				readSubscription({ webhookId: 9, targetUrl: 'https://a/b', triggers: [{ id: 'newCallScheduled', name: 'Call booked' }], isActive: true }),
			).toEqual({ id: '9', url: 'https://a/b', events: ['call.booked'], active: true, secret: undefined });
			expect(readSubscription({ id: 'x', callback_url: 'https://a/c', event: 'Call canceled', enabled: false })).toMatchObject({
				url: 'https://a/c',
				events: ['call.cancelled'],
				active: false,
			});
			expect(readSubscription({ id: 1, url: 'u', events: ['something.new'], status: 'disabled' })).toMatchObject({
				events: ['something.new'],
				active: false,
			});
		});

		it('skips records without an id', () => {
			expect(readSubscription({ url: 'https://a/b' })).toBeUndefined();
			expect(readSubscription(null)).toBeUndefined();
		});
	});

	describe('against the fake server', () => {
		let fake: FakeIClosed;
		afterEach(async () => {
			await fake.close();
		});

		const combos: Array<[string, Partial<FakeVariants>]> = [];
		for (const webhookCreateEnvelope of ['flat', 'data', 'dataWebhook', 'noSecret'] as const) {
			for (const webhookListEnvelope of ['data', 'dataWebhooks', 'array'] as const) {
				for (const webhookIdType of ['number', 'string'] as const) {
					combos.push([
						`create ${webhookCreateEnvelope}, list ${webhookListEnvelope}, ${webhookIdType} ids`,
						{ webhookCreateEnvelope, webhookListEnvelope, webhookIdType },
					]);
				}
			}
		}

		it.each(combos)('registers, adopts after a restart and deletes (%s)', async (_name, variants) => {
			fake = await startFakeIClosed({ variants });
			const workflow = new TriggerWorkflow({
				parameters: { events: ['call.booked', 'contact.created'] },
				credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
			});
			await workflow.activate();
			const stored = workflow.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
			expect(stored.map((s) => s.id)).toEqual(fake.state.webhooks.map((w) => String(w.id)));
			const secrets = stored.map((s) => s.secret);
			expect(secrets).toEqual(variants.webhookCreateEnvelope === 'noSecret' ? [undefined, undefined] : fake.state.webhooks.map((w) => w.secret));

			fake.clearRequests();
			const restarted = workflow.restart({ staticData: {} });
			await restarted.activate();
			expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

			await expect(restarted.deactivate()).resolves.toBe(true);
			expect(fake.state.webhooks).toHaveLength(0);
		});
	});
});
