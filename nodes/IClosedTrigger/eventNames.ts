import type { INodePropertyOptions } from 'n8n-workflow';

import type { IClosedWebhookEvent } from '../shared/events/eventList';
import { WEBHOOKS_SWITCHED_ON } from '../shared/plans';
import { ICLOSED_WEBHOOK_EVENTS } from '../shared/events/eventList';

/**
 * Recognising iClosed's event names; the list and its spellings are in nodes/shared/events/eventList.ts
 * (§2.11, §3.1). Names are compared after lower-casing and dropping everything but letters and digits,
 * so "Call cancelled", "callCancelled" and "call.cancelled" are one key.
 */
export type TriggerEvent = IClosedWebhookEvent;
export const TRIGGER_EVENTS: TriggerEvent[] = ICLOSED_WEBHOOK_EVENTS;

/**
 * Events that iClosed may announce under one name while users subscribe under another: the API page
 * calls outcomes both `call.outcome_added` and `outcome.recorded` (§2.11), and deliveries only say
 * "Outcome added". A delivery resolves to the first of these that the user selected.
 */
const SAME_EVENT: Record<string, string[]> = {
	'call.outcome_added': ['call.outcome_added', 'outcome.recorded'],
	'outcome.recorded': ['outcome.recorded', 'call.outcome_added'],
};

export function nameKey(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, TriggerEvent>();
for (const event of TRIGGER_EVENTS) {
	for (const name of [event.value, ...event.aliases]) BY_KEY.set(nameKey(name), event);
}

export function findTriggerEvent(value: string): TriggerEvent | undefined {
	return TRIGGER_EVENTS.find((event) => event.value === value);
}

/** The event any iClosed spelling refers to, or undefined for a name we do not know. */
export function resolveEventName(name: unknown): TriggerEvent | undefined {
	if (typeof name !== 'string' || name.trim() === '') return undefined;
	return BY_KEY.get(nameKey(name));
}

/**
 * Which selected event a delivery named `name` belongs to, or undefined when it is unknown or not
 * selected (an unselected event is acknowledged and starts nothing).
 */
export function matchSelectedEvent(name: string | undefined, selected: string[]): string | undefined {
	const event = name === undefined ? undefined : resolveEventName(name);
	if (!event) return undefined;
	const candidates = SAME_EVENT[event.value] ?? [event.value];
	return candidates.find((candidate) => selected.includes(candidate));
}

/**
 * The Events options, each group alphabetical (n8n's UX guidelines). n8n's nodes panel turns every option
 * of the first "Events" parameter into a trigger entry named by its `action`, so the entry says what the
 * event needs; only the documented events get one (the unconfirmed ones are behind Show Unconfirmed Events).
 */
export function eventOptions(which: 'documented' | 'all'): INodePropertyOptions[] {
	const byLabel = (a: TriggerEvent, b: TriggerEvent) => a.label.localeCompare(b.label);
	const documented = TRIGGER_EVENTS.filter((event) => event.documented).sort(byLabel);
	const unconfirmed = which === 'all' ? TRIGGER_EVENTS.filter((event) => !event.documented).sort(byLabel) : [];
	return [...documented, ...unconfirmed].map((event) => ({
		name: event.documented ? event.label : `Unconfirmed: ${event.label}`,
		value: event.value,
		action: `On ${event.label.toLowerCase()} · needs ${WEBHOOKS_SWITCHED_ON}`,
		description: event.documented
			? `iClosed's "${event.aliases[0]}" webhook${event.note ? `. ${event.note}` : ''}`
			: 'Listed by iClosed, but never seen sent and without a documented payload: delivered as iClosed sends it, if ever',
	}));
}

/**
 * Where a delivery names its event: `hookType` in every documented payload (§3.2); a string `event`,
 * `type` or `trigger` is accepted for payloads that follow the dotted-name scheme instead. The first
 * field holding a name we know wins; otherwise the first string found is reported as unknown.
 */
const NAME_FIELDS = ['hookType', 'hook_type', 'event', 'type', 'trigger'];

export function eventNameOf(payload: Record<string, unknown>): string | undefined {
	const names = NAME_FIELDS.map((field) => payload[field]).filter(
		(value): value is string => typeof value === 'string' && value.trim() !== '',
	);
	return names.find((name) => resolveEventName(name) !== undefined) ?? names[0];
}
