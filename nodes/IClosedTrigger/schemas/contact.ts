import type { z } from 'zod';

import { anyList, anyRecord, id, lenientObject, number, payloadObject, recordOrList, text } from './lenient';

/**
 * Contact deliveries (created, updated, status changed): the contact object itself plus numbered and
 * labelled `questionsAndAnswers`, `tracking`, `event`, `latestCall` (iclosed-api.md §3.2,
 * iclosed-samples/webhook-contactUpdated.partial.txt), with `previewUrl`, `Referrer_Url_Embed` and
 * `contactFields` of current deliveries (§3.5).
 */
export const contactPayloadSchema = payloadObject({
	id,
	userId: id,
	accountId: id,
	previewId: text,
	previewUrl: text,
	Referrer_Url_Embed: text,
	contactFields: recordOrList,
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
	questionsAndAnswers: anyRecord,
	event: lenientObject({ id, name: text, linkPrefix: text, color: text, eventType: text }),
	tracking: anyRecord,
	latestCall: lenientObject({
		id,
		dateTime: text,
		duration: number,
		user: lenientObject({ id, firstName: text, lastName: text, name: text, email: text }),
	}),
	disqualifyingGroup: lenientObject({ id, name: text }),
	hookType: text,
});

export type ContactPayload = z.infer<typeof contactPayloadSchema>;
