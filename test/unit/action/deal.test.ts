import { NOW, byId, runAction, seedAccount, sent, useFakeIClosed } from './support';

describe('Deal', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	let dealId: number;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	it('Create posts the deal on the call, value as a number and time as UTC', async () => {
		const { json, error } = await runAction(fake(), {
			resource: 'deal',
			operation: 'create',
			callId: byId(seed.call.id),
			additionalFields: {
				productId: seed.product.id,
				value: '2500.50',
				time: '2026-03-04T11:00:00-05:00',
				transactionType: 'DEPOSIT',
				transactionIds: `${seed.transaction.id}`,
			},
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'POST',
				path: '/v1/deals',
				query: {},
				body: {
					eventCallId: seed.call.id,
					productId: seed.product.id,
					value: 2500.5,
					time: '2026-03-04T16:00:00.000Z',
					transactionType: 'DEPOSIT',
					transactionIds: [seed.transaction.id],
				},
			},
		]);
		expect(json).toEqual([expect.objectContaining({ eventCallId: seed.call.id, value: 2500.5, id: expect.any(Number) })]);
	});

	/** A deal on the seeded call as Create and Update leave it (each test that reads one starts from it). */
	const recurringDeal = () =>
		fake().state.addDeal({
			value: 3000,
			eventCallId: seed.call.id,
			contactId: seed.contact.id,
			productId: seed.product.id,
			userId: seed.closer.id,
			transactionType: 'RECURRING',
			recurring: true,
			time: '2026-03-05T00:00:00.000Z',
			transactionIds: [seed.transaction.id],
		}).id;

	it('Create accepts a product by name instead of ID', async () => {
		await runAction(fake(), {
			resource: 'deal',
			operation: 'create',
			callId: byId(seed.call.id),
			additionalFields: { productName: 'Mastermind', value: 900 },
		});
		expect(sent(fake())[0].body).toEqual({ eventCallId: seed.call.id, productName: 'Mastermind', value: 900 });
	});

	it('Update puts the deal ID as `id` with the changes', async () => {
		dealId = recurringDeal();
		const { json, error } = await runAction(fake(), {
			resource: 'deal',
			operation: 'update',
			dealId,
			additionalFields: {
				value: 3000,
				recurring: true,
				transactionType: 'RECURRING',
				productId: seed.product.id,
				closerId: byId(seed.closer.id),
				time: '2026-03-05T00:00:00Z',
				transactionIds: [seed.transaction.id],
				type: 'DEAL',
				email: 'ada@example.com',
			},
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'PUT',
				path: '/v1/deals',
				query: {},
				body: {
					id: dealId,
					value: 3000,
					recurring: true,
					transactionType: 'RECURRING',
					productId: seed.product.id,
					closerId: seed.closer.id,
					time: '2026-03-05T00:00:00.000Z',
					transactionIds: [seed.transaction.id],
					type: 'DEAL',
					email: 'ada@example.com',
				},
			},
		]);
		expect(json).toEqual([expect.objectContaining({ id: dealId, value: 3000, transactionType: 'RECURRING' })]);
	});

	it('Update refuses a missing deal ID before sending', async () => {
		const { error } = await runAction(fake(), { resource: 'deal', operation: 'update', dealId: 0 });
		expect(error?.message).toBe('Deal ID is required');
		expect(fake().requests).toHaveLength(0);
	});

	it('Get Many sends the filters and pages up to 200 per request', async () => {
		dealId = recurringDeal();
		const { json, error } = await runAction(fake(), {
			resource: 'deal',
			operation: 'getMany',
			returnAll: true,
			filters: {
				contactId: byId(seed.contact.id),
				userIds: String(seed.closer.id),
				productIds: String(seed.product.id),
				transactionType: 'RECURRING',
				contactStatuses: ['POTENTIAL'],
				eventIds: String(seed.event.id),
				search: 'coaching',
				timeFrom: '2026-03-01',
				timeTo: '2026-03-31',
				orderColumn: 'value',
				orderBy: 'desc',
			},
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'GET',
				path: '/v1/deals',
				query: {
					contactId: String(seed.contact.id),
					userIds: String(seed.closer.id),
					productIds: String(seed.product.id),
					transactionType: 'RECURRING',
					contactStatuses: 'POTENTIAL',
					eventIds: String(seed.event.id),
					search: 'coaching',
					timeFrom: '2026-03-01T00:00:00.000Z',
					timeTo: '2026-03-31T00:00:00.000Z',
					orderColumn: 'value',
					orderBy: 'desc',
					page: '0',
					limit: '200',
				},
				body: undefined,
			},
		]);
		expect(json).toEqual([expect.objectContaining({ id: dealId, value: 3000 })]);
	});
});
