import { NOW, byId, runAction, seedAccount, sent, useFakeIClosed } from './support';

describe('Outcome → Set', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	it('posts the outcome with a new deal and returns the updated task', async () => {
		const { json, error } = await runAction(fake(), {
			resource: 'outcome',
			operation: 'set',
			callId: byId(seed.call.id),
			outcome: 'WON',
			additionalFields: {
				objection: 'MONEY',
				notes: 'Closed on the call',
				newDeal: {
					value: 4500,
					transactionType: 'WON',
					productId: seed.product.id,
					date: '2026-03-04T16:00:00+01:00',
					transactionIds: String(seed.transaction.id),
				},
			},
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'POST',
				path: '/v1/outcomes',
				query: {},
				body: {
					eventCallId: seed.call.id,
					outcome: 'WON',
					objection: 'MONEY',
					notes: 'Closed on the call',
					newDeal: {
						value: 4500,
						transactionType: 'WON',
						productId: seed.product.id,
						date: '2026-03-04T15:00:00.000Z',
						transactionIds: [seed.transaction.id],
					},
				},
			},
		]);
		expect(json).toEqual([expect.objectContaining({ id: seed.call.task.id, objection: 'MONEY' })]);
		expect(fake().state.deals).toEqual([expect.objectContaining({ value: 4500, eventCallId: seed.call.id })]);
	});

	it('updates an existing deal when its ID is given', async () => {
		const dealId = fake().state.addDeal({ value: 4500, eventCallId: seed.call.id }).id;
		const { error } = await runAction(fake(), {
			resource: 'outcome',
			operation: 'set',
			callId: byId(seed.call.id),
			outcome: 'WON',
			additionalFields: { objection: 'NO_OBJECTION', newDeal: { id: dealId, value: 5000 } },
		});
		expect(error).toBeUndefined();
		expect(sent(fake())[0].body).toEqual({
			eventCallId: seed.call.id,
			outcome: 'WON',
			objection: 'NO_OBJECTION',
			newDeal: { id: dealId, value: 5000 },
		});
	});

	it('enforces nothing itself, and shows iClosed’s field errors in words', async () => {
		const { error } = await runAction(fake(), {
			resource: 'outcome',
			operation: 'set',
			callId: byId(seed.call.id),
			outcome: 'NO_SALE',
		});
		expect(sent(fake())).toHaveLength(1);
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toContain('noSaleReason');
		expect(error?.message).toContain('noSaleReason is required when outcome is NO_SALE');
	});
});
