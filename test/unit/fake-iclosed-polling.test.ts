import { seedBookableEvent, startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

/**
 * What a poller relies on in the fake (iclosed-api.md §1.5, §2.1, §2.2, §2.5, §2.7): a clock tests move,
 * updatedAt moving on every write, ordering, date filters, zero-based pages.
 */
const T0 = '2026-11-30T10:00:00.000Z';

describe('fake iClosed: what a poller relies on', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed();
		fake.clock.freeze(T0);
	});
	afterEach(() => fake.close());

	const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

	it('stamps records with the movable clock: frozen, advanced, skewed', async () => {
		const a = fake.state.addContact({ email: 'a@example.com' });
		const b = fake.state.addContact({ email: 'b@example.com' });
		expect([a.createdAt, b.createdAt]).toEqual([T0, T0]);
		fake.clock.advance(90_000);
		expect(fake.state.addContact({ email: 'c@example.com' }).createdAt).toBe('2026-11-30T10:01:30.000Z');
		fake.clock.skew(-5 * 60_000);
		const skewed = Date.parse(fake.state.addContact({ email: 'd@example.com' }).createdAt);
		expect(Math.abs(skewed - (Date.now() - 5 * 60_000))).toBeLessThan(2_000);
	});

	it('moves a contact updatedAt on PUT and orders by it, newest first, pages counted from 0', async () => {
		const contacts = [1, 2, 3].map((n) => fake.state.addContact({ email: `c${n}@example.com` }));
		fake.clock.advance(1_000);
		const put = await callFake(fake, 'PUT', '/v1/contacts', { body: { id: contacts[0].id, firstName: 'Ann' } });
		expect(put.body.data.contact.updatedAt).toBe('2026-11-30T10:00:01.000Z');
		const query = { orderColumn: 'updatedAt', orderBy: 'desc', limit: 2 };
		const page0 = await callFake(fake, 'GET', '/v1/contacts', { query: { ...query, page: 0 } });
		const page1 = await callFake(fake, 'GET', '/v1/contacts', { query: { ...query, page: 1 } });
		// Ties on updatedAt go by id in the same direction.
		expect(ids(page0.body.data.contacts)).toEqual([contacts[0].id, contacts[2].id]);
		expect(ids(page1.body.data.contacts)).toEqual([contacts[1].id]);
		expect(page0.body.data.count).toBe(3);
	});

	it('refuses orderColumn without orderBy, and columns an endpoint does not sort by', async () => {
		const alone = await callFake(fake, 'GET', '/v1/contacts', { query: { orderColumn: 'updatedAt' } });
		expect(alone.status).toBe(400);
		const deals = await callFake(fake, 'GET', '/v1/deals', { query: { orderColumn: 'updatedAt', orderBy: 'desc' } });
		expect(deals.status).toBe(400);
	});

	it('filters contacts on joinedTime with timeFrom/timeTo, inclusive', async () => {
		fake.state.addContact({ email: 'old@example.com', joinedTime: '2026-11-01T00:00:00.000Z' });
		const inside = fake.state.addContact({ email: 'new@example.com' });
		const r = await callFake(fake, 'GET', '/v1/contacts', { query: { timeFrom: T0, timeTo: T0 } });
		expect(ids(r.body.data.contacts)).toEqual([inside.id]);
	});

	it('answers the call search with 201, filters on createdAt and dateTime, and moves updatedAt on cancel, reschedule and outcome', async () => {
		const { eventId, nextSlot } = seedBookableEvent(fake.state);
		const [first, second] = [nextSlot(), nextSlot()];
		const booked = await callFake(fake, 'POST', '/v1/eventCalls', {
			body: { dateTime: first, timeZone: 'UTC', email: 'lead@example.com', eventId },
		});
		expect(booked.status).toBe(201);
		const callId = booked.body.data.eventCall.data.id as number;
		const search = (query: Record<string, string | number>) => callFake(fake, 'GET', '/v1/eventCalls', { query });
		const found = await search({ createdAtStart: T0, createdAtEnd: T0, orderColumn: 'createdAt', orderBy: 'asc' });
		expect(found.status).toBe(201);
		expect(ids(found.body.data.eventCalls)).toEqual([callId]);
		expect((await search({ createdAtStart: '2026-11-30T10:00:00.001Z' })).body.data.eventCalls).toEqual([]);
		expect(ids((await search({ dateFrom: first, dateTo: first })).body.data.eventCalls)).toEqual([callId]);

		const updatedAt = async () => (await search({ ids: String(callId) })).body.data.eventCalls[0].updatedAt as string;
		fake.clock.advance(1_000);
		await callFake(fake, 'PUT', '/v1/eventCalls/reschedule', { body: { id: callId, dateTime: second, timeZone: 'UTC' } });
		expect(await updatedAt()).toBe('2026-11-30T10:00:01.000Z');
		fake.clock.advance(1_000);
		fake.setVariants({ outcomeRules: 'lenient' });
		await callFake(fake, 'POST', '/v1/outcomes', { body: { eventCallId: callId, outcome: 'WON' } });
		expect(await updatedAt()).toBe('2026-11-30T10:00:02.000Z');
		fake.clock.advance(1_000);
		await callFake(fake, 'PUT', '/v1/eventCalls/cancel', { body: { id: callId } });
		expect(await updatedAt()).toBe('2026-11-30T10:00:03.000Z');
		const cancelled = await search({ types: 'cancelled_events', orderColumn: 'updatedAt', orderBy: 'desc' });
		expect(ids(cancelled.body.data.eventCalls)).toEqual([callId]);
		expect((await search({ types: 'booked_events' })).status).toBe(400);
	});

	it('filters deals on time and sorts them by id; transactions on createdAt with sort asc|desc', async () => {
		const first = fake.state.addDeal({ value: 100 });
		fake.clock.advance(1_000);
		const second = fake.state.addDeal({ value: 200 });
		const deals = await callFake(fake, 'GET', '/v1/deals', {
			query: { orderColumn: 'id', orderBy: 'desc', timeFrom: T0 },
		});
		expect(ids(deals.body.data.deals)).toEqual([second.id, first.id]);
		const t1 = fake.state.addTransaction({ value: 1 });
		fake.clock.advance(1_000);
		const t2 = fake.state.addTransaction({ value: 2 });
		const asc = await callFake(fake, 'GET', '/v1/transactions', { query: { sort: 'asc', timeFrom: '2026-11-30T10:00:01.000Z' } });
		expect(ids(asc.body.data)).toEqual([t1.id, t2.id]);
		expect(asc.body.count).toBe(2);
		const late = await callFake(fake, 'GET', '/v1/transactions', { query: { sort: 'desc', timeFrom: '2026-11-30T10:00:01.500Z' } });
		expect(ids(late.body.data)).toEqual([t2.id]);
	});
});
