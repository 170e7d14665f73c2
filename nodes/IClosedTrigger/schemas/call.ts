import type { z } from 'zod';

import { anyList, anyRecord, flag, id, lenientObject, number, payloadObject, recordOrList, recordOrText, text } from '../../shared/events/lenient';

/**
 * Call deliveries (booked, cancelled, rescheduled; also used for `call.completed`): Calendly-v1 naming,
 * iclosed-api.md §3.2 and iclosed-samples/webhook-call*.partial.txt, with the fields current deliveries
 * add (§3.5): the closer on the call, `assigned_to` as a map, a string or a person, a setter block
 * with `setBy`, answers in two structures, `contactFields`, the booking page link and location type.
 */
const person = { id, userId: id, firstName: text, lastName: text, name: text, email: text };
export const callPayloadSchema = payloadObject({
	event_type: lenientObject({
		uuid: id,
		kind: text,
		slug: text,
		name: text,
		duration: number,
		durationUnit: text,
		owner: lenientObject({ type: text }),
		type: text,
	}),
	event: lenientObject({
		uuid: id,
		callPreviewId: text,
		assigned_to: recordOrText,
		extended_assigned_to: recordOrText,
		utc_start_time: text,
		utc_end_time: text,
		start_time: text,
		end_time: text,
		invitee_start_time: text,
		invitee_end_time: text,
		created_at: text,
		type: text,
		location: text,
		location_type: text,
		eventLink: text,
		canceled: flag,
		canceler_name: text,
		cancel_reason: text,
		canceled_at: text,
		old_start_time: text,
		setter: lenientObject({ ...person, setBy: lenientObject(person) }),
		closerId: id,
		closerName: text,
		closerEmail: text,
		closerTimezone: text,
		rescheduleLink: text,
	}),
	invitee: lenientObject({
		previewUrl: text,
		callPreviewId: text,
		uuid: id,
		name: text,
		first_name: text,
		last_name: text,
		email: text,
		text_reminder_number: text,
		timezone: text,
		created_at: text,
		is_reschedule: flag,
		reschedule_reason: text,
		reschedule_by: text,
		canceled: flag,
		canceler_name: text,
		cancel_reason: text,
		canceled_at: text,
	}),
	contact: lenientObject({ id, previewId: text, email: text, phoneNumber: text, firstName: text, lastName: text }),
	questions_and_answers: anyList,
	questions_and_responses: anyRecord,
	questionsAndAnswers: anyRecord,
	contactFields: recordOrList,
	Referrer_Url_Embed: text,
	tracking: anyRecord,
	call_booked_from: text,
	hookType: text,
});

export type CallPayload = z.infer<typeof callPayloadSchema>;
