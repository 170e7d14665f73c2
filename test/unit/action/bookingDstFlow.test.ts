import type { IDataObject } from 'n8n-workflow';
import { Settings } from 'luxon';

import { NOW, byId, byMode, runAction, useFakeIClosed } from './support';

/**
 * Get Available Slots → Book across the March 2026 daylight-saving changes: New York springs forward
 * on Sunday 2026-03-08, Berlin on Sunday 2026-03-29. A slot listed at 09:00 local must be booked at
 * the UTC instant that is 09:00 local on that day, whichever zone the slots were listed in.
 */
const realNow = Settings.now;
beforeAll(() => {
	Settings.now = () => NOW.getTime();
});
afterAll(() => {
	Settings.now = realNow;
});

const MORNINGS = { Monday: ['09:00-10:00'], Tuesday: ['09:00-10:00'], Wednesday: ['09:00-10:00'], Thursday: ['09:00-10:00'], Friday: ['09:00-10:00'] };

describe('Slots → Book across a daylight-saving change', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	const events: Record<string, number> = {};
	beforeEach(() => {
		const { state } = fake();
		const ava = state.addUser({ firstName: 'Ava', lastName: 'Thompson', email: 'ava@acme.example.com', timeZone: 'America/New_York' });
		state.addAvailability(ava.id, 'America/New_York', MORNINGS);
		events.newYork = state.addEvent({ name: 'Strategy Call', linkPrefix: 'ava/strategy-call', hostIds: [ava.id] }).id;
		const lukas = state.addUser({ firstName: 'Lukas', lastName: 'Becker', email: 'lukas@acme.example.com', timeZone: 'Europe/Berlin' });
		state.addAvailability(lukas.id, 'Europe/Berlin', MORNINGS);
		events.berlin = state.addEvent({ name: 'Demo', linkPrefix: 'lukas/demo', hostIds: [lukas.id] }).id;
	});

	async function slots(eventId: number, timeZone: string, from: string, to: string): Promise<IDataObject[]> {
		const { json, error } = await runAction(fake(), {
			resource: 'event',
			operation: 'getAvailableSlots',
			eventId: byId(eventId),
			timeZone,
			additionalFields: { currentDate: from },
			endDate: to,
		});
		expect(error).toBeUndefined();
		return json;
	}

	/** Book one slot item the way a workflow would: the slot is the input item, fields are expressions. */
	async function bookSlot(slot: IDataObject, email: string) {
		const result = await runAction(
			fake(),
			{
				resource: 'call',
				operation: 'book',
				eventId: byMode('linkPrefix', '={{ $json.linkPrefix }}'),
				dateTime: '={{ $json.start }}',
				timeZone: '={{ $json.timeZone }}',
				additionalFields: { email, firstName: 'Dana' },
			},
			{ items: [slot] },
		);
		expect(result.error).toBeUndefined();
		const post = fake().requests.find((r) => r.method === 'POST' && r.path === '/v1/eventCalls');
		const stored = fake().state.calls.find((c) => c.id === result.json[0].id);
		return { sentStart: (post?.body as IDataObject).dateTime, storedStart: stored?.startUtc, output: result.json[0] };
	}

	const view = (list: IDataObject[]) => list.map((s) => `${s.date} ${s.time} = ${s.start}`);

	it('New York: 09:00 is 14:00Z before the change and 13:00Z after it, in the host’s zone and in Berlin’s', async () => {
		const local = await slots(events.newYork, 'America/New_York', '2026-03-06', '2026-03-09');
		expect(view(local)).toEqual([
			'2026-03-06 09:00 = 2026-03-06T14:00:00.000Z',
			'2026-03-06 09:30 = 2026-03-06T14:30:00.000Z',
			'2026-03-09 09:00 = 2026-03-09T13:00:00.000Z',
			'2026-03-09 09:30 = 2026-03-09T13:30:00.000Z',
		]);
		const fromBerlin = await slots(events.newYork, 'Europe/Berlin', '2026-03-06', '2026-03-09');
		expect(view(fromBerlin)).toEqual([
			'2026-03-06 15:00 = 2026-03-06T14:00:00.000Z',
			'2026-03-06 15:30 = 2026-03-06T14:30:00.000Z',
			'2026-03-09 14:00 = 2026-03-09T13:00:00.000Z',
			'2026-03-09 14:30 = 2026-03-09T13:30:00.000Z',
		]);

		const monday = local.find((s) => s.date === '2026-03-09' && s.time === '09:00') as IDataObject;
		const booked = await bookSlot(monday, 'dana.ny@example.com');
		expect(booked).toMatchObject({ sentStart: '2026-03-09T13:00:00.000Z', storedStart: '2026-03-09T13:00:00.000Z' });
		expect(booked.output).toMatchObject({ startTime: '2026-03-09T13:00:00.000Z', endTime: '2026-03-09T13:30:00.000Z' });

		const fridayFromBerlin = fromBerlin.find((s) => s.date === '2026-03-06' && s.time === '15:30') as IDataObject;
		fake().clearRequests();
		expect(await bookSlot(fridayFromBerlin, 'dana.de@example.com')).toMatchObject({ sentStart: '2026-03-06T14:30:00.000Z', storedStart: '2026-03-06T14:30:00.000Z' });
	});

	it('Berlin: 09:00 is 08:00Z before the change and 07:00Z after it, in the host’s zone and in New York’s', async () => {
		const local = await slots(events.berlin, 'Europe/Berlin', '2026-03-27', '2026-03-30');
		expect(view(local)).toEqual([
			'2026-03-27 09:00 = 2026-03-27T08:00:00.000Z',
			'2026-03-27 09:30 = 2026-03-27T08:30:00.000Z',
			'2026-03-30 09:00 = 2026-03-30T07:00:00.000Z',
			'2026-03-30 09:30 = 2026-03-30T07:30:00.000Z',
		]);
		// New York is on daylight time already (since 03-08): four hours behind Berlin on Friday, five on Monday.
		const fromNewYork = await slots(events.berlin, 'America/New_York', '2026-03-27', '2026-03-30');
		expect(view(fromNewYork)).toEqual([
			'2026-03-27 04:00 = 2026-03-27T08:00:00.000Z',
			'2026-03-27 04:30 = 2026-03-27T08:30:00.000Z',
			'2026-03-30 03:00 = 2026-03-30T07:00:00.000Z',
			'2026-03-30 03:30 = 2026-03-30T07:30:00.000Z',
		]);

		fake().clearRequests();
		const monday = local.find((s) => s.date === '2026-03-30' && s.time === '09:00') as IDataObject;
		expect(await bookSlot(monday, 'dana.b1@example.com')).toMatchObject({ sentStart: '2026-03-30T07:00:00.000Z', storedStart: '2026-03-30T07:00:00.000Z' });

		fake().clearRequests();
		const fridayFromNewYork = fromNewYork.find((s) => s.date === '2026-03-27' && s.time === '04:00') as IDataObject;
		expect(await bookSlot(fridayFromNewYork, 'dana.b2@example.com')).toMatchObject({ sentStart: '2026-03-27T08:00:00.000Z', storedStart: '2026-03-27T08:00:00.000Z' });

		// The booked instants are gone from the listing, in either zone.
		expect(view(await slots(events.berlin, 'Europe/Berlin', '2026-03-27', '2026-03-30'))).toEqual([
			'2026-03-27 09:30 = 2026-03-27T08:30:00.000Z',
			'2026-03-30 09:30 = 2026-03-30T07:30:00.000Z',
		]);
	});
});
