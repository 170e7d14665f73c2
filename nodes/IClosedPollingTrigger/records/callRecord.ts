import type { z } from 'zod';

import { anyList, id, lenientObject, number, payloadObject, text } from '../../shared/events/lenient';

/**
 * A call as `GET /v1/eventCalls` lists it (iclosed-api.md §2.2; the production sample in
 * test/fixtures/iclosed-samples/eventCall-observed-production.jsonc): `firstName`, `lastName` and
 * `email` are the closer's, the prospect is `inviteeName` / `inviteeEmail` / `phoneNumber`,
 * `dateTimeUTC` is the start, `userAvailabilityTimezone` and `inviteTimeZone` the two local zones, the
 * setter is `SettedClaim.user` and the outcome sits in `task[]`. Read leniently, like deliveries: every
 * field optional, a value of an unexpected type read as missing.
 */
export const callRecordSchema = payloadObject({
	id,
	contactId: id,
	userId: id,
	eventId: id,
	previewId: text,
	firstName: text,
	lastName: text,
	email: text,
	inviteeEmail: text,
	inviteeName: text,
	phoneNumber: text,
	location: text,
	locationLink: text,
	locationLinkInvitee: text,
	dateTimeUTC: text,
	duration: number,
	durationUnit: text,
	callType: text,
	name: text,
	linkPrefix: text,
	inviteTimeZone: text,
	userAvailabilityTimezone: text,
	createdAt: text,
	cancelledBy: text,
	cancelReason: text,
	rescheduledBy: text,
	rescheduleReason: text,
	SettedClaim: lenientObject({ user: lenientObject({ id, firstName: text, lastName: text }) }),
	deals: anyList,
	questions: anyList,
	utm: anyList,
});

export type CallRecord = z.infer<typeof callRecordSchema>;

/** A deal on a call record (`deals[]`). */
export const callDealSchema = lenientObject({
	transactionType: text,
	time: text,
	value: number,
	product: lenientObject({ name: text }),
});

/** An outcome row of a call record (`task[]`, §2.3). */
export const outcomeTaskSchema = lenientObject({ outcome: text, noSaleReason: text, objection: text, notes: text });

/** The objects of a list field (other entries dropped). */
export function objectsOf(list: unknown[] | null | undefined): Array<Record<string, unknown>> {
	return (list ?? []).filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
}
