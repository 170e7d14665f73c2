import type { INodeProperties } from 'n8n-workflow';

import { BOOKING_PAGES_METHOD } from './bookingPages';

/**
 * The Filters parameter of both triggers: one definition, so its name, options and values are the same in
 * either node (a workflow switches triggers without touching it). What each filter means: filters.ts.
 * Public names: final once released (VERSIONING.md).
 */
export const FILTERS_PROPERTY: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'A filter applies only to events that carry its value (outcomes do not say the call type, calls have no contact status)',
	options: [
		{
			displayName: 'Booking Page Names or IDs',
			name: 'bookingPages',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: BOOKING_PAGES_METHOD },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Only events about these booking pages (iClosed "events"). An expression may also give link prefixes such as team/strategy-call.',
		},
		{
			displayName: 'Contact Statuses',
			name: 'contactStatuses',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'Disqualified', value: 'DISQUALIFIED' },
				{ name: 'Potential', value: 'POTENTIAL' },
				{ name: 'Qualified', value: 'QUALIFIED' },
			],
			description:
				'Only contact events about a contact in these statuses. Contact Created arrives once per form step (Potential 1 and 2, Qualified, Disqualified): Qualified keeps one per qualified lead.',
		},
		{
			displayName: 'Call Types',
			name: 'callTypes',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'Discovery', value: 'DISCOVERY_EVENT' },
				{ name: 'Strategy', value: 'STRATEGY_EVENT' },
			],
			description: 'Only events about calls of these types',
		},
		{
			displayName: 'Outcomes',
			name: 'outcomes',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'Approved', value: 'APPROVED' },
				{ name: 'No Sale', value: 'NO_SALE' },
				{ name: 'Rejected', value: 'REJECTED' },
				{ name: 'Won (Sale)', value: 'WON' },
			],
			description: 'Only outcome events with these results',
		},
	],
};
