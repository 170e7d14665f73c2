import { Settings } from 'luxon';

import { DEFAULT_VARIANTS } from '../../fake-iclosed';
import { NOW, byId, byMode, runAction, sent, useFakeIClosed } from './support';

/** Both clocks agree: the fake's (which hides past slots) and the node's (luxon's `now`). */
const realNow = Settings.now;
beforeAll(() => {
	Settings.now = () => NOW.getTime();
});
afterAll(() => {
	Settings.now = realNow;
});

describe('Event → Get Available Slots', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let eventId: number;
	beforeEach(() => {
		const { state } = fake();
		const ava = state.addUser({ firstName: 'Ava', lastName: 'Thompson', email: 'ava@acme.example.com' });
		state.addAvailability(ava.id, 'America/New_York', { Monday: ['09:00-10:00'], Tuesday: ['09:00-10:00'], Wednesday: ['09:00-10:00'], Thursday: ['09:00-10:00'], Friday: ['09:00-10:00'] });
		eventId = state.addEvent({ name: 'Strategy Call', linkPrefix: 'ava/strategy-call', hostIds: [ava.id], duration: 30 }).id;
	});
	afterEach(() => fake().setVariants(DEFAULT_VARIANTS));

	const slotsOf = (extra: Record<string, unknown>) => ({
		resource: 'event',
		operation: 'getAvailableSlots',
		eventId: byId(eventId),
		timeZone: 'America/New_York',
		...extra,
	});
	const eventDatesRequests = () => fake().requests.filter((r) => r.path === '/v1/events/eventDates');

	it('lists each free slot as an item ready for Book, resolving the event ID to its link prefix once', async () => {
		const { json, error } = await runAction(fake(), slotsOf({ additionalFields: { currentDate: '2026-03-03' }, endDate: '2026-03-03' }));
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'GET', path: '/v1/events/detail', query: { id: String(eventId) }, body: undefined },
			{ method: 'POST', path: '/v1/events/eventDates', query: {}, body: { linkPrefix: 'ava/strategy-call', timeZone: 'America/New_York', currentDate: '2026-03-03' } },
		]);
		expect(json).toEqual([
			{ start: '2026-03-03T14:00:00.000Z', end: '2026-03-03T14:30:00.000Z', date: '2026-03-03', time: '09:00', timeZone: 'America/New_York', linkPrefix: 'ava/strategy-call', eventId },
			{ start: '2026-03-03T14:30:00.000Z', end: '2026-03-03T15:00:00.000Z', date: '2026-03-03', time: '09:30', timeZone: 'America/New_York', linkPrefix: 'ava/strategy-call', eventId },
		]);
	});

	it('searches today and the next seven days when no dates are given', async () => {
		const { json } = await runAction(fake(), slotsOf({}));
		expect(eventDatesRequests()[0].body).toMatchObject({ currentDate: '2026-03-02' });
		// NOW is Monday 2026-03-02 07:00 in New York: Mon–Fri and the next Monday, two slots a day.
		expect(new Set(json.map((s) => s.date))).toEqual(new Set(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09']));
	});

	it('covers a 20-day range with several eventDates requests, no slot twice and none past the end', async () => {
		const { json, error } = await runAction(fake(), slotsOf({ additionalFields: { currentDate: '2026-03-03' }, endDate: '2026-03-22' }));
		expect(error).toBeUndefined();
		expect(eventDatesRequests().map((r) => (r.body as { currentDate: string }).currentDate)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
		const starts = json.map((s) => s.start);
		expect(new Set(starts).size).toBe(starts.length);
		// 14 weekdays from Tue 03-03 to Fri 03-20, two slots each; Mon 03-23 came back but is past the end.
		expect(json).toHaveLength(28);
		expect(json[json.length - 1]).toMatchObject({ date: '2026-03-20', time: '09:30' });
	});

	it('follows a shorter window the server chooses, asking from the day after each answer', async () => {
		fake().setVariants({ eventDatesWindowDays: 3, eventDatesEmptyDays: 'include' });
		const { json } = await runAction(fake(), slotsOf({ additionalFields: { currentDate: '2026-03-03' }, endDate: '2026-03-12' }));
		expect(eventDatesRequests().map((r) => (r.body as { currentDate: string }).currentDate)).toEqual(['2026-03-03', '2026-03-06', '2026-03-09', '2026-03-12']);
		expect(json).toHaveLength(16);
	});

	it.each([
		['ISO times with offset', { eventDatesTimes: 'iso' as const }],
		['top-level availabilities', { eventDatesEnvelope: 'top' as const }],
		['empty days listed', { eventDatesEmptyDays: 'include' as const }],
		['all three at once', { eventDatesTimes: 'iso' as const, eventDatesEnvelope: 'top' as const, eventDatesEmptyDays: 'include' as const }],
	])('reads the answer with %s the same way', async (_, variants) => {
		const parameters = slotsOf({ additionalFields: { currentDate: '2026-03-05' }, endDate: '2026-03-06' });
		const { json: expected } = await runAction(fake(), parameters);
		fake().setVariants(variants);
		const { json, error } = await runAction(fake(), parameters);
		expect(error).toBeUndefined();
		expect(json).toEqual(expected);
		expect(json).toHaveLength(4);
	});

	it('passes routing to iClosed and accepts the event as a link prefix', async () => {
		const { state } = fake();
		const hostId = state.events.find((e) => e.id === eventId)?.hostIds[0];
		const { json, error } = await runAction(
			fake(),
			slotsOf({ eventId: byMode('linkPrefix', 'ava/strategy-call'), additionalFields: { currentDate: '2026-03-03', conditionalUsers: `${hostId}`, routingGroupIds: '5,6' }, endDate: '2026-03-03' }),
		);
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'GET', path: '/v1/events/detail', query: { linkPrefix: 'ava/strategy-call' }, body: undefined },
			{
				method: 'POST',
				path: '/v1/events/eventDates',
				query: {},
				body: { linkPrefix: 'ava/strategy-call', timeZone: 'America/New_York', currentDate: '2026-03-03', conditionalUsers: `${hostId}`, routingGroupIds: '5,6' },
			},
		]);
		expect(json[0]).toMatchObject({ eventId, linkPrefix: 'ava/strategy-call' });
	});

	describe('bad input', () => {
		it.each([
			['a time zone that is not IANA', { timeZone: 'Eastern Time' }, /Time Zone is not a valid IANA time zone/],
			['an unreadable start date', { additionalFields: { currentDate: 'soonish' } }, /^From Date is not a date: "soonish"/],
			['an end before the start', { additionalFields: { currentDate: '2026-03-10' }, endDate: '2026-03-09' }, /End Date \(2026-03-09\) is before From Date \(2026-03-10\)/],
			['a range over a year', { endDate: '2027-06-01' }, /at most 366 can be searched/],
			['an end in the past', { endDate: '2026-02-01' }, /End Date \(2026-02-01\) is in the past/],
			['no event (an expression that is empty)', { eventId: byId('={{ $json.nothing }}') }, /Event is required/],
		])('refuses %s before sending anything', async (_, extra, message) => {
			const { error } = await runAction(fake(), slotsOf(extra));
			expect(error?.message).toMatch(message);
			expect(fake().requests).toHaveLength(0);
		});

		it('says which event does not exist, by ID or link prefix', async () => {
			const byNumber = await runAction(fake(), slotsOf({ eventId: byId(999) }));
			expect(byNumber.error?.message).toBe('iClosed has no event with ID 999');
			const byPrefix = await runAction(fake(), slotsOf({ eventId: byMode('linkPrefix', 'nobody/nothing') }));
			expect(byPrefix.error?.message).toBe('iClosed has no event with link prefix "nobody/nothing"');
			expect(byPrefix.error?.description).toMatch(/Pick the event from the list/);
			expect(eventDatesRequests()).toHaveLength(0);
		});

		it('reports an answer it cannot read, quoting it, instead of returning no slots', async () => {
			fake().injectFault('POST /v1/events/eventDates', { kind: 'status', status: 200, body: { data: { slots: ['09:00'] } } });
			const { error } = await runAction(fake(), slotsOf({}));
			expect(error?.message).toBe('Could not read the free slots iClosed sent (no "availabilities" in the answer): {"data":{"slots":["09:00"]}}');
			expect(error?.description).toMatch(/report this answer/);
		});

		it('gives one error item per failed input with continueOnFail, the good ones still listed', async () => {
			const { json, items } = await runAction(
				fake(),
				slotsOf({ timeZone: '={{ $json.zone }}', additionalFields: { currentDate: '2026-03-03' }, endDate: '2026-03-03' }),
				{ items: [{ zone: 'Nowhere/Special' }, { zone: 'Europe/Berlin' }], continueOnFail: true },
			);
			expect(json[0]).toEqual({ error: { message: 'Time Zone is not a valid IANA time zone: "Nowhere/Special"', description: expect.any(String) } });
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(json.slice(1).map((s) => [s.date, s.time])).toEqual([['2026-03-03', '15:00'], ['2026-03-03', '15:30']]);
			expect(items.slice(1).map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 1 }]);
		});
	});
});
