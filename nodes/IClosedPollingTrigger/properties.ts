import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { findEvent } from '../shared/events/eventList';
import { FILTERS_PROPERTY } from '../shared/events/filtersProperty';
import { POLLING_PLANS, WEBHOOKS_SWITCHED_ON } from '../shared/plans';
import { POLL_EVENTS } from './sources';

/**
 * The polling trigger's parameters. `events`, `simplify` and `filters` have the webhook trigger's
 * names and values, so a workflow switches triggers without changing anything downstream.
 * Public names: final once released (VERSIONING.md).
 */
function eventOptions(): INodePropertyOptions[] {
	return POLL_EVENTS.map((value) => {
		const label = findEvent(value)?.label ?? value;
		// `action` names the entry in n8n's nodes panel, beside the iClosed Trigger's entries of the same event.
		return { name: label, value, action: `On ${label.toLowerCase()} · polled, ${POLLING_PLANS}`, description: `Emitted as "${value}", like the iClosed Trigger` };
	}).sort((a, b) => a.name.localeCompare(b.name));
}

/** What the canvas shows under a Polling Trigger whose Events is empty. */
export const CHOOSE_EVENTS = 'Choose at least one event under Events';

export const pollingProperties: INodeProperties[] = [
	{
		displayName: `Works on ${POLLING_PLANS}: it asks iClosed for changes at the Poll Times below (one request per event when nothing changed). With ${WEBHOOKS_SWITCHED_ON} for your account, the iClosed Trigger is faster.`,
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		// Not `required`: n8n 2.x refuses to publish a node with an empty required parameter saying only
		// "Missing or invalid required parameters (1 issue)". Without it, publishing runs the first poll,
		// whose error names the field, and the canvas subtitle says CHOOSE_EVENTS meanwhile.
		default: [],
		options: eventOptions(),
		description: 'The changes in iClosed that start this workflow. Choose at least one.',
	},
	{
		displayName: 'Status Names or IDs',
		name: 'statuses',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getContactStages' },
		default: [],
		displayOptions: { show: { events: ['contact.status_changed'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Contact Status Changed fires only when a contact changes to one of these statuses (any status when empty), like iClosed\'s "Contact by status"',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the same clean item as the iClosed Trigger instead of the record exactly as the API returns it',
	},
	// The Filters of the event model, one definition for both triggers (same names and values).
	{
		...FILTERS_PROPERTY,
		description: 'Applied by iClosed where its API can, otherwise to each record read',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'Also deliver what changed since this date, once, when the workflow is published (a deliberate backfill). Empty: start from the moment it is published (activated on n8n 1.x), with no history.',
			},
		],
	},
];
