import { NOW, byId, fromList, runAction, sent, useFakeIClosed } from './support';

describe('Transaction', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let transactionId: number;
	/** A payment as Create then Update leave it: each test that reads one starts from it. */
	const payment = () =>
		fake().state.addTransaction({ value: 1250, name: 'Grace Hopper', email: 'grace@example.com', source: 'Other', description: 'First instalment' }).id;

	it('Create posts the payment and returns it', async () => {
		const { json, error } = await runAction(fake(), {
			resource: 'transaction',
			operation: 'create',
			value: 1200,
			additionalFields: {
				name: 'Grace Hopper',
				email: 'grace@example.com',
				phoneNumber: '+1 415 555 0100',
				description: 'First instalment',
				source: 'Stripe',
				updatedBy: 'n8n',
			},
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'POST',
				path: '/v1/transactions',
				query: {},
				body: {
					value: 1200,
					name: 'Grace Hopper',
					email: 'grace@example.com',
					phoneNumber: '+14155550100',
					description: 'First instalment',
					source: 'Stripe',
					updatedBy: 'n8n',
				},
			},
		]);
		expect(json).toEqual([expect.objectContaining({ value: 1200, source: 'Stripe', id: expect.any(Number) })]);
	});

	it('Create refuses a bad email before sending', async () => {
		const { error } = await runAction(fake(), {
			resource: 'transaction',
			operation: 'create',
			value: 10,
			additionalFields: { email: 'grace@' },
		});
		expect(error?.message).toMatch(/Email is not a valid email address/);
		expect(fake().requests).toHaveLength(0);
	});

	it('Update puts the ID with the changes', async () => {
		transactionId = payment();
		const { json, error } = await runAction(fake(), {
			resource: 'transaction',
			operation: 'update',
			transactionId: fromList(transactionId),
			additionalFields: { value: 1250, source: 'Other' },
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'PUT', path: '/v1/transactions', query: {}, body: { id: transactionId, value: 1250, source: 'Other' } },
		]);
		expect(json).toEqual([expect.objectContaining({ id: transactionId, value: 1250 })]);
	});

	it('Get Many sends the filters (sources joined, synced as false)', async () => {
		transactionId = payment();
		const { json, error } = await runAction(fake(), {
			resource: 'transaction',
			operation: 'getMany',
			limit: 10,
			filters: {
				id: transactionId,
				synced: false,
				search: 'grace',
				source: ['Other', 'Stripe'],
				timeFrom: '2026-01-01T00:00:00Z',
				timeTo: '2026-12-31T00:00:00Z',
				sort: 'asc',
				sortByAmount: 'descAmount',
			},
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'GET',
				path: '/v1/transactions',
				query: {
					id: String(transactionId),
					synced: 'false',
					search: 'grace',
					source: 'Other,Stripe',
					timeFrom: '2026-01-01T00:00:00.000Z',
					timeTo: '2026-12-31T00:00:00.000Z',
					sort: 'asc',
					sortByAmount: 'descAmount',
					page: '0',
					limit: '10',
				},
				body: undefined,
			},
		]);
		expect(json).toEqual([expect.objectContaining({ id: transactionId, value: 1250 })]);
	});

	it('Delete sends the ID in the query string and answers { deleted: true }', async () => {
		transactionId = payment();
		const { json, error } = await runAction(fake(), {
			resource: 'transaction',
			operation: 'delete',
			transactionId: byId(transactionId),
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'DELETE', path: '/v1/transactions', query: { id: String(transactionId) }, body: undefined },
		]);
		expect(json).toEqual([{ deleted: true }]);
		expect(fake().state.transactions).toHaveLength(0);
	});
});
