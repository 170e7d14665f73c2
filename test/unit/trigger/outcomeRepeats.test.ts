import { fingerprint } from '../../../nodes/IClosedTrigger/dedupeKey';
import { currentOutcome } from './fixtures/currentDeliveries';
import type { ReceivingWorld } from './support/receiving';
import { startReceivingWorld } from './support/receiving';

// iClosed sends an outcome when it is added and again when it is updated (§3.5): each is an event.
describe('iClosed Trigger outcome deliveries added, then updated', () => {
	let world: ReceivingWorld;
	beforeEach(async () => {
		world = await startReceivingWorld();
	});
	afterEach(async () => {
		await world.close();
	});

	it('starts one execution per outcome content, and none for an identical repeat', async () => {
		const workflow = world.trigger({ events: ['call.outcome_added'] });
		const url = workflow.webhookUrl();
		const added = currentOutcome();
		const updated = currentOutcome({ callOutcome: 'SALE', noSaleReason: null, objection: null, dealValue: 4800, notes: 'Signed after follow-up' });
		const oneCharacterLater = currentOutcome({ callOutcome: 'SALE', noSaleReason: null, objection: null, dealValue: 4800, notes: 'Signed after follow-up!' });
		for (const payload of [added, updated, updated, oneCharacterLater, added]) {
			expect((await world.fake.deliver('call.outcome_added', { url, payload }))[0].status).toBe(200);
		}
		const results = world.receiver.executions().map((items) => (items[0].json.outcome as { result: string; notes: string }));
		expect(results.map((o) => [o.result, o.notes])).toEqual([
			['NO_SALE', 'Follow up next week'],
			['SALE', 'Signed after follow-up'],
			['SALE', 'Signed after follow-up!'],
		]);
	});
});

describe('the duplicate key', () => {
	it('is the same for the same content, whatever the key order', () => {
		expect(fingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(fingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
	});

	it.each([
		['a value', { a: 1, b: 'x' }, { a: 1, b: 'y' }],
		['a type', { a: 1 }, { a: '1' }],
		['a nested value', { a: { b: [1, 2] } }, { a: { b: [2, 1] } }],
		['an added field', { a: 1 }, { a: 1, b: null }],
	])('differs when %s differs', (_what, one, other) => {
		expect(fingerprint(one)).not.toBe(fingerprint(other));
	});
});
