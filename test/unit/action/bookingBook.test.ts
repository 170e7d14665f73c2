import { Settings } from 'luxon';

import { startFakeIClosed } from '../../fake-iclosed';
import type { FakeIClosed } from '../../fake-iclosed';
import { NOW, byId, byMode, runAction, sent, useFakeIClosed } from './support';

const realNow = Settings.now;
beforeAll(() => {
	Settings.now = () => NOW.getTime();
});
afterAll(() => {
	Settings.now = realNow;
});

/** Free slots of the seeded event: Mon–Fri 09:00–17:00 New York, 30 minutes. */
const SLOT = '2026-03-03T14:00:00.000Z'; // Tue 09:00 New York
const OTHER_SLOT = '2026-03-03T14:30:00.000Z';

describe('Call → Book', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: { eventId: number; hostId: number; contactId: number; fieldId: number };
	beforeEach(() => {
		const { state } = fake();
		const ava = state.addUser({ firstName: 'Ava', lastName: 'Thompson', email: 'ava@acme.example.com' });
		state.addAvailability(ava.id, 'America/New_York');
		const event = state.addEvent({ name: 'Strategy Call', linkPrefix: 'ava/strategy-call', hostIds: [ava.id] });
		const contact = state.addContact({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
		const field = state.addField({ name: 'Company', identifier: 'company', inputType: 'TEXT', type: 'CONTACT' });
		seed = { eventId: event.id, hostId: ava.id, contactId: contact.id, fieldId: field.id };
	});
	beforeEach(() => {
		// Every test starts with a free calendar.
		fake().state.calls.length = 0;
	});

	const book = (extra: Record<string, unknown> = {}, additionalFields: Record<string, unknown> = {}) => ({
		resource: 'call',
		operation: 'book',
		eventId: byMode('linkPrefix', 'ava/strategy-call'),
		dateTime: SLOT,
		timeZone: 'Europe/London',
		additionalFields: { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', ...additionalFields },
		...extra,
	});
	const posts = (f: FakeIClosed) => f.requests.filter((r) => r.method === 'POST' && r.path === '/v1/eventCalls');

	it('books exactly the UTC instant given, sending [] for no answers, and returns the new call', async () => {
		const f = fake();
		const { json, error } = await runAction(f, book());
		expect(error).toBeUndefined();
		expect(sent(f)).toEqual([
			{
				method: 'POST',
				path: '/v1/eventCalls',
				query: {},
				body: {
					linkPrefix: 'ava/strategy-call',
					dateTime: SLOT,
					timeZone: 'Europe/London',
					email: 'grace@example.com',
					firstName: 'Grace',
					lastName: 'Hopper',
					secondaryQuestionsAnswer: [],
				},
			},
		]);
		expect(f.state.calls).toHaveLength(1);
		expect(f.state.calls[0]).toMatchObject({ startUtc: SLOT, eventId: seed.eventId, inviteTimeZone: 'Europe/London' });
		expect(json).toEqual([
			expect.objectContaining({
				id: f.state.calls[0].id,
				startTime: SLOT,
				endTime: '2026-03-03T14:30:00.000Z',
				closerName: 'Ava Thompson',
				closerEmail: 'ava@acme.example.com',
				previewId: expect.stringMatching(/^contact_/),
				confirmationLink: expect.stringMatching(/^https:\/\//),
			}),
		]);
	});

	it('books an existing contact on an event given by ID, with routing, answers, guests and notes', async () => {
		const f = fake();
		const { error } = await runAction(
			f,
			book(
				{ eventId: byId(seed.eventId), dateTime: '2026-03-03T09:30:00-05:00' },
				{
					email: undefined,
					firstName: undefined,
					lastName: undefined,
					contactId: byId(seed.contactId),
					conditionalUsers: `${seed.hostId}`,
					useSecondaryQuestionsForConditionalRouting: true,
					secondaryQuestionsAnswer: { values: [{ customFieldId: seed.fieldId, answer: ['Analytical Engines Ltd'] }] },
					additionalGuests: { values: [{ email: 'charles@example.com', name: 'Charles' }] },
					notes: 'Wants a demo',
				},
			),
		);
		expect(error).toBeUndefined();
		expect(sent(f)).toEqual([
			{
				method: 'POST',
				path: '/v1/eventCalls',
				query: {},
				body: {
					eventId: seed.eventId,
					dateTime: OTHER_SLOT,
					timeZone: 'Europe/London',
					contactId: seed.contactId,
					conditionalUsers: `${seed.hostId}`,
					useSecondaryQuestionsForConditionalRouting: true,
					secondaryQuestionsAnswer: [{ customFieldId: seed.fieldId, answer: ['Analytical Engines Ltd'] }],
					additionalGuests: [{ email: 'charles@example.com', name: 'Charles' }],
					notes: 'Wants a demo',
				},
			},
		]);
		expect(f.state.calls[0]).toMatchObject({ contactId: seed.contactId, startUtc: OTHER_SLOT });
	});

	it('reads a start without offset in the workflow’s time zone', async () => {
		const f = fake();
		const { error } = await runAction(f, book({ dateTime: '2026-03-03T09:00:00' }), { timezone: 'America/New_York' });
		expect(error).toBeUndefined();
		expect((posts(f)[0].body as { dateTime: string }).dateTime).toBe(SLOT);
	});

	describe('bad input is refused before anything is sent', () => {
		it.each([
			['no invitee', { additionalFields: { firstName: 'Grace' } }, /Contact or Email or Phone Number is required/],
			['a bad email', { additionalFields: { email: 'grace@localhost' } }, /Email is not a valid email address/],
			['a bad phone', { additionalFields: { phoneNumber: '+1 555 CALL NOW' } }, /Phone Number is not a phone number iClosed accepts/],
			['a bad date', { dateTime: '31/02/2026 10am' }, /Start Time is not a date and time iClosed can use/],
			['a bad time zone', { timeZone: 'EST5EDT-ish' }, /Invitee Time Zone is not a valid IANA time zone/],
			['a start in the past', { dateTime: '2026-03-02T11:00:00Z' }, /Start Time 2026-03-02T11:00:00.000Z is in the past/],
			['a local start the clocks skip', { dateTime: '2026-03-08T02:30:00' }, /2026-03-08 02:30 in America\/New_York does not exist/],
			['a 26-letter last name', { additionalFields: { email: 'x@example.com', lastName: 'Wolfeschlegelsteinhausenbe' } }, /Last Name is longer than iClosed's 25 characters/],
			['conditional user IDs that are only a comma', { additionalFields: { email: 'x@example.com', conditionalUsers: ',' } }, /Conditional Users must be numeric user IDs/],
			['a guest address iClosed would refuse', { additionalFields: { email: 'x@example.com', additionalGuests: { values: [{ email: 'bob@example..com' }] } } }, /Additional guest 1 is not a valid email address/],
		])('%s', async (_, extra, message) => {
			const f = fake();
			const { error } = await runAction(f, book(extra), { timezone: 'America/New_York' });
			expect(error?.message).toMatch(message);
			expect(error?.description).toEqual(expect.any(String));
			expect(f.requests).toHaveLength(0);
		});
	});

	describe('what iClosed refuses', () => {
		it('says an unknown event was not booked', async () => {
			const f = fake();
			const { error } = await runAction(f, book({ eventId: byMode('linkPrefix', 'nobody/nothing') }));
			expect(error?.message).toBe('The call was not booked. iClosed answered 404: Event not found');
			expect(posts(f)).toHaveLength(1);
		});

		it('says nothing was booked when iClosed could not be reached at all', async () => {
			const gone = await startFakeIClosed();
			await gone.close();
			const { error } = await runAction(gone, book());
			expect(error?.message).toMatch(/^The call was not booked\. Could not reach iClosed for POST \/v1\/eventCalls/);
			expect(error?.description).toMatch(/^Nothing was sent/);
		});

		it('puts a 400’s field errors into words', async () => {
			const f = fake();
			const { error } = await runAction(f, book({}, { secondaryQuestionsAnswer: { values: [{ identifier: 'no_such_field', answer: ['x'] }] } }));
			expect(error?.message).toBe('The call was not booked. iClosed rejected the request: secondaryQuestionsAnswer: Unknown custom field at index 0');
			expect(f.state.calls).toHaveLength(0);
		});

		it('says a taken slot was not booked', async () => {
			const f = fake();
			await runAction(f, book());
			const { error } = await runAction(f, book({}, { email: 'second@example.com' }));
			expect(error?.message).toBe('The call was not booked. iClosed rejected the request: The selected time slot is not available for this event');
			expect(f.state.calls).toHaveLength(1);
		});
	});

	describe('a failed booking is never repeated', () => {
		it.each([
			['a 500', { kind: 'status' as const, status: 500, times: 1 }, 0],
			['a connection reset before iClosed acted', { kind: 'reset' as const, times: 1 }, 0],
			['a connection reset after iClosed booked the call', { kind: 'resetAfterCommit' as const, times: 1 }, 1],
		])('sends one POST after %s and says the call may exist', async (_, fault, callsInIClosed) => {
			const f = fake();
			f.injectFault('POST /v1/eventCalls', fault);
			const { error } = await runAction(f, book());
			expect(posts(f)).toHaveLength(1);
			expect(f.state.calls).toHaveLength(callsInIClosed);
			expect(error?.message).toMatch(/^The call may or may not have been booked\. /);
			expect(error?.description).toMatch(/Look for the call in iClosed .* before running this again, or the invitee may be booked twice/);
		});

		it('does repeat after a 429, when iClosed did nothing', async () => {
			const f = fake();
			f.injectFault('POST /v1/eventCalls', { kind: 'status', status: 429, times: 1, body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests, please try again later.', retryAfter: 0 } });
			const { error, json } = await runAction(f, book());
			expect(error).toBeUndefined();
			expect(posts(f).map((r) => r.status)).toEqual([429, 201]);
			expect(f.state.calls).toHaveLength(1);
			expect(json[0]).toMatchObject({ startTime: SLOT });
		});
	});

	it('gives {error: {message, statusCode}} items, paired to their input, with continueOnFail', async () => {
		const f = fake();
		f.injectFault('POST /v1/eventCalls', { kind: 'status', status: 503, times: 1 });
		const { json, items } = await runAction(
			f,
			book({ dateTime: '={{ $json.start }}' }, { email: '={{ $json.email }}' }),
			{
				continueOnFail: true,
				items: [
					{ start: SLOT, email: 'first@example.com' },
					{ start: '2026-03-01T10:00:00Z', email: 'past@example.com' },
					{ start: OTHER_SLOT, email: 'bad-email' },
					{ start: OTHER_SLOT, email: 'third@example.com' },
				],
			},
		);
		expect(json).toEqual([
			{ error: expect.objectContaining({ message: expect.stringMatching(/^The call may or may not have been booked/), statusCode: 503 }) },
			{ error: expect.objectContaining({ message: 'Start Time 2026-03-01T10:00:00.000Z is in the past' }) },
			{ error: expect.objectContaining({ message: expect.stringMatching(/Email is not a valid email address/) }) },
			expect.objectContaining({ startTime: OTHER_SLOT, id: expect.any(Number) }),
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(posts(f)).toHaveLength(2);
	});
});
