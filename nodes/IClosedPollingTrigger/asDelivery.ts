import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { outcomeTask } from './sources';

/**
 * A REST record (iclosed-api.md §2.1, §2.2) rewritten in the shape of the webhook delivery for the
 * same event (§3.2), so the webhook trigger's own Simplify turns it into exactly the item the webhook
 * trigger emits: a workflow can switch triggers without touching a downstream node. What only a
 * delivery carries (setter's e-mail, booking source, answers by label…) stays absent, so Simplify
 * gives null or an empty list; what only the REST record has is added afterwards (restExtras).
 */
type Obj = IDataObject;

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

const list = (value: unknown): Obj[] =>
	Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as Obj[]) : [];

function minutes(call: Obj): number | undefined {
	const duration = typeof call.duration === 'number' ? call.duration : undefined;
	if (duration === undefined) return undefined;
	return String(call.durationUnit ?? '')
		.toUpperCase()
		.startsWith('HOUR')
		? duration * 60
		: duration;
}

/** The start in another zone, with its offset, as deliveries give `start_time` and `invitee_start_time`. */
function inZone(utc: string | undefined, zone: unknown, plusMinutes = 0): string | undefined {
	if (!utc) return undefined;
	const start = DateTime.fromISO(utc, { zone: 'utc' });
	if (!start.isValid) return undefined;
	const shifted = start.plus({ minutes: plusMinutes });
	const local = typeof zone === 'string' && zone !== '' ? shifted.setZone(zone) : shifted;
	return (local.isValid ? local : shifted).toISO() ?? undefined;
}

function closerName(call: Obj): string | undefined {
	const name = [call.firstName, call.lastName]
		.filter((p) => typeof p === 'string' && p !== '')
		.join(' ');
	return name === '' ? undefined : name;
}

export function callAsDelivery(call: Obj): Obj {
	const startUtc = text(call.dateTimeUTC);
	const duration = minutes(call) ?? 0;
	const claim = (call.SettedClaim ?? {}) as Obj;
	const setter = (claim.user ?? undefined) as Obj | undefined;
	const cancelled = !!text(call.cancelledBy) || !!text(call.cancelReason);
	const rescheduled = !!text(call.rescheduledBy) || !!text(call.rescheduleReason);
	const linkPrefix = text(call.linkPrefix);
	const hostId =
		call.userId === undefined || call.userId === null ? undefined : String(call.userId);
	return {
		event_type: {
			uuid: call.eventId,
			name: call.name,
			slug: linkPrefix?.split('/').pop(),
			duration: minutes(call),
			durationUnit: 'MINUTES',
			type: call.callType,
		},
		event: {
			uuid: call.id,
			// Keyed by the host's user id: Simplify reads the key as the host's id (§3.5 positions are a delivery quirk).
			extended_assigned_to: hostId
				? { [hostId]: { name: closerName(call), email: call.email, primary: true } }
				: undefined,
			utc_start_time: startUtc,
			utc_end_time: inZone(startUtc, 'utc', duration),
			start_time: inZone(startUtc, call.userAvailabilityTimezone),
			end_time: inZone(startUtc, call.userAvailabilityTimezone, duration),
			invitee_start_time: inZone(startUtc, call.inviteTimeZone),
			invitee_end_time: inZone(startUtc, call.inviteTimeZone, duration),
			created_at: call.createdAt,
			location: text(call.locationLinkInvitee) ?? text(call.locationLink) ?? call.location,
			canceled: cancelled,
			canceler_name: call.cancelledBy,
			cancel_reason: call.cancelReason,
			setter: setter
				? { id: setter.id, firstName: setter.firstName, lastName: setter.lastName }
				: undefined,
			closerEmail: call.email,
			closerId: call.userId,
			closerName: closerName(call),
		},
		invitee: {
			uuid: call.contactId,
			name: call.inviteeName,
			email: call.inviteeEmail,
			text_reminder_number: call.phoneNumber,
			timezone: call.inviteTimeZone,
			is_reschedule: rescheduled,
			reschedule_reason: call.rescheduleReason,
			reschedule_by: call.rescheduledBy,
			canceled: cancelled,
			canceler_name: call.cancelledBy,
			cancel_reason: call.cancelReason,
		},
		contact: {
			id: call.contactId,
			previewId: call.previewId,
			email: call.inviteeEmail,
			phoneNumber: call.phoneNumber,
		},
		questions_and_answers: list(call.questions).map((q) => ({
			question: q.statement ?? q.question,
			answer: q.answer,
		})),
		tracking: Object.fromEntries(list(call.utm).map((u) => [String(u.utmKey), u.utmValue])),
	};
}

export function outcomeAsDelivery(call: Obj): Obj {
	const task = outcomeTask(call);
	const deal = list(call.deals)[0];
	const product = (deal?.product ?? undefined) as Obj | undefined;
	return {
		uuid: call.id,
		userId: call.userId,
		eventName: call.name,
		eventId: call.eventId,
		eventDuration: call.duration,
		eventDurationUnit: call.durationUnit,
		email: call.inviteeEmail,
		contactId: call.contactId,
		phoneNumber: call.phoneNumber,
		closerEmail: call.email,
		callOutcome: task.outcome,
		noSaleReason: task.noSaleReason,
		objection: task.objection,
		startTime: call.dateTimeUTC,
		notes: task.notes,
		dealValue: deal?.value,
		productName: product?.name,
		deal: deal
			? { transactionType: deal.transactionType, createdAt: deal.time, value: deal.value }
			: undefined,
		transaction: [],
	};
}

/** Contact records already use the delivery's field names (§2.1 vs §3.2); only the delivery-only parts are missing. */
export function contactAsDelivery(contact: Obj): Obj {
	const eventId = contact.eventId;
	return {
		...contact,
		event: eventId === undefined || eventId === null ? undefined : { id: eventId },
	};
}

/** Fields only the REST record has, under one `rest` key added to the simplified item (null when absent). */
export function restExtras(family: string, record: Obj): Obj {
	if (family === 'call') {
		return {
			rest: {
				status: record.eventType ?? null,
				notes: record.notes ?? null,
				locationType: record.location ?? null,
				deals: list(record.deals),
				updatedAt: record.updatedAt ?? null,
			},
		};
	}
	if (family === 'outcome') {
		return {
			rest: {
				contactName: record.inviteeName ?? null,
				deals: list(record.deals),
				updatedAt: record.updatedAt ?? null,
			},
		};
	}
	if (family === 'contact') {
		return {
			rest: {
				tag: record.tag ?? null,
				referrerUrl: record.referrerUrl ?? null,
				eventId: record.eventId ?? null,
			},
		};
	}
	return {};
}
