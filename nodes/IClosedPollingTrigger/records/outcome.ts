import type { IDataObject } from 'n8n-workflow';

import type { OutcomeItemBody } from '../../shared/events/items';
import { toUtcIso } from '../../shared/events/time';
import { textOrNull, toId } from '../../shared/events/values';
import { outcomeTask } from '../sources';
import { callMinutes } from './call';
import type { CallRecord } from './callRecord';
import { callDealSchema, objectsOf, outcomeTaskSchema } from './callRecord';

/**
 * A call record as the event model's outcome item (shared/events/items.ts): the outcome from the call's
 * task row (the one lookup, `outcomeTask` in sources.ts, which also tells the trigger an outcome
 * changed), the deal from its first deal. What a record does not carry is null: `NOT_IN_RECORDS.outcome`.
 */
export function outcomeItemBody(call: CallRecord, record: IDataObject): OutcomeItemBody {
	const task = outcomeTaskSchema.parse(outcomeTask(record));
	const deal = callDealSchema.parse(objectsOf(call.deals)[0]);
	return {
		outcome: {
			result: textOrNull(task?.outcome),
			noSaleReason: textOrNull(task?.noSaleReason),
			objection: textOrNull(task?.objection),
			notes: textOrNull(task?.notes),
			dealValue: deal?.value ?? null,
			product: textOrNull(deal?.product?.name),
			deal: deal ? { type: textOrNull(deal.transactionType), value: deal.value ?? null, createdAt: toUtcIso(deal.time) } : null,
			transactions: [],
		},
		call: {
			id: toId(call.id),
			startTime: toUtcIso(call.dateTimeUTC),
			durationMinutes: callMinutes(call),
			eventType: { id: toId(call.eventId), name: textOrNull(call.name) },
			host: { id: toId(call.userId), email: textOrNull(call.email) },
		},
		contact: {
			id: toId(call.contactId),
			firstName: null,
			lastName: null,
			name: textOrNull(call.inviteeName),
			email: textOrNull(call.inviteeEmail),
			phone: textOrNull(call.phoneNumber),
		},
		customFields: {},
	};
}

/** What only the record says about an outcome's call, under `rest` (null when absent). */
export function outcomeRestPart(record: IDataObject): IDataObject {
	return {
		contactName: record.inviteeName ?? null,
		deals: objectsOf(record.deals as unknown[]),
		updatedAt: record.updatedAt ?? null,
	};
}
