import type { z } from 'zod';

import { CONTACT_OBJECT_FIELDS } from '../../shared/events/contact';
import { anyRecord, id, lenientObject, number, payloadObject, recordOrList, text } from '../../shared/events/lenient';

/**
 * Contact deliveries (created, updated, status changed): iClosed's contact object itself
 * (shared/events/contact.ts) plus numbered and labelled `questionsAndAnswers`, `event`, `latestCall`
 * (iclosed-api.md §3.2, iclosed-samples/webhook-contactUpdated.partial.txt), with `Referrer_Url_Embed`
 * and `contactFields` of current deliveries (§3.5).
 */
export const contactPayloadSchema = payloadObject({
	...CONTACT_OBJECT_FIELDS,
	Referrer_Url_Embed: text,
	contactFields: recordOrList,
	questionsAndAnswers: anyRecord,
	event: lenientObject({ id, name: text, linkPrefix: text, color: text, eventType: text }),
	latestCall: lenientObject({
		id,
		dateTime: text,
		duration: number,
		user: lenientObject({ id, firstName: text, lastName: text, name: text, email: text }),
	}),
	hookType: text,
});

export type ContactPayload = z.infer<typeof contactPayloadSchema>;
