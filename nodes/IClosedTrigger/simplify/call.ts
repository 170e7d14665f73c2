import type { CallPayload } from '../schemas/call';
import { customFieldsOf } from '../../shared/events/customFields';
import { closerOf, hostOf, hostsOf, setterOf } from './people';
import { mergeQuestions, questionsFromList, questionsFromRecord, referrerUrlOf } from '../../shared/events/questions';
import { localTime, toUtcIso } from '../../shared/events/time';
import { simplifyTracking } from '../../shared/events/tracking';
import { fullName, normalizeCallType, previewIdFromUrl, textOrNull, toId, toMinutes } from '../../shared/events/values';
import type { CallItemBody } from '../../shared/events/items';

/**
 * A call delivery in plain words (iclosed-api.md §3.2, §3.5): which call, when (UTC, plus the host's and
 * the invitee's local times as iClosed sent them), what kind, who hosts (the closer) and who else is
 * assigned, who set it, where, whether it was cancelled or rescheduled and why, who booked it, what
 * they answered, their custom fields and where they came from.
 */
export function simplifyCall(payload: CallPayload, event: string): CallItemBody {
	const call = payload.event ?? {};
	const type = payload.event_type ?? {};
	const invitee = payload.invitee ?? {};
	const contact = payload.contact ?? {};
	const closer = closerOf(call);
	const hosts = hostsOf(call, closer);
	const rescheduled = event === 'call.rescheduled' || invitee.is_reschedule === true || !!call.old_start_time;
	const cancelled = event === 'call.cancelled' || call.canceled === true || invitee.canceled === true;
	const bookingPageUrl =
		textOrNull(call.eventLink) ??
		textOrNull(payload.Referrer_Url_Embed) ??
		referrerUrlOf(payload.questions_and_responses) ??
		referrerUrlOf(payload.questionsAndAnswers);

	return {
		call: {
			id: toId(call.uuid),
			callPreviewId: textOrNull(call.callPreviewId) ?? textOrNull(invitee.callPreviewId),
			callType: normalizeCallType(type.type, call.type),
			startTime: toUtcIso(call.utc_start_time) ?? toUtcIso(call.start_time),
			endTime: toUtcIso(call.utc_end_time) ?? toUtcIso(call.end_time),
			hostStartTime: localTime(call.start_time),
			hostEndTime: localTime(call.end_time),
			inviteeStartTime: localTime(call.invitee_start_time),
			inviteeEndTime: localTime(call.invitee_end_time),
			inviteeTimeZone: textOrNull(invitee.timezone),
			location: textOrNull(call.location),
			locationType: textOrNull(call.location_type),
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
			url: bookingPageUrl,
		},
		host: hostOf(closer, hosts),
		hosts,
		setter: setterOf(call),
		contact: {
			id: toId(contact.id ?? invitee.uuid),
			previewId: textOrNull(contact.previewId) ?? previewIdFromUrl(invitee.previewUrl),
			previewUrl: textOrNull(invitee.previewUrl),
			firstName: textOrNull(contact.firstName ?? invitee.first_name),
			lastName: textOrNull(contact.lastName ?? invitee.last_name),
			name: textOrNull(invitee.name) ?? fullName(contact.firstName, contact.lastName),
			email: textOrNull(contact.email ?? invitee.email),
			phone: textOrNull(contact.phoneNumber ?? invitee.text_reminder_number),
			timeZone: textOrNull(invitee.timezone),
		},
		questions: mergeQuestions(
			questionsFromList(payload.questions_and_answers),
			questionsFromRecord(payload.questions_and_responses),
			questionsFromRecord(payload.questionsAndAnswers),
		),
		customFields: customFieldsOf(payload.contactFields),
		tracking: simplifyTracking(payload.tracking),
	};
}
