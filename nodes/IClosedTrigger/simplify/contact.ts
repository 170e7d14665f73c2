import type { ContactPayload } from '../schemas/contact';
import { customFieldsOf } from './customFields';
import { mergeQuestions, questionsFromList, questionsFromRecord, referrerUrlOf } from './questions';
import { toUtcIso } from './time';
import { simplifyTracking } from './tracking';
import { fullName, normalizeCallType, previewIdFromUrl, textOrNull, toId, toMinutes } from './values';

/**
 * A contact delivery in plain words (iclosed-api.md §3.2, §3.5): who, their stage, their contact card,
 * what changed, the booking page they came through, their latest call, their answers, custom fields
 * and UTMs.
 */
export function simplifyContact(payload: ContactPayload) {
	const page = payload.event;
	const latest = payload.latestCall;
	const user = latest?.user;
	const updated = (payload.updatedAttributes ?? []).map((a) => textOrNull(a)).filter((a): a is string => a !== null);
	const listed = Array.isArray(payload.questions) ? questionsFromList(payload.questions) : [];
	const pageUrl = textOrNull(payload.Referrer_Url_Embed) ?? referrerUrlOf(payload.questionsAndAnswers);

	return {
		contact: {
			id: toId(payload.id),
			previewId: textOrNull(payload.previewId) ?? previewIdFromUrl(payload.previewUrl),
			previewUrl: textOrNull(payload.previewUrl),
			firstName: textOrNull(payload.firstName),
			lastName: textOrNull(payload.lastName),
			name: fullName(payload.firstName, payload.lastName),
			email: textOrNull(payload.email),
			phone: textOrNull(payload.phoneNumber),
			secondaryEmail: textOrNull(payload.secondary_email),
			secondaryPhone: textOrNull(payload.secondary_phoneNumber),
			status: textOrNull(payload.status),
			timeZone: textOrNull(payload.timeZone),
			country: textOrNull(payload.country),
			ownerId: toId(payload.userId),
			joinedAt: toUtcIso(payload.joinedTime),
			createdAt: toUtcIso(payload.createdAt),
			updatedAt: toUtcIso(payload.updatedAt),
			updatedFields: updated,
			disqualifiedBy: textOrNull(payload.disqualifyingGroup?.name),
		},
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
