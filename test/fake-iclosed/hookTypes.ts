// How each event is named in a delivery's `hookType`, per naming scheme (§3.1) (test code, never shipped).
import type { HookNaming } from './types';

type Names = Record<Exclude<HookNaming, 'dotted'>, string>;

/** docs = vendor examples, receivers = what real receivers check, legacy = list-page ids, legacyPage = per-page ids. */
export const HOOK_TYPES: Record<string, Names> = {
	'call.booked': {
		docs: 'Call booked',
		receivers: 'Call booked',
		legacy: 'newCallScheduled',
		legacyPage: 'callBooked',
	},
	'call.cancelled': {
		docs: 'Call canceled',
		receivers: 'Call cancelled',
		legacy: 'callCancelled',
		legacyPage: 'callCancelled',
	},
	'call.rescheduled': {
		docs: 'Call rescheduled',
		receivers: 'Call rescheduled',
		legacy: 'callRescheduled',
		legacyPage: 'callRescheduled',
	},
	'call.outcome_added': {
		docs: 'Outcome added',
		receivers: 'Call outcome added',
		legacy: 'callOutcome',
		legacyPage: 'outcomeAdded',
	},
	'contact.created': {
		docs: 'Contact created',
		receivers: 'Contact created',
		legacy: 'newContactCreated',
		legacyPage: 'newContactCreated',
	},
	'contact.updated': {
		docs: 'Contact updated',
		receivers: 'Contact updated',
		legacy: 'contactDetailChanged',
		legacyPage: 'contactUpdated',
	},
	'contact.status_changed': {
		docs: 'Contact status changed',
		receivers: 'Contact status changed',
		legacy: 'contactByStatus',
		legacyPage: 'contactByStatus',
	},
	'call.completed': {
		docs: 'Call completed',
		receivers: 'Call completed',
		legacy: 'callCompleted',
		legacyPage: 'callCompleted',
	},
	'outcome.recorded': {
		docs: 'Outcome added',
		receivers: 'Call outcome added',
		legacy: 'callOutcome',
		legacyPage: 'outcomeAdded',
	},
	'transaction.created': {
		docs: 'Transaction synced',
		receivers: 'Transaction created',
		legacy: 'transactionSynced',
		legacyPage: 'transactionSynced',
	},
	// Named only in iClosed's FAQ list (§2.11); no payload or hookType documented: the obvious spellings.
	'deal.created': { docs: 'Deal created', receivers: 'Deal created', legacy: 'dealCreated', legacyPage: 'dealCreated' },
	'deal.updated': { docs: 'Deal updated', receivers: 'Deal updated', legacy: 'dealUpdated', legacyPage: 'dealUpdated' },
	'transaction.updated': {
		docs: 'Transaction updated',
		receivers: 'Transaction updated',
		legacy: 'transactionUpdated',
		legacyPage: 'transactionUpdated',
	},
};

/**
 * The events the sandbox sends (`npm run sandbox:event`, the prompt of `npm start`, POST /sandbox/events):
 * every event iClosed names (§3.1, §2.11), in one list.
 */
export const SANDBOX_EVENTS: string[] = Object.keys(HOOK_TYPES).sort();

/** `hookType` for an event name; unknown names get "Deal created" / `dealCreated` style spellings. */
export function hookTypeFor(event: string, naming: HookNaming = 'docs'): string {
	if (naming === 'dotted') return event;
	const known = HOOK_TYPES[event];
	if (known) return known[naming];
	const words = event.split(/[._\s-]+/).filter(Boolean);
	if (naming === 'legacy' || naming === 'legacyPage') {
		return words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join('');
	}
	const sentence = words.join(' ');
	return sentence[0].toUpperCase() + sentence.slice(1);
}
