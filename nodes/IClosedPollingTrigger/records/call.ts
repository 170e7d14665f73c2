import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { CallItemBody, Closer, Setter } from '../../shared/events/items';
import { mergeQuestions, questionsFromList } from '../../shared/events/questions';
import { toUtcIso } from '../../shared/events/time';
import { simplifyTracking } from '../../shared/events/tracking';
import { fullName, normalizeCallType, textOrNull, toId, toMinutes } from '../../shared/events/values';
import type { CallRecord } from './callRecord';
import { objectsOf } from './callRecord';

/**
 * A call record (callRecord.ts) as the event model's call item (shared/events/items.ts), straight from
 * the record's own fields. What a record does not carry (booking source, every assigned host, custom
 * fields…) is null: `NOT_IN_RECORDS.call`.
 */

/** The call's length in minutes (`duration` in `durationUnit`, MINUTES or HOURS, §2.2). */
export function callMinutes(call: CallRecord): number | null {
	return toMinutes(call.duration, call.durationUnit);
}

/**
 * The instant `utc` plus `minutes` in `zone`, written as deliveries write local times
 * (`2026-04-14T16:00:00+02:00`); UTC when the zone is missing or unknown.
 */
function localTimeIn(utc: string | null | undefined, zone: string | null | undefined, minutes = 0): string | null {
	const start = typeof utc === 'string' ? DateTime.fromISO(utc, { zone: 'utc' }) : undefined;
	if (!start?.isValid) return null;
	const shifted = start.plus({ minutes });
	const local = zone ? shifted.setZone(zone) : shifted;
	return (local.isValid ? local : shifted).toISO({ suppressMilliseconds: true });
}

/** The closer: the record's `userId` with the names and e-mail beside it, in its availability zone. */
function closerOf(call: CallRecord): Closer | null {
	const closer = {
		id: toId(call.userId),
		name: fullName(call.firstName, call.lastName),
		email: textOrNull(call.email),
		timeZone: textOrNull(call.userAvailabilityTimezone),
	};
	return closer.id === null && closer.name === null && closer.email === null ? null : closer;
}

/** The setter as `SettedClaim.user` names it: id and name, never an e-mail. */
function setterOf(call: CallRecord): Setter | null {
	const user = call.SettedClaim?.user;
	const setter = { id: toId(user?.id), name: fullName(user?.firstName, user?.lastName), email: null, setBy: null };
	return setter.id === null && setter.name === null ? null : setter;
}

export function callItemBody(call: CallRecord, event: string): CallItemBody {
	const start = textOrNull(call.dateTimeUTC);
	const minutes = callMinutes(call) ?? 0;
	const cancelled = event === 'call.cancelled' || textOrNull(call.cancelledBy) !== null || textOrNull(call.cancelReason) !== null;
	const rescheduled =
		event === 'call.rescheduled' || textOrNull(call.rescheduledBy) !== null || textOrNull(call.rescheduleReason) !== null;
	const host = closerOf(call);
	const linkPrefix = textOrNull(call.linkPrefix);
	return {
		call: {
			id: toId(call.id),
			callPreviewId: null,
			callType: normalizeCallType(call.callType),
			startTime: toUtcIso(start),
			endTime: toUtcIso(localTimeIn(start, 'utc', minutes)),
			hostStartTime: localTimeIn(start, call.userAvailabilityTimezone),
			hostEndTime: localTimeIn(start, call.userAvailabilityTimezone, minutes),
			inviteeStartTime: localTimeIn(start, call.inviteTimeZone),
			inviteeEndTime: localTimeIn(start, call.inviteTimeZone, minutes),
			inviteeTimeZone: textOrNull(call.inviteTimeZone),
			location: textOrNull(call.locationLinkInvitee) ?? textOrNull(call.locationLink) ?? textOrNull(call.location),
			locationType: null,
			createdAt: toUtcIso(call.createdAt),
			bookedFrom: null,
			cancelled,
			cancelledBy: cancelled ? textOrNull(call.cancelledBy) : null,
			cancelReason: cancelled ? textOrNull(call.cancelReason) : null,
			cancelledAt: null,
			rescheduled,
			rescheduledBy: rescheduled ? textOrNull(call.rescheduledBy) : null,
			rescheduleReason: rescheduled ? textOrNull(call.rescheduleReason) : null,
			previousStartTime: null,
			rescheduleLink: null,
		},
		eventType: {
			id: toId(call.eventId),
			name: textOrNull(call.name),
			slug: textOrNull(linkPrefix?.split('/').pop()),
			kind: null,
			durationMinutes: callMinutes(call),
			url: null,
		},
		host,
		hosts: host && (host.name !== null || host.email !== null) ? [{ id: host.id, name: host.name, email: host.email, primary: true }] : [],
		setter: setterOf(call),
		contact: {
			id: toId(call.contactId),
			previewId: textOrNull(call.previewId),
			previewUrl: null,
			firstName: null,
			lastName: null,
			name: textOrNull(call.inviteeName),
			email: textOrNull(call.inviteeEmail),
			phone: textOrNull(call.phoneNumber),
			timeZone: textOrNull(call.inviteTimeZone),
		},
		// Records ask by `statement` (§2.2), deliveries by `question`.
		questions: mergeQuestions(
			questionsFromList(objectsOf(call.questions).map((q) => ({ question: q.statement ?? q.question, answer: q.answer }))),
		),
		customFields: {},
		tracking: simplifyTracking(Object.fromEntries(objectsOf(call.utm).map((u) => [String(u.utmKey), u.utmValue]))),
	};
}

/** What only the record says about a call, under `rest` (null when absent). */
export function callRestPart(record: IDataObject): IDataObject {
	return {
		status: record.eventType ?? null,
		notes: record.notes ?? null,
		locationType: record.location ?? null,
		deals: objectsOf(record.deals as unknown[]),
		updatedAt: record.updatedAt ?? null,
	};
}
