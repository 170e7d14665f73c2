import type { IDataObject } from 'n8n-workflow';

import { findTriggerEvent } from '../eventNames';
import { callPayloadSchema } from '../schemas/call';
import { contactPayloadSchema } from '../schemas/contact';
import { outcomePayloadSchema } from '../schemas/outcome';
import { simplifyCall } from './call';
import { simplifyContact } from './contact';
import { simplifyGeneric } from './generic';
import { simplifyOutcome } from './outcome';

/** One clean item for one delivered event, by payload family (eventNames.ts). */
export function simplifyEvent(event: string, payload: IDataObject, receivedAt: string): IDataObject {
	const head = { event, receivedAt };
	switch (findTriggerEvent(event)?.family) {
		case 'call':
			return { ...head, ...simplifyCall(callPayloadSchema.parse(payload), event) } as IDataObject;
		case 'contact':
			return { ...head, ...simplifyContact(contactPayloadSchema.parse(payload)) } as IDataObject;
		case 'outcome':
			return { ...head, ...simplifyOutcome(outcomePayloadSchema.parse(payload)) } as IDataObject;
		default:
			return simplifyGeneric(payload, event, receivedAt);
	}
}
