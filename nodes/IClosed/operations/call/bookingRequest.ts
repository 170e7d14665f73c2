import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { z } from 'zod';

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

/**
 * iClosed's own checks (§2.1) that the request builder's looser ones do not cover: zod emails (for
 * the invitee and each guest) and names of at most 25 characters.
 */
const EMAIL = z.string().max(255).email();
const NAME_MAX = 25;

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
	if (email) body.email = checkEmail(email, 'Email');
	for (const [key, label] of [['firstName', 'First Name'], ['lastName', 'Last Name']]) {
		const name = text(body[key]);
		if (name && name.length > NAME_MAX) {
			fail(`${label} is longer than iClosed's ${NAME_MAX} characters`, `Shorten ${label} to ${NAME_MAX} characters.`);
		}
	}
}

/** The start is already a UTC date-time (the builder converted it); what the UTC form hides is checked here. */
function checkStart(body: IDataObject, context: BookingContext): void {
	assertUnambiguousWallClock(context.rawStart, context.workflowZone, 'Start Time');
	const start = DateTime.fromISO(String(body.dateTime), { zone: 'utc' });
	if (start.toMillis() <= context.now.toMillis()) {
		fail(
			`Start Time ${start.toISO()} is in the past`,
			'Book a time that is still ahead: take one from Event → Get Available Slots run just before booking.',
		);
	}
}

function answerItem(entry: IDataObject, index: number): IDataObject {
	const where = `Question answer ${index + 1}`;
	if (entry.customFieldId === undefined && entry.identifier === undefined) {
		fail(`${where} names no question`, 'Give the custom field ID or its identifier (e.g. monthly_revenue).');
	}
	const out: IDataObject = entry.customFieldId !== undefined ? { customFieldId: entry.customFieldId } : { identifier: entry.identifier };
	// The builder keeps every answer box; empty ones are left out, and at least one must remain.
	const answers = ((entry.answer ?? []) as unknown[]).map(text).filter((a): a is string => a !== undefined);
	if (answers.length === 0) fail(`${where} has no answer`, 'Fill in the answer, or remove the entry.');
	out.answer = answers;
	return out;
}

/**
 * Checks and completes a booking body built from the declaration (wire names of §2.2; required
 * fields, the invitee, phone, time zone, IDs and dates already checked and converted there). Returns
 * the body to send; throws `IClosedInputError` naming the problem and its fix.
 */
export function checkBookingBody(draft: IDataObject, context: BookingContext): IDataObject {
	const body: IDataObject = { ...draft };
	checkInvitee(body);
	checkStart(body, context);
	// Conditional User IDs typed as "," convert to no ID at all, which iClosed cannot route by.
	if (body.conditionalUsers === '') {
		fail('Conditional Users must be numeric user IDs separated by commas, got ""', 'e.g. 26001,26002 (from User → Get Many or an eventDates answer).');
	}
	if (body.additionalGuests !== undefined) {
		body.additionalGuests = (body.additionalGuests as IDataObject[]).map((guest, i) => ({
			...guest,
			email: checkEmail(String(guest.email), `Additional guest ${i + 1}`),
		}));
	}
	const answers = (body.secondaryQuestionsAnswer ?? []) as IDataObject[];
	body.secondaryQuestionsAnswer = answers.length > 0 ? answers.map(answerItem) : SECONDARY_ANSWERS_WHEN_NONE;
	return body;
}
