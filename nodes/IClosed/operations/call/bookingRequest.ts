import type { IDataObject } from 'n8n-workflow';
import type { DateTime } from 'luxon';
import { z } from 'zod';

import { parseDateTime, toTimeZone } from '../../../shared/dates';
import { IClosedInputError } from '../../../shared/inputError';
import { assertUnambiguousWallClock } from '../localTime';

/**
 * Everything about a booking that can be checked before `POST /v1/eventCalls` (§2.2) is sent.
 * A booking that fails here costs nothing; one that fails at iClosed may already exist there.
 */

/**
 * §6.10: w6w (read from the spec) marks `secondaryQuestionsAnswer` required, possibly empty; the
 * vendor's example leaves it out. Sending `[]` satisfies the first reading and is harmless under the
 * second, so a booking without answers sends an empty list.
 */
export const SECONDARY_ANSWERS_WHEN_NONE: IDataObject[] = [];

/** iClosed's own checks (§2.1): zod emails, `^\+?\d+$` phones of at most 20 characters, names ≤ 25. */
const EMAIL = z.string().max(255).email();
const PHONE = /^\+?\d{1,19}$/;
const NAME_MAX = 25;
const USER_IDS = /^\d+(,\d+)*$/;

export interface BookingContext {
	/** The Start Time parameter as the user gave it, before any conversion. */
	rawStart: unknown;
	/** Where a start time without offset is read (the workflow's time zone). */
	workflowZone: string;
	now: DateTime;
}

function fail(message: string, fix: string): never {
	throw new IClosedInputError(message, fix);
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

function checkEmail(value: string, label: string): string {
	if (!EMAIL.safeParse(value).success) {
		fail(`${label} is not a valid email address: "${value.slice(0, 80)}"`, 'Use an address such as name@example.com.');
	}
	return value;
}

function checkInvitee(body: IDataObject): void {
	const email = text(body.email);
	const phone = text(body.phoneNumber)?.replace(/[\s\-().]/g, '');
	if (body.contactId === undefined && !email && !phone) {
		fail(
			'No invitee: the booking needs a contact ID, or an email address and/or phone number',
			'Set Contact to an existing contact, or fill in Email or Phone Number (with First and Last Name).',
		);
	}
	if (email) body.email = checkEmail(email, 'Email');
	if (phone !== undefined) {
		if (!PHONE.test(phone)) {
			fail(
				`Phone Number is not one iClosed accepts: "${String(body.phoneNumber).slice(0, 40)}"`,
				'Use digits with an optional leading +, at most 20 characters, e.g. +14155550123.',
			);
		}
		body.phoneNumber = phone;
	}
	for (const [key, label] of [['firstName', 'First Name'], ['lastName', 'Last Name']]) {
		const name = text(body[key]);
		if (name && name.length > NAME_MAX) {
			fail(`${label} is longer than iClosed's ${NAME_MAX} characters`, `Shorten ${label} to ${NAME_MAX} characters.`);
		}
	}
}

function checkStart(body: IDataObject, context: BookingContext): void {
	if (text(context.rawStart) === undefined && text(body.dateTime) === undefined) {
		fail('Start Time is required', 'Use the "start" of a slot from Event → Get Available Slots, or an ISO date-time.');
	}
	assertUnambiguousWallClock(context.rawStart, context.workflowZone, 'Start Time');
	const start = parseDateTime(body.dateTime, 'utc');
	if (!start) fail(`Start Time is not a date and time: "${String(body.dateTime).slice(0, 60)}"`, 'Use an ISO date-time such as 2026-03-09T13:00:00Z.');
	if (start.toMillis() <= context.now.toMillis()) {
		fail(
			`Start Time ${start.toUTC().toISO()} is in the past`,
			'Book a time that is still ahead: take one from Event → Get Available Slots run just before booking.',
		);
	}
}

function answerItem(entry: unknown, index: number): IDataObject {
	const item = (entry ?? {}) as IDataObject;
	const where = `Question answer ${index + 1}`;
	const out: IDataObject = {};
	const fieldId = text(item.customFieldId);
	const identifier = text(item.identifier);
	if (fieldId !== undefined) {
		if (!/^\d+$/.test(fieldId)) fail(`${where}: the custom field ID must be a number, got "${fieldId}"`, 'Use the numeric ID from Custom Field → Get Many.');
		out.customFieldId = Number(fieldId);
	} else if (identifier !== undefined) {
		out.identifier = identifier;
	} else {
		fail(`${where} names no question`, 'Give the custom field ID or its identifier (e.g. monthly_revenue).');
	}
	const raw = item.answer;
	const answers = (Array.isArray(raw) ? raw : [raw]).map(text).filter((a): a is string => a !== undefined);
	if (answers.length === 0) fail(`${where} has no answer`, 'Fill in the answer, or remove the entry.');
	out.answer = answers;
	return out;
}

function checkGuests(body: IDataObject): void {
	const guests = body.additionalGuests;
	if (guests === undefined) return;
	body.additionalGuests = (guests as IDataObject[]).map((guest, i) => {
		const email = text(guest.email);
		if (!email) fail(`Additional guest ${i + 1} has no email address`, 'Each guest needs an email; the name is optional.');
		const name = text(guest.name);
		return name ? { email: checkEmail(email, `Additional guest ${i + 1}`), name } : { email: checkEmail(email, `Additional guest ${i + 1}`) };
	});
}

function checkRouting(body: IDataObject): void {
	if (body.conditionalUsers === undefined) return;
	const list = Array.isArray(body.conditionalUsers) ? body.conditionalUsers.join(',') : String(body.conditionalUsers);
	const csv = list.replace(/\s+/g, '');
	if (!USER_IDS.test(csv)) {
		fail(`Conditional Users must be numeric user IDs separated by commas, got "${list.slice(0, 60)}"`, 'e.g. 26001,26002 (from User → Get Many or an eventDates answer).');
	}
	body.conditionalUsers = csv;
}

/**
 * Checks and completes a booking body whose fields were already read from the parameters (wire names
 * of §2.2). Returns the body to send; throws `IClosedInputError` naming the problem and its fix.
 */
export function checkBookingBody(draft: IDataObject, context: BookingContext): IDataObject {
	const body: IDataObject = { ...draft };
	if (body.eventId === undefined && text(body.linkPrefix) === undefined) {
		fail('Event is required', 'Pick the event (booking page), or give its numeric ID or link prefix (username/event-name).');
	}
	checkInvitee(body);
	checkStart(body, context);
	body.timeZone = toTimeZone(body.timeZone, 'Invitee Time Zone');
	checkRouting(body);
	checkGuests(body);
	// One answer given as an object (e.g. by expression) counts as a list of one, never as none.
	const answers = body.secondaryQuestionsAnswer;
	const list = answers === undefined || answers === null ? [] : Array.isArray(answers) ? answers : [answers];
	body.secondaryQuestionsAnswer = list.length > 0 ? list.map(answerItem) : SECONDARY_ANSWERS_WHEN_NONE;
	return body;
}
