/**
 * iClosed's events and every name iClosed uses for each (iclosed-api.md §2.11, §3.1): the event list of
 * the event model, which both triggers emit under these values and labels, and which the action node's
 * Webhook resource offers. Data only: the catalogue imports it.
 *
 * iClosed names one event four ways: the dotted names of its API page (`call.booked`), the legacy
 * trigger ids of its list page (`newCallScheduled`), the ids on each event's own page (`callBooked`)
 * and the human `hookType` in deliveries ("Call booked"), which is spelled differently by the docs and
 * by real receivers ("Call canceled" / "Call cancelled", "Outcome added" / "Call outcome added").
 */
export interface IClosedWebhookEvent {
	/** The value stored in the `events` parameter and emitted as `event`. */
	value: string;
	label: string;
	/** false: listed on iClosed's API page, but no payload is documented (§2.11 FAQ list). */
	documented: boolean;
	family: 'call' | 'contact' | 'outcome' | 'other';
	/** Other spellings of this event (legacy ids, hookType strings), any case or punctuation. */
	aliases: string[];
	/** What a user must know about when it fires, shown with the event in the trigger's Events list. */
	note?: string;
}

/**
 * iClosed's help centre: "Contact created … will fire immediately every time per lead journey on the form"
 * (Potential 1, Potential 2, Qualified, Disqualified; iclosed-api.md §3.5).
 */
export const CONTACT_CREATED_NOTE =
	'Fires once per form step of a lead (Potential 1, Potential 2, Qualified, Disqualified): the step is in contact.status. To keep one step, set Filters → Contact Statuses.';

export const ICLOSED_WEBHOOK_EVENTS: IClosedWebhookEvent[] = [
	{ value: 'call.booked', label: 'Call Booked', documented: true, family: 'call', aliases: ['Call booked', 'callBooked', 'newCallScheduled', 'Call scheduled'] },
	{ value: 'call.cancelled', label: 'Call Cancelled', documented: true, family: 'call', aliases: ['Call canceled', 'Call cancelled', 'callCancelled', 'callCanceled'] },
	{ value: 'call.rescheduled', label: 'Call Rescheduled', documented: true, family: 'call', aliases: ['Call rescheduled', 'callRescheduled'] },
	{ value: 'call.outcome_added', label: 'Call Outcome Added', documented: true, family: 'outcome', aliases: ['Outcome added', 'Call outcome added', 'outcomeAdded', 'callOutcome', 'Call outcome'] },
	{ value: 'contact.created', label: 'Contact Created', documented: true, family: 'contact', aliases: ['Contact created', 'newContactCreated', 'contactCreated'], note: CONTACT_CREATED_NOTE },
	{ value: 'contact.updated', label: 'Contact Updated', documented: true, family: 'contact', aliases: ['Contact updated', 'contactUpdated', 'contactDetailChanged', 'contactDetailsChanged'] },
	{ value: 'contact.status_changed', label: 'Contact Status Changed', documented: false, family: 'contact', aliases: ['contactByStatus', 'Contact by status'] },
	{ value: 'call.completed', label: 'Call Completed', documented: false, family: 'call', aliases: ['callCompleted'] },
	{ value: 'outcome.recorded', label: 'Outcome Recorded', documented: false, family: 'outcome', aliases: ['outcomeRecorded'] },
	{ value: 'deal.created', label: 'Deal Created', documented: false, family: 'other', aliases: ['dealCreated'] },
	{ value: 'deal.updated', label: 'Deal Updated', documented: false, family: 'other', aliases: ['dealUpdated'] },
	{ value: 'transaction.created', label: 'Transaction Created', documented: false, family: 'other', aliases: ['transactionCreated', 'transactionSynced', 'Transaction synced'] },
	{ value: 'transaction.updated', label: 'Transaction Updated', documented: false, family: 'other', aliases: ['transactionUpdated'] },
];

export function findEvent(value: string): IClosedWebhookEvent | undefined {
	return ICLOSED_WEBHOOK_EVENTS.find((event) => event.value === value);
}

/** The payload family of an event value (`other` for a value not in the list). */
export function familyOf(value: string): IClosedWebhookEvent['family'] {
	return findEvent(value)?.family ?? 'other';
}
