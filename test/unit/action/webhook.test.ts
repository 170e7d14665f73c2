import { runAction, sent, useFakeIClosed } from './support';

/** Each test starts from an account without subscriptions and creates the ones it needs. */
describe('Webhook', () => {
	const fake = useFakeIClosed();
	beforeEach(() => {
		fake().state.webhooks = [];
	});

	/** Subscriptions made through the node, as a user would; returns their IDs. */
	async function subscribe(count: number): Promise<string[]> {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const { json } = await runAction(fake(), { resource: 'webhook', operation: 'create', url: `https://example.com/h${i}`, events: ['call.booked'] });
			ids.push(String(json[0].id));
		}
		fake().clearRequests();
		return ids;
	}

	it('Create posts the URL and events and never outputs the signing secret', async () => {
		const { json, error } = await runAction(fake(), {
			resource: 'webhook',
			operation: 'create',
			url: 'https://example.com/hooks/iclosed',
			events: ['call.booked', 'call.cancelled'],
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'POST', path: '/v1/webhooks', query: {}, body: { url: 'https://example.com/hooks/iclosed', events: ['call.booked', 'call.cancelled'] } },
		]);
		expect(json).toEqual([expect.objectContaining({ id: expect.any(Number), url: 'https://example.com/hooks/iclosed' })]);
		expect(JSON.stringify(json)).not.toContain(fake().state.webhooks[0].secret);
		expect(json[0]).not.toHaveProperty('secret');
	});

	it.each(['data', 'dataWebhook'] as const)('Create unwraps the %s envelope too (§6.15)', async (envelope) => {
		fake().setVariants({ webhookCreateEnvelope: envelope });
		try {
			const { json } = await runAction(fake(), { resource: 'webhook', operation: 'create', url: 'https://example.com/h2', events: ['contact.created'] });
			expect(json).toEqual([expect.objectContaining({ url: 'https://example.com/h2', events: ['contact.created'] })]);
			expect(json[0]).not.toHaveProperty('secret');
		} finally {
			fake().setVariants({ webhookCreateEnvelope: 'flat' });
		}
	});

	it.each(['data', 'dataWebhooks', 'array'] as const)('Get Many reads the %s list envelope, without secrets', async (envelope) => {
		await subscribe(3);
		fake().setVariants({ webhookListEnvelope: envelope });
		try {
			const { json, error } = await runAction(fake(), { resource: 'webhook', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([{ method: 'GET', path: '/v1/webhooks', query: { page: '0', limit: '100' }, body: undefined }]);
			expect(json).toHaveLength(3);
			expect(json.some((w) => 'secret' in w)).toBe(false);
		} finally {
			fake().setVariants({ webhookListEnvelope: 'data' });
		}
	});

	it('Delete sends the ID in the path and answers { deleted: true }', async () => {
		const [webhookId, kept] = await subscribe(2);
		const { json, error } = await runAction(fake(), { resource: 'webhook', operation: 'delete', webhookId });
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([{ method: 'DELETE', path: `/v1/webhooks/${webhookId}`, query: {}, body: undefined }]);
		expect(json).toEqual([{ deleted: true }]);
		expect(fake().state.webhooks.map((w) => String(w.id))).toEqual([kept]);
	});

	it('Delete of an unknown subscription is iClosed’s 404', async () => {
		const { error } = await runAction(fake(), { resource: 'webhook', operation: 'delete', webhookId: '424242' });
		expect(error?.httpCode).toBe('404');
	});
});
