import type { IDataObject } from 'n8n-workflow';

import type { ItemHead } from '../shared/events/items';
import { passThroughItem } from '../shared/events/passThrough';
import { callItemBody, callRestPart } from './records/call';
import { callRecordSchema } from './records/callRecord';
import { contactItemBody, contactRestPart } from './records/contact';
import { outcomeItemBody, outcomeRestPart } from './records/outcome';
import type { PollSource } from './sources';

/**
 * The item for one REST record with Simplify on: the event model's item (shared/events/items.ts), mapped
 * from the record itself (records/), plus what only the record has under `rest`. Deals and payments have
 * no documented shape: the record passes through with `event` and `receivedAt`, as in the webhook trigger.
 */
export function recordItem(source: PollSource, record: IDataObject, receivedAt: string): IDataObject {
	const head: ItemHead = { event: source.event, receivedAt };
	switch (source.family) {
		case 'call':
			return { ...head, ...callItemBody(callRecordSchema.parse(record), source.event), rest: callRestPart(record) } as IDataObject;
		case 'outcome':
			return { ...head, ...outcomeItemBody(callRecordSchema.parse(record), record), rest: outcomeRestPart(record) } as IDataObject;
		case 'contact':
			return { ...head, ...contactItemBody(record), rest: contactRestPart(record) } as IDataObject;
		default:
			return passThroughItem(record, source.event, receivedAt);
	}
}
