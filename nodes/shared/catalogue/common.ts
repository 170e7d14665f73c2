import type { FieldDeclaration, OptionDeclaration } from './types';

/**
 * Field declarations several resources share, so a parameter means the same everywhere (and keeps its
 * value when the user switches operation).
 */

export function contactLocator(description: string, overrides: Partial<FieldDeclaration> = {}): FieldDeclaration {
	return {
		name: 'contactId',
		displayName: 'Contact',
		kind: 'locator',
		locator: 'contact',
		required: true,
		description: `${description}. Numeric contact ID (from Contact → Get Many or Create) or a contact_… preview ID.`,
		...overrides,
	};
}

export function callLocator(description: string, overrides: Partial<FieldDeclaration> = {}): FieldDeclaration {
	return {
		name: 'callId',
		apiName: 'id',
		displayName: 'Call',
		kind: 'locator',
		locator: 'call',
		required: true,
		description: `${description}. Numeric call ID from Call → Get Many or Book.`,
		...overrides,
	};
}

export function eventLocator(
	description: string,
	eventWire: FieldDeclaration['eventWire'],
	overrides: Partial<FieldDeclaration> = {},
): FieldDeclaration {
	return {
		name: 'eventId',
		displayName: 'Event',
		kind: 'locator',
		locator: 'event',
		eventWire,
		required: true,
		description: `${description}. An event (booking page) by numeric ID from Event → Get Many, or by link prefix (username/event-name).`,
		...overrides,
	};
}

export function userLocator(description: string, overrides: Partial<FieldDeclaration> = {}): FieldDeclaration {
	return {
		name: 'userId',
		displayName: 'User',
		kind: 'locator',
		locator: 'user',
		required: true,
		description: `${description}. Numeric user ID from User → Get Many.`,
		...overrides,
	};
}

/** An iClosed column name as a Title Case option name: `createdAt` → "Created At", `id` → "ID". */
function columnLabel(column: string): string {
	if (column === 'id') return 'ID';
	const words = column.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
	return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

export function orderFields(columns: string[]): FieldDeclaration[] {
	return [
		{
			name: 'orderColumn',
			displayName: 'Order By Field',
			kind: 'options',
			options: columns.map((c) => ({ name: columnLabel(c), value: c })),
			description: 'The field to sort by (set Order Direction as well)',
		},
		{
			name: 'orderBy',
			displayName: 'Order Direction',
			kind: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			description: 'Sort direction (set Order By Field as well)',
		},
	];
}

export const ORDER_TOGETHER = [['orderColumn', 'orderBy']];

export const searchField = (what: string): FieldDeclaration => ({
	name: 'search',
	displayName: 'Search',
	kind: 'string',
	description: `Case-insensitive text matched against ${what}`,
});

export const CONTACT_STATUSES: OptionDeclaration[] = [
	{ name: 'Disqualified', value: 'DISQUALIFIED' },
	{ name: 'Potential', value: 'POTENTIAL' },
	{ name: 'Qualified', value: 'QUALIFIED' },
];

export const TRANSACTION_TYPES: OptionDeclaration[] = [
	{ name: 'Deposit', value: 'DEPOSIT' },
	{ name: 'Recurring', value: 'RECURRING' },
	{ name: 'Won', value: 'WON' },
];

export const NO_SALE_REASONS: OptionDeclaration[] = [
	{ name: 'Admin Cancelled', value: 'ADMIN_CANCELLED' },
	{ name: 'Bad Fit', value: 'BAD_FIT' },
	{ name: 'Contact Cancelled', value: 'CONTACT_CANCELLED' },
	{ name: 'Follow-Up Scheduled', value: 'FOLLOW_UP_SCHEDULE' },
	{ name: 'No Show', value: 'NO_SHOW' },
	{ name: 'Not Interested', value: 'NOT_INTERESTED' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'Unqualified', value: 'UNQUALIFIED' },
];

export const CALL_TYPES: OptionDeclaration[] = [
	{ name: 'Discovery Event', value: 'DISCOVERY_EVENT' },
	{ name: 'Strategy Event', value: 'STRATEGY_EVENT' },
];

export const TIME_ZONE_FIELD: FieldDeclaration = {
	name: 'timeZone',
	displayName: 'Time Zone',
	kind: 'timeZone',
	placeholder: 'e.g. America/New_York',
	description: 'IANA time zone name',
};
