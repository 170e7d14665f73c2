import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { SECONDARY_ANSWERS_WHEN_NONE, checkBookingBody } from '../../../nodes/IClosed/operations/call/bookingRequest';
import { IClosedInputError } from '../../../nodes/shared/inputError';

const NOW = DateTime.fromISO('2026-03-01T12:00:00Z');
const context = { rawStart: '2026-03-09T13:00:00Z', workflowZone: 'UTC', now: NOW };
const valid: IDataObject = {
	linkPrefix: 'ava/strategy-call',
	email: 'jane@example.com',
	firstName: 'Jane',
	lastName: 'Doe',
	dateTime: '2026-03-09T13:00:00.000Z',
	timeZone: 'America/New_York',
};
const check = (patch: IDataObject, ctx: Partial<typeof context> = {}) =>
	checkBookingBody({ ...valid, ...patch }, { ...context, ...ctx });

/**
 * The checks on a body the request builder has already built (required fields, invitee, phone, time
 * zone, IDs and dates are checked there: bookingBook.test.ts runs those through the node).
 */
describe('checkBookingBody: what a booking must get right before it is sent', () => {
	it('passes a complete booking through, with an empty answers list (§6.10)', () => {
		expect(check({})).toEqual({ ...valid, secondaryQuestionsAnswer: [] });
		expect(SECONDARY_ANSWERS_WHEN_NONE).toEqual([]);
	});

	it('accepts a contact ID, or a phone number alone, as the invitee', () => {
		expect(check({ email: undefined, contactId: 2850001 }).contactId).toBe(2850001);
		expect(check({ email: undefined, phoneNumber: '+14155550123' }).phoneNumber).toBe('+14155550123');
	});

	it.each<[string, IDataObject, Partial<typeof context>, RegExp]>([
		['a bad email', { email: 'jane@' }, {}, /Email is not a valid email address: "jane@"/],
		['a 26-character first name', { firstName: 'A'.repeat(26) }, {}, /First Name is longer than iClosed's 25 characters/],
		['a start in the past', { dateTime: '2026-02-28T13:00:00.000Z' }, { rawStart: '2026-02-28T13:00:00Z' }, /Start Time 2026-02-28T13:00:00.000Z is in the past/],
		['a start in the skipped DST hour', { dateTime: '2026-03-08T07:30:00.000Z' }, { rawStart: '2026-03-08T02:30:00', workflowZone: 'America/New_York' }, /does not exist/],
		['conditional users typed as a lone comma (no ID left)', { conditionalUsers: '' }, {}, /Conditional Users must be numeric user IDs/],
		['a guest with a bad email', { additionalGuests: [{ email: 'bob@@example.com' }] }, {}, /Additional guest 1 is not a valid email address/],
		['an answer naming no question', { secondaryQuestionsAnswer: [{ answer: ['x'] }] }, {}, /Question answer 1 names no question/],
		['an answer without answer', { secondaryQuestionsAnswer: [{ identifier: 'company', answer: [] }] }, {}, /Question answer 1 has no answer/],
	])('refuses %s with a message and a fix', (_, patch, ctx, message) => {
		let caught: unknown;
		try {
			check(patch, ctx);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(IClosedInputError);
		expect((caught as IClosedInputError).message).toMatch(message);
		expect((caught as IClosedInputError).description).toEqual(expect.any(String));
	});

	it('sends routing and answers the way iClosed takes them', () => {
		const body = check({
			conditionalUsers: '26001,26002',
			routingGroupIds: '5,6',
			useSecondaryQuestionsForConditionalRouting: true,
			secondaryQuestionsAnswer: [
				{ customFieldId: 4403, identifier: 'revenue', answer: ['$10k-$50k'] },
				{ identifier: 'company', answer: ['Acme, Inc.', ''] },
			],
			additionalGuests: [{ email: 'bob@example.com', name: 'Bob' }, { email: 'eve@example.com' }],
			notes: 'Prefers mornings',
		});
		expect(body).toMatchObject({
			conditionalUsers: '26001,26002',
			routingGroupIds: '5,6',
			useSecondaryQuestionsForConditionalRouting: true,
			secondaryQuestionsAnswer: [
				{ customFieldId: 4403, answer: ['$10k-$50k'] },
				{ identifier: 'company', answer: ['Acme, Inc.'] },
			],
			additionalGuests: [{ email: 'bob@example.com', name: 'Bob' }, { email: 'eve@example.com' }],
			notes: 'Prefers mornings',
		});
	});
});
