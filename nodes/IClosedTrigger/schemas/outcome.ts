import type { z } from 'zod';

import { anyList, id, lenientObject, number, payloadObject, recordOrList, text } from '../../shared/events/lenient';

/** Outcome deliveries: the one complete vendor sample, iclosed-samples/webhook-outcomeAdded.json (§3.2). */
export const outcomePayloadSchema = payloadObject({
	uuid: id,
	userId: id,
	eventName: text,
	eventId: id,
	eventDuration: number,
	eventDurationUnit: text,
	email: text,
	contactId: id,
	firstName: text,
	lastName: text,
	phoneNumber: text,
	closerEmail: text,
	callOutcome: text,
	noSaleReason: text,
	objection: text,
	startTime: text,
	notes: text,
	dealValue: number,
	productName: text,
	deal: lenientObject({ transactionType: text, createdAt: text, value: number }),
	transaction: anyList,
	contactFields: recordOrList,
	hookType: text,
});

export type OutcomePayload = z.infer<typeof outcomePayloadSchema>;
