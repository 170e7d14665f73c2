import type { OutcomePayload } from '../schemas/outcome';
import { customFieldsOf } from '../../shared/events/customFields';
import { toUtcIso } from '../../shared/events/time';
import { fullName, textOrNull, toId, toMinutes } from '../../shared/events/values';
import type { OutcomeItemBody } from '../../shared/events/items';

/**
 * An outcome delivery in plain words (iclosed-api.md §3.2, iclosed-samples/webhook-outcomeAdded.json):
 * the result as iClosed sends it (`SALE` where the API says WON, §6.20), the no-sale reason,
 * objection, notes, the deal's value and product, and the call and contact it belongs to.
 */
export function simplifyOutcome(payload: OutcomePayload): OutcomeItemBody {
	const deal = payload.deal;
	return {
		outcome: {
			result: textOrNull(payload.callOutcome),
			noSaleReason: textOrNull(payload.noSaleReason),
			objection: textOrNull(payload.objection),
			notes: textOrNull(payload.notes),
			dealValue: payload.dealValue ?? deal?.value ?? null,
			product: textOrNull(payload.productName),
			deal: deal
				? { type: textOrNull(deal.transactionType), value: deal.value ?? null, createdAt: toUtcIso(deal.createdAt) }
				: null,
			transactions: payload.transaction ?? [],
		},
		call: {
			id: toId(payload.uuid),
			startTime: toUtcIso(payload.startTime),
			durationMinutes: toMinutes(payload.eventDuration, payload.eventDurationUnit),
			eventType: { id: toId(payload.eventId), name: textOrNull(payload.eventName) },
			host: { id: toId(payload.userId), email: textOrNull(payload.closerEmail) },
		},
		contact: {
			id: toId(payload.contactId),
			firstName: textOrNull(payload.firstName),
			lastName: textOrNull(payload.lastName),
			name: fullName(payload.firstName, payload.lastName),
			email: textOrNull(payload.email),
			phone: textOrNull(payload.phoneNumber),
		},
		customFields: customFieldsOf(payload.contactFields),
	};
}
