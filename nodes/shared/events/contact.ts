import type { z } from 'zod';

import type { ContactPart } from './items';
import { anyList, anyRecord, id, lenientObject, payloadObject, text } from './lenient';
import { toUtcIso } from './time';
import { fullName, previewIdFromUrl, textOrNull, toId } from './values';

/**
 * iClosed's contact object: the same field names in a REST record (`GET /v1/contacts`, §2.1) and in a
 * contact delivery, which adds answers, the booking page and the latest call around it (§3.2, §3.5). So
 * the item's `contact` part is read from it by this one function, whichever trigger received it.
 */
export const CONTACT_OBJECT_FIELDS = {
	id,
	userId: id,
	accountId: id,
	previewId: text,
	previewUrl: text,
	firstName: text,
	lastName: text,
	email: text,
	phoneNumber: text,
	secondary_email: text,
	secondary_phoneNumber: text,
	status: text,
	timeZone: text,
	country: text,
	joinedTime: text,
	createdAt: text,
	updatedAt: text,
	updatedAttributes: anyList,
	disqualifyingGroup: lenientObject({ id, name: text }),
	tracking: anyRecord,
};

export const contactObjectSchema = payloadObject(CONTACT_OBJECT_FIELDS);

export type ContactObject = z.infer<typeof contactObjectSchema>;

/** The item's `contact`: who, their stage, their contact card, what changed. */
export function contactPart(contact: ContactObject): ContactPart {
	const updated = (contact.updatedAttributes ?? []).map((a) => textOrNull(a)).filter((a): a is string => a !== null);
	return {
		id: toId(contact.id),
		previewId: textOrNull(contact.previewId) ?? previewIdFromUrl(contact.previewUrl),
		previewUrl: textOrNull(contact.previewUrl),
		firstName: textOrNull(contact.firstName),
		lastName: textOrNull(contact.lastName),
		name: fullName(contact.firstName, contact.lastName),
		email: textOrNull(contact.email),
		phone: textOrNull(contact.phoneNumber),
		secondaryEmail: textOrNull(contact.secondary_email),
		secondaryPhone: textOrNull(contact.secondary_phoneNumber),
		status: textOrNull(contact.status),
		timeZone: textOrNull(contact.timeZone),
		country: textOrNull(contact.country),
		ownerId: toId(contact.userId),
		joinedAt: toUtcIso(contact.joinedTime),
		createdAt: toUtcIso(contact.createdAt),
		updatedAt: toUtcIso(contact.updatedAt),
		updatedFields: updated,
		disqualifiedBy: textOrNull(contact.disqualifyingGroup?.name),
	};
}
