import { startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

/** Fixed clock well before the DST changes of March 2026. */
const NOW = new Date('2026-01-15T12:00:00Z');
const nineToFive = (from: string, to: string) => {
	const out: string[] = [];
	for (let m = toMin(from); m < toMin(to); m += 30)
		out.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
	return out;
};
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const pad = (n: number) => String(n).padStart(2, '0');

describe('fake iClosed: eventDates (§2.4) across DST changes', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({ now: () => NOW });
		const ny = fake.state.addUser({
			firstName: 'Nora',
			lastName: 'York',
			email: 'nora@example.com',
		});
		fake.state.addAvailability(ny.id, 'America/New_York');
		fake.state.addEvent({
			name: 'NY call',
			linkPrefix: 'acme/ny-call',
			hostIds: [ny.id],
			duration: 30,
			slotInterval: 30,
		});
		const be = fake.state.addUser({
			firstName: 'Bernd',
			lastName: 'Lin',
			email: 'bernd@example.com',
		});
		fake.state.addAvailability(be.id, 'Europe/Berlin');
		fake.state.addEvent({
			name: 'Berlin call',
			linkPrefix: 'acme/berlin-call',
			hostIds: [be.id],
			duration: 30,
			slotInterval: 30,
		});
	});
	afterEach(() => fake.close());
	afterEach(() => fake.setVariants({ eventDatesTimes: 'hhmm', eventDatesEnvelope: 'data' }));

	const dates = (linkPrefix: string, timeZone: string, currentDate: string) =>
		callFake(fake, 'POST', '/v1/events/eventDates', {
			body: { linkPrefix, timeZone, currentDate },
		});

	it('keeps a New York host at 09:00–17:00 New York time before and after the US change (8 March 2026)', async () => {
		const r = await dates('acme/ny-call', 'America/New_York', '2026-03-06');
		expect(r.status).toBe(200);
		const av = r.body.data.availabilities;
		// Fri 6th, Mon 9th … Thu 12th: a 7-day window, weekend omitted.
		expect(Object.keys(av)).toEqual([
			'2026-03-06',
			'2026-03-09',
			'2026-03-10',
			'2026-03-11',
			'2026-03-12',
		]);
		expect(av['2026-03-06']).toEqual(nineToFive('09:00', '17:00'));
		expect(av['2026-03-09']).toEqual(nineToFive('09:00', '17:00'));
		expect(r.body.data.appliedHostIds).toEqual([fake.state.events[0].hostIds[0]]);
	});

	it('shifts the same slots by one hour in Berlin when only New York changes', async () => {
		const av = (await dates('acme/ny-call', 'Europe/Berlin', '2026-03-06')).body.data
			.availabilities;
		// EST: 09:00 New York = 15:00 Berlin; EDT from the 8th: 09:00 New York = 14:00 Berlin.
		expect(av['2026-03-06']).toEqual(nineToFive('15:00', '23:00'));
		expect(av['2026-03-09']).toEqual(nineToFive('14:00', '22:00'));
	});

	it('follows the European change (29 March 2026) for a Berlin host seen from New York', async () => {
		const av = (await dates('acme/berlin-call', 'America/New_York', '2026-03-27')).body.data
			.availabilities;
		// Fri 27th: CET/EDT, 09:00 Berlin = 04:00 New York; Mon 30th: CEST/EDT, 09:00 Berlin = 03:00 New York.
		expect(av['2026-03-27']).toEqual(nineToFive('04:00', '12:00'));
		expect(av['2026-03-30']).toEqual(nineToFive('03:00', '11:00'));
		const local = (await dates('acme/berlin-call', 'Europe/Berlin', '2026-03-27')).body.data
			.availabilities;
		expect(local['2026-03-27']).toEqual(nineToFive('09:00', '17:00'));
		expect(local['2026-03-30']).toEqual(nineToFive('09:00', '17:00'));
	});

	it('files each slot under the requested zone’s local date', async () => {
		const av = (await dates('acme/ny-call', 'Asia/Tokyo', '2026-03-09')).body.data.availabilities;
		// Monday 09:00 EDT = Monday 22:00 Tokyo; 11:00 EDT = Tuesday 00:00 Tokyo.
		expect(av['2026-03-09'].slice(0, 4)).toEqual(['22:00', '22:30', '23:00', '23:30']);
		expect(av['2026-03-10'][0]).toBe('00:00');
	});

	it('answers ISO times and a top-level map when the variants ask', async () => {
		fake.setVariants({ eventDatesTimes: 'iso', eventDatesEnvelope: 'top' });
		const r = await dates('acme/ny-call', 'Europe/Berlin', '2026-03-09');
		expect(r.body.data).toBeUndefined();
		expect(r.body.availabilities['2026-03-09'][0]).toBe('2026-03-09T14:00:00.000+01:00');
	});

	it('answers 404 for an unknown linkPrefix and 400 for a bad time zone', async () => {
		expect((await dates('acme/nope', 'UTC', '2026-03-09')).status).toBe(404);
		const r = await dates('acme/ny-call', 'Europe/Nowhere', '2026-03-09');
		expect(r.status).toBe(400);
		expect(r.body.message.details.fieldErrors.timeZone).toEqual(['Invalid IANA time zone']);
	});
});

describe('fake iClosed: booking (§2.2)', () => {
	let fake: FakeIClosed;
	let eventId: number;
	beforeEach(async () => {
		fake = await startFakeIClosed({ now: () => NOW });
		const host = fake.state.addUser({
			firstName: 'Nora',
			lastName: 'York',
			email: 'nora@example.com',
		});
		fake.state.addAvailability(host.id, 'America/New_York');
		eventId = fake.state.addEvent({
			name: 'NY call',
			linkPrefix: 'acme/ny-call',
			hostIds: [host.id],
		}).id;
	});
	afterEach(() => fake.close());

	const book = (body: Record<string, unknown>) =>
		callFake(fake, 'POST', '/v1/eventCalls', { body });
	// Monday 9 March 2026, 09:00 New York (EDT) = 13:00 UTC.
	const slot = '2026-03-09T13:00:00.000Z';
	/** Pat's booking of `slot`: the call the tests below start from. */
	const bookPat = async () => {
		const r = await book({ dateTime: slot, timeZone: 'Europe/Paris', email: 'pat@example.com', firstName: 'Pat', linkPrefix: 'acme/ny-call' });
		expect(r.status).toBe(201);
	};

	it('books a free slot, creates the contact and answers the §2.2 envelope', async () => {
		const r = await book({
			dateTime: slot,
			timeZone: 'Europe/Paris',
			email: 'pat@example.com',
			firstName: 'Pat',
			linkPrefix: 'acme/ny-call',
		});
		expect(r.status).toBe(201);
		const { eventCall } = r.body.data;
		expect(eventCall).toMatchObject({ message: expect.any(String), status: 201 });
		expect(eventCall.data).toMatchObject({
			id: expect.any(Number),
			startTime: slot,
			endTime: '2026-03-09T13:30:00.000Z',
			timeZone: 'Europe/Paris',
			guestEmail: 'pat@example.com',
			closerEmail: 'nora@example.com',
		});
		const contact = fake.state.contactByEmail('pat@example.com');
		expect(contact?.firstName).toBe('Pat');
		expect(fake.state.calls).toHaveLength(1);
		const list = await callFake(fake, 'GET', '/v1/eventCalls', {
			query: { contactId: contact!.id },
		});
		expect(list.body.data.eventCalls[0]).toMatchObject({
			dateTime: '2026-03-09 09:00:00.000',
			dateTimeUTC: slot,
			inviteeEmail: 'pat@example.com',
		});
	});

	it('refuses the same slot again on a single-host event, and no longer offers it', async () => {
		await bookPat();
		const r = await book({ dateTime: slot, timeZone: 'UTC', email: 'sam@example.com', eventId });
		expect(r.status).toBe(400);
		expect(r.body.message).toMatch(/not available/);
		expect(fake.state.calls).toHaveLength(1);
		const av = (
			await callFake(fake, 'POST', '/v1/events/eventDates', {
				body: {
					linkPrefix: 'acme/ny-call',
					timeZone: 'America/New_York',
					currentDate: '2026-03-09',
				},
			})
		).body.data.availabilities;
		expect(av['2026-03-09'][0]).toBe('09:30');
	});

	it('refuses slots off the schedule, off the grid, in the past, or with an offset', async () => {
		for (const dateTime of [
			'2026-03-08T15:00:00.000Z',
			'2026-03-09T13:10:00.000Z',
			'2026-01-12T14:00:00.000Z',
		]) {
			const r = await book({ dateTime, timeZone: 'UTC', email: 'x@example.com', eventId });
			expect([dateTime, r.status]).toEqual([dateTime, 400]);
		}
		const r = await book({
			dateTime: '2026-03-09T09:30:00-04:00',
			timeZone: 'UTC',
			email: 'x@example.com',
			eventId,
		});
		expect(Object.keys(r.body.message.details.fieldErrors)).toEqual(['dateTime']);
	});

	it('requires an invitee and an event', async () => {
		const r = await book({ dateTime: slot, timeZone: 'UTC' });
		expect(Object.keys(r.body.message.details.fieldErrors).sort()).toEqual([
			'email',
			'eventId',
			'phoneNumber',
		]);
	});

	it('frees the slot on cancel and moves it on reschedule', async () => {
		await bookPat();
		const [call] = fake.state.calls;
		const moved = await callFake(fake, 'PUT', '/v1/eventCalls/reschedule', {
			body: { id: call.id, dateTime: '2026-03-10T14:00:00.000Z', timeZone: 'UTC' },
		});
		expect(moved.status).toBe(200);
		expect(moved.body.data.eventCall).toMatchObject({
			id: call.id,
			dateTimeUTC: '2026-03-10T14:00:00.000Z',
		});
		expect(
			(await book({ dateTime: slot, timeZone: 'UTC', email: 'sam@example.com', eventId })).status,
		).toBe(201);
		const cancel = await callFake(fake, 'PUT', '/v1/eventCalls/cancel', {
			body: { id: call.id, cancelReason: 'Ill' },
		});
		expect(cancel.body).toEqual({
			data: { eventCall: { message: expect.any(String), status: 200 } },
		});
		expect(
			(
				await book({
					dateTime: '2026-03-10T14:00:00.000Z',
					timeZone: 'UTC',
					email: 'kim@example.com',
					eventId,
				})
			).status,
		).toBe(201);
	});

	it('sets an outcome, enforcing the cross-field rules by default', async () => {
		await bookPat();
		const [call] = fake.state.calls;
		const bad = await callFake(fake, 'POST', '/v1/outcomes', {
			body: { eventCallId: call.id, outcome: 'WON' },
		});
		expect(bad.body.message.details.fieldErrors.objection).toBeDefined();
		const ok = await callFake(fake, 'POST', '/v1/outcomes', {
			body: {
				eventCallId: call.id,
				outcome: 'WON',
				objection: 'MONEY',
				newDeal: { value: 900, transactionType: 'WON' },
			},
		});
		expect(ok.body.data).toMatchObject({ id: call.task.id, objection: 'MONEY' });
		expect(fake.state.deals.map((d) => d.eventCallId)).toEqual([call.id]);
	});
});
