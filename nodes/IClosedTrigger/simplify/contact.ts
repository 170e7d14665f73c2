import type { ContactPayload } from '../schemas/contact';
import { contactPart } from '../../shared/events/contact';
import { customFieldsOf } from '../../shared/events/customFields';
import type { ContactItemBody } from '../../shared/events/items';
import { mergeQuestions, questionsFromList, questionsFromRecord, referrerUrlOf } from '../../shared/events/questions';
import { toUtcIso } from '../../shared/events/time';
import { simplifyTracking } from '../../shared/events/tracking';
import { fullName, normalizeCallType, textOrNull, toId, toMinutes } from '../../shared/events/values';

/**
 * A contact delivery in plain words (iclosed-api.md §3.2, §3.5): the contact itself (read like any
 * iClosed contact object, shared/events/contact.ts), the booking page they came through, their latest
 * call, their answers, custom fields and UTMs.
 */
export function simplifyContact(payload: ContactPayload): ContactItemBody {
	const page = payload.event;
	const latest = payload.latestCall;
	const user = latest?.user;
	const listed = Array.isArray(payload.questions) ? questionsFromList(payload.questions) : [];
	const pageUrl = textOrNull(payload.Referrer_Url_Embed) ?? referrerUrlOf(payload.questionsAndAnswers);

	return {
		contact: contactPart(payload),
		bookingPage:
			page || pageUrl
				? {
						id: toId(page?.id),
						name: textOrNull(page?.name),
						linkPrefix: textOrNull(page?.linkPrefix),
						callType: normalizeCallType(page?.eventType),
						url: pageUrl,
					}
				: null,
		latestCall: latest
			? {
					id: toId(latest.id),
					startTime: toUtcIso(latest.dateTime),
					durationMinutes: toMinutes(latest.duration, 'MINUTES'),
					host: user
						? { id: toId(user.id), name: textOrNull(user.name) ?? fullName(user.firstName, user.lastName), email: textOrNull(user.email) }
						: null,
				}
			: null,
		questions: mergeQuestions(questionsFromRecord(payload.questionsAndAnswers), listed),
		customFields: customFieldsOf(payload.contactFields),
		tracking: simplifyTracking(payload.tracking),
	};
}
