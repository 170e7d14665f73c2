import type { CallPayload } from '../schemas/call';
import { questionsFromList } from './questions';
import { localTime, toUtcIso } from './time';
import { simplifyTracking } from './tracking';
import { fullName, normalizeCallType, previewIdFromUrl, textOrNull, toId, toMinutes } from './values';

/**
 * A call delivery in plain words (iclosed-api.md §3.2): which call, when (UTC, plus the host's and the
 * invitee's local times as iClosed sent them), what kind, who hosts, who set it, where, whether it
 * was cancelled or rescheduled and why, who booked it, what they answered and where they came from.
 */
interface Host {
	id: number | string | null;
	name: string | null;
	email: string | null;
	primary: boolean;
}

function hostsOf(event: NonNullable<CallPayload['event']>): Host[] {
	const extended = Object.entries(event.extended_assigned_to ?? {});
	if (extended.length > 0) {
		return extended.map(([id, value]) => {
			const host = (typeof value === 'object' && value !== null ? value : { name: value }) as Record<string, unknown>;
			return {
				id: toId(id),
				name: textOrNull(host.name),
				email: textOrNull(host.email),
				primary: host.primary === true || String(host.primary).toLowerCase() === 'true',
			};
		});
	}
	return Object.entries(event.assigned_to ?? {}).map(([id, name], index) => ({
		id: toId(id),
		name: textOrNull(name),
		email: null,
		primary: index === 0,
	}));
}

export function simplifyCall(payload: CallPayload, event: string) {
	const call = payload.event ?? {};
	const type = payload.event_type ?? {};
	const invitee = payload.invitee ?? {};
	const contact = payload.contact ?? {};
	const hosts = hostsOf(call);
	const primary = hosts.find((h) => h.primary) ?? hosts[0];
	const setter = call.setter;
	const rescheduled = event === 'call.rescheduled' || invitee.is_reschedule === true || !!call.old_start_time;
	const cancelled = event === 'call.cancelled' || call.canceled === true || invitee.canceled === true;

	return {
		call: {
			id: toId(call.uuid),
			...(call.callPreviewId ? { callPreviewId: call.callPreviewId } : {}),
			callType: normalizeCallType(type.type, call.type),
			startTime: toUtcIso(call.utc_start_time) ?? toUtcIso(call.start_time),
			endTime: toUtcIso(call.utc_end_time) ?? toUtcIso(call.end_time),
			hostStartTime: localTime(call.start_time),
			hostEndTime: localTime(call.end_time),
			inviteeStartTime: localTime(call.invitee_start_time),
			inviteeEndTime: localTime(call.invitee_end_time),
			inviteeTimeZone: textOrNull(invitee.timezone),
			location: textOrNull(call.location),
			createdAt: toUtcIso(call.created_at),
			bookedFrom: textOrNull(payload.call_booked_from),
			cancelled,
			cancelledBy: cancelled ? textOrNull(call.canceler_name) ?? textOrNull(invitee.canceler_name) : null,
			cancelReason: cancelled ? textOrNull(call.cancel_reason) ?? textOrNull(invitee.cancel_reason) : null,
			cancelledAt: cancelled ? toUtcIso(call.canceled_at) ?? toUtcIso(invitee.canceled_at) : null,
			rescheduled,
			rescheduledBy: rescheduled ? textOrNull(invitee.reschedule_by) : null,
			rescheduleReason: rescheduled ? textOrNull(invitee.reschedule_reason) : null,
			previousStartTime: rescheduled ? toUtcIso(call.old_start_time) : null,
			rescheduleLink: textOrNull(call.rescheduleLink),
		},
		eventType: {
			id: toId(type.uuid),
			name: textOrNull(type.name),
			slug: textOrNull(type.slug),
			kind: textOrNull(type.kind),
			durationMinutes: toMinutes(type.duration, type.durationUnit),
		},
		host: primary
			? { id: primary.id, name: primary.name, email: primary.email }
			: call.closerEmail || call.closerId
				? { id: toId(call.closerId), name: null, email: textOrNull(call.closerEmail) }
				: null,
		hosts,
		setter: setter
			? { id: toId(setter.id), name: textOrNull(setter.name) ?? fullName(setter.firstName, setter.lastName), email: textOrNull(setter.email) }
			: null,
		contact: {
			id: toId(contact.id ?? invitee.uuid),
			previewId: textOrNull(contact.previewId) ?? previewIdFromUrl(invitee.previewUrl),
			firstName: textOrNull(contact.firstName ?? invitee.first_name),
			lastName: textOrNull(contact.lastName ?? invitee.last_name),
			name: textOrNull(invitee.name) ?? fullName(contact.firstName, contact.lastName),
			email: textOrNull(contact.email ?? invitee.email),
			phone: textOrNull(contact.phoneNumber ?? invitee.text_reminder_number),
			timeZone: textOrNull(invitee.timezone),
		},
		questions: questionsFromList(payload.questions_and_answers),
		tracking: simplifyTracking(payload.tracking),
	};
}
