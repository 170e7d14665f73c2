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

/** The other switches `npm run probe` needs so that each assumption it checks can fall either way. */
describe('fake iClosed: switches for the probe', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({ seed: 'demo' });
	});
	afterEach(() => fake.close());

	const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

	it('contactUpdateMovesUpdatedAt false: PUT /v1/contacts changes the contact but not its updatedAt', async () => {
		fake.clock.freeze(T0);
		const c = fake.state.addContact({ email: 'x@example.com' });
		fake.clock.advance(1_000);
		fake.setVariants({ contactUpdateMovesUpdatedAt: false });
		const put = await callFake(fake, 'PUT', '/v1/contacts', { body: { id: c.id, status: 'QUALIFIED' } });
		expect(put.body.data.contact).toMatchObject({ status: 'QUALIFIED', updatedAt: T0 });
		fake.setVariants({ contactUpdateMovesUpdatedAt: true });
		const again = await callFake(fake, 'PUT', '/v1/contacts', { body: { id: c.id, status: 'POTENTIAL' } });
		expect(again.body.data.contact.updatedAt).toBe('2026-11-30T10:00:01.000Z');
	});

	it('rescheduleMovesUpdatedAt false: the call moves, its updatedAt does not', async () => {
		fake.clock.freeze(T0);
		const { eventId, nextSlot } = seedBookableEvent(fake.state);
		const booked = await callFake(fake, 'POST', '/v1/eventCalls', {
			body: { dateTime: nextSlot(), timeZone: 'UTC', email: 'lead@example.com', eventId },
		});
		const callId = booked.body.data.eventCall.data.id as number;
		fake.clock.advance(1_000);
		fake.setVariants({ rescheduleMovesUpdatedAt: false });
		const moved = nextSlot();
		await callFake(fake, 'PUT', '/v1/eventCalls/reschedule', { body: { id: callId, dateTime: moved, timeZone: 'UTC' } });
		const call = (await callFake(fake, 'GET', '/v1/eventCalls', { query: { ids: String(callId) } })).body.data.eventCalls[0];
		expect(call.dateTimeUTC).toBe(moved);
		expect(call.updatedAt).toBe(T0);
	});

	it('listsCarryCreatedAt false: list items without createdAt', async () => {
		fake.setVariants({ listsCarryCreatedAt: false });
		const contacts = (await callFake(fake, 'GET', '/v1/contacts')).body.data.contacts;
		expect(contacts.length).toBeGreaterThan(0);
		for (const c of contacts) expect(c).not.toHaveProperty('createdAt');
		expect((await callFake(fake, 'GET', '/v1/transactions')).body.data[0]).not.toHaveProperty('createdAt');
	});

	it('refusedOrderColumns: 400 naming orderColumn on that path only', async () => {
		fake.setVariants({ refusedOrderColumns: { '/v1/contacts': ['updatedAt'] } });
		const refused = await callFake(fake, 'GET', '/v1/contacts', { query: { orderColumn: 'updatedAt', orderBy: 'desc' } });
		expect(refused.status).toBe(400);
		expect(JSON.stringify(refused.body)).toContain('orderColumn');
		expect((await callFake(fake, 'GET', '/v1/contacts', { query: { orderColumn: 'createdAt', orderBy: 'desc' } })).status).toBe(200);
		expect((await callFake(fake, 'GET', '/v1/eventCalls', { query: { orderColumn: 'updatedAt', orderBy: 'desc' } })).status).toBe(201);
	});

	it('ignoredQuery: a dropped filter or page answers as if it was not sent', async () => {
		const all = ids((await callFake(fake, 'GET', '/v1/eventCalls', { query: { orderColumn: 'id', orderBy: 'asc' } })).body.data.eventCalls);
		const cancelled = { types: 'cancelled_events', orderColumn: 'id', orderBy: 'asc' };
		expect(ids((await callFake(fake, 'GET', '/v1/eventCalls', { query: cancelled })).body.data.eventCalls)).toHaveLength(1);
		fake.setVariants({ ignoredQuery: ['types', 'page'] });
		expect(ids((await callFake(fake, 'GET', '/v1/eventCalls', { query: cancelled })).body.data.eventCalls)).toEqual(all);
		const page1 = await callFake(fake, 'GET', '/v1/contacts', { query: { page: 1, limit: 2, orderColumn: 'id', orderBy: 'asc' } });
		const page0 = await callFake(fake, 'GET', '/v1/contacts', { query: { page: 0, limit: 2, orderColumn: 'id', orderBy: 'asc' } });
		expect(ids(page1.body.data.contacts)).toEqual(ids(page0.body.data.contacts));
	});

	it('pagingStable false: records with equal sort keys come in another order from one read to the next', async () => {
		fake.clock.freeze(T0);
		for (let n = 0; n < 20; n++) fake.state.addContact({ email: `tie${n}@example.com` });
		fake.setVariants({ pagingStable: false });
		const read = async () =>
			ids((await callFake(fake, 'GET', '/v1/contacts', { query: { orderColumn: 'updatedAt', orderBy: 'desc', limit: 100 } })).body.data.contacts).join();
		const reads = new Set([await read(), await read(), await read()]);
		expect(reads.size).toBeGreaterThan(1);
		fake.setVariants({ pagingStable: true });
		expect(new Set([await read(), await read()]).size).toBe(1);
	});

	it('dateHeader false: no Date header at all; true: iClosed clock in it', async () => {
		fake.clock.freeze(T0);
		expect((await callFake(fake, 'GET', '/v1/users')).headers.get('date')).toBe(new Date(T0).toUTCString());
		fake.setVariants({ dateHeader: false });
		expect((await callFake(fake, 'GET', '/v1/users')).headers.get('date')).toBeNull();
	});

	it('requireKeyPrefix false: a listed key without iclosed_ works', async () => {
		await fake.close();
		fake = await startFakeIClosed({ apiKeys: ['plainkey123'] });
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(401);
		fake.setVariants({ requireKeyPrefix: false });
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
	});

	it("webhookUrlsPerAccount 'one': a second URL is refused, the same URL for another event is not", async () => {
		fake.setVariants({ webhookUrlsPerAccount: 'one' });
		const create = (url: string, event: string) => callFake(fake, 'POST', '/v1/webhooks', { body: { url, events: [event] } });
		expect((await create('https://a.example.com/hook', 'call.booked')).status).toBe(201);
		expect((await create('https://a.example.com/hook', 'call.cancelled')).status).toBe(201);
		expect((await create('https://b.example.com/hook', 'call.booked')).status).toBe(400);
	});
});
