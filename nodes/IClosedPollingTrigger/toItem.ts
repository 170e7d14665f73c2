import type { IDataObject } from 'n8n-workflow';

import { simplifyEvent } from '../IClosedTrigger/simplify';
import { withoutSecrets } from '../shared/secretFields';
import { callAsDelivery, contactAsDelivery, outcomeAsDelivery, restExtras } from './asDelivery';
import type { PollSource } from './sources';

/**
 * One output item for one change. Simplify on: the webhook trigger's Simplify applied to the record
 * rewritten as a delivery (asDelivery.ts), plus `rest`. Simplify off: the REST record plus `event`.
 */
export function simplifyRecord(
	source: PollSource,
	record: IDataObject,
	receivedAt: string,
): IDataObject {
	const payload =
		source.family === 'call'
			? callAsDelivery(record)
			: source.family === 'outcome'
				? outcomeAsDelivery(record)
				: source.family === 'contact'
					? contactAsDelivery(record)
					: record;
	return {
		...simplifyEvent(source.event, payload, receivedAt),
		...restExtras(source.family, record),
	};
}

/** Secret fields are dropped by the rule every other output of the package goes through (secretFields.ts). */
export function toItemJson(
	source: PollSource,
	record: IDataObject,
	simplified: IDataObject,
	simplify: boolean,
): IDataObject {
	return withoutSecrets(simplify ? simplified : { ...record, event: source.event });
}
