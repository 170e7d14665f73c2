import type { IDataObject } from 'n8n-workflow';

import { contactObjectSchema, contactPart } from '../../shared/events/contact';
import type { ContactItemBody } from '../../shared/events/items';
import { id, payloadObject } from '../../shared/events/lenient';
import { simplifyTracking } from '../../shared/events/tracking';
import { toId } from '../../shared/events/values';

/**
 * A contact as `GET /v1/contacts` lists it (iclosed-api.md §2.1): iClosed's contact object
 * (shared/events/contact.ts, the same fields a delivery carries) with its booking page by `eventId`.
 * As the event model's contact item; what a record does not carry is null: `NOT_IN_RECORDS.contact`.
 */
const contactRecordSchema = contactObjectSchema.merge(payloadObject({ eventId: id }));

export function contactItemBody(record: IDataObject): ContactItemBody {
	const contact = contactRecordSchema.parse(record);
	const pageId = toId(contact.eventId);
	return {
		contact: contactPart(contact),
		bookingPage:
			contact.eventId === undefined || contact.eventId === null
				? null
				: { id: pageId, name: null, linkPrefix: null, callType: null, url: null },
		latestCall: null,
		questions: [],
		customFields: {},
		tracking: simplifyTracking(contact.tracking),
	};
}

/** What only the record says about a contact, under `rest` (null when absent). */
export function contactRestPart(record: IDataObject): IDataObject {
	return { tag: record.tag ?? null, referrerUrl: record.referrerUrl ?? null, eventId: record.eventId ?? null };
}
