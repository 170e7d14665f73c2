import { seedBookableEvent, startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

/**
 * The fake's switches for the updatedAt questions no public source settles (iclosed-api.md §2.2, §2.3,
 * §3.5): whether an outcome or a cancel moves the call's updatedAt, and whether list items carry it at all.
 */
const T0 = '2026-11-30T10:00:00.000Z';

describe('fake iClosed: updatedAt switches', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({ variants: { outcomeRules: 'lenient' } });
		fake.clock.freeze(T0);
	});
	afterEach(() => fake.close());

	async function bookedCall(): Promise<number> {
		const { eventId, nextSlot } = seedBookableEvent(fake.state);
		const booked = await callFake(fake, 'POST', '/v1/eventCalls', {
			body: { dateTime: nextSlot(), timeZone: 'UTC', email: 'lead@example.com', eventId },
		});
		return booked.body.data.eventCall.data.id as number;
	}

	const listedCall = async (callId: number) =>
		(await callFake(fake, 'GET', '/v1/eventCalls', { query: { ids: String(callId) } })).body.data
			.eventCalls[0];

	it.each([
		[true, '2026-11-30T10:00:01.000Z'],
		[false, T0],
	])('outcomeMovesUpdatedAt %s: recording an outcome leaves the call at %s', async (moves, expected) => {
		fake.setVariants({ outcomeMovesUpdatedAt: moves });
		const callId = await bookedCall();
		fake.clock.advance(1_000);
		const answer = await callFake(fake, 'POST', '/v1/outcomes', { body: { eventCallId: callId, outcome: 'WON' } });
		expect(answer.status).toBe(200);
		// The task row moves either way: only the call's own stamp is in question.
		expect(answer.body.data.updatedAt).toBe('2026-11-30T10:00:01.000Z');
		const call = await listedCall(callId);
		expect(call.task[0].outcome).toBe('WON');
		expect(call.updatedAt).toBe(expected);
	});

	it.each([
		[true, '2026-11-30T10:00:01.000Z'],
		[false, T0],
	])('cancelMovesUpdatedAt %s: cancelling leaves the call at %s', async (moves, expected) => {
		fake.setVariants({ cancelMovesUpdatedAt: moves });
		const callId = await bookedCall();
		fake.clock.advance(1_000);
		expect((await callFake(fake, 'PUT', '/v1/eventCalls/cancel', { body: { id: callId } })).status).toBe(200);
		const cancelled = await callFake(fake, 'GET', '/v1/eventCalls', { query: { types: 'cancelled_events' } });
		expect(cancelled.body.data.eventCalls.map((c: { id: number }) => c.id)).toEqual([callId]);
		expect((await listedCall(callId)).updatedAt).toBe(expected);
	});

	it('listsCarryUpdatedAt false: no list item carries updatedAt, yet lists still sort by it and details keep it', async () => {
		fake.setVariants({ listsCarryUpdatedAt: false });
		const callId = await bookedCall();
		const [older, newer] = [fake.state.addContact({ email: 'a@example.com' }), fake.state.addContact({ email: 'b@example.com' })];
		fake.clock.advance(1_000);
		await callFake(fake, 'PUT', '/v1/contacts', { body: { id: older.id, firstName: 'Ann' } });
		fake.state.addDeal({ value: 100 });
		fake.state.addTransaction({ value: 1 });

		const contacts = await callFake(fake, 'GET', '/v1/contacts', { query: { orderColumn: 'updatedAt', orderBy: 'desc' } });
		const rows = contacts.body.data.contacts as Array<Record<string, unknown>>;
		expect(rows[0].id).toBe(older.id);
		expect(rows.map((r) => r.id)).toContain(newer.id);
		const items = [
			...rows,
			...(await callFake(fake, 'GET', '/v1/eventCalls')).body.data.eventCalls,
			...(await callFake(fake, 'GET', '/v1/deals')).body.data.deals,
			...(await callFake(fake, 'GET', '/v1/transactions')).body.data,
		] as Array<Record<string, unknown>>;
		expect(items.length).toBeGreaterThanOrEqual(6);
		for (const item of items) {
			expect(item).not.toHaveProperty('updatedAt');
			expect(item).toHaveProperty('createdAt');
		}
		const detail = await callFake(fake, 'GET', '/v1/contacts/detail', { query: { contactId: older.id } });
		expect(detail.body.data.updatedAt).toBe('2026-11-30T10:00:01.000Z');
		expect(callId).toBeGreaterThan(0);
	});

	it('listsCarryUpdatedAt true (default): list items carry updatedAt', async () => {
		await bookedCall();
		expect(fake.variants.listsCarryUpdatedAt).toBe(true);
		expect((await callFake(fake, 'GET', '/v1/eventCalls')).body.data.eventCalls[0]).toHaveProperty('updatedAt');
		expect((await callFake(fake, 'GET', '/v1/contacts')).body.data.contacts[0]).toHaveProperty('updatedAt');
	});
});
