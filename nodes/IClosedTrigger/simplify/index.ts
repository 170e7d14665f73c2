import type { IDataObject } from 'n8n-workflow';

import { familyOf } from '../../shared/events/eventList';
import type { ItemHead } from '../../shared/events/items';
import { passThroughItem } from '../../shared/events/passThrough';
import { callPayloadSchema } from '../schemas/call';
import { contactPayloadSchema } from '../schemas/contact';
import { outcomePayloadSchema } from '../schemas/outcome';
import { simplifyCall } from './call';
import { simplifyContact } from './contact';
import { simplifyOutcome } from './outcome';

/**
 * One item of the event model (shared/events/items.ts) for one delivered event, by payload family: the
 * webhook trigger's side of the model. The polling trigger maps REST records to the same items.
 */
export function simplifyEvent(event: string, payload: IDataObject, receivedAt: string): IDataObject {
	const head: ItemHead = { event, receivedAt };
	switch (familyOf(event)) {
		case 'call':
			return { ...head, ...simplifyCall(callPayloadSchema.parse(payload), event) } as IDataObject;
		case 'contact':
			return { ...head, ...simplifyContact(contactPayloadSchema.parse(payload)) } as IDataObject;
		case 'outcome':
			return { ...head, ...simplifyOutcome(outcomePayloadSchema.parse(payload)) } as IDataObject;
		default:
			return passThroughItem(payload, event, receivedAt);
	}
}
