import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import type { LocatorKind } from '../catalogue/types';

/**
 * Resource locators: "From list" (searchable, paginated), "By ID", and where iClosed has one, "By URL"
 * (the contact card's `?preview=contact_…`) or "By Slug" (an event's `username/event-name`).
 */

// Mode types as constants: these are locator modes, not parameters (they take no default).
const LIST = 'list' as const;
const TEXT = 'string' as const;

const NUMERIC_ID: INodePropertyMode['validation'] = [
	{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a numeric ID' } },
];

function listMode(method: string, what: string): INodePropertyMode {
	return {
		displayName: 'From List',
		name: 'list',
		type: LIST,
		placeholder: `Select a ${what}...`,
		typeOptions: { searchListMethod: method, searchable: true },
	};
}

function idMode(placeholder: string): INodePropertyMode {
	return { displayName: 'By ID', name: 'id', type: TEXT, placeholder, validation: NUMERIC_ID };
}

/** The contact card URL carries the contact's preview ID: `…?preview=contact_AbC123`. */
export const CONTACT_URL_REGEX = '.*[?&]preview=(contact_[A-Za-z0-9_-]+).*';
/** An event's link prefix: `username/event-name` (§4). */
export const LINK_PREFIX_REGEX = '^\\s*[^\\s/]+/[^\\s/]+\\s*$';

const MODES: Record<LocatorKind, INodePropertyMode[]> = {
	contact: [
		listMode('searchContacts', 'contact'),
		{
			displayName: 'By ID',
			name: 'id',
			type: TEXT,
			placeholder: 'e.g. 4711 or contact_AbC123',
			hint: 'The numeric contact ID, or the contact preview ID (contact_…) from a webhook or the app',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*(\\d+|contact_[A-Za-z0-9_-]+)\\s*$',
						errorMessage: 'Not a numeric contact ID or contact_… preview ID',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: TEXT,
			placeholder: 'e.g. https://app.iclosed.io/app/contacts?preview=contact_AbC123',
			extractValue: { type: 'regex', regex: CONTACT_URL_REGEX },
			validation: [
				{
					type: 'regex',
					properties: { regex: CONTACT_URL_REGEX, errorMessage: 'Not an iClosed contact URL (…?preview=contact_…)' },
				},
			],
		},
	],
	call: [listMode('searchCalls', 'call'), idMode('e.g. 10234')],
	event: [
		listMode('searchEvents', 'event'),
		idMode('e.g. 12'),
		{
			displayName: 'By Slug',
			name: 'linkPrefix',
			type: TEXT,
			placeholder: 'e.g. jane/strategy-call',
			hint: 'The booking page’s link prefix: username/event-name',
			validation: [
				{
					type: 'regex',
					properties: { regex: LINK_PREFIX_REGEX, errorMessage: 'Not a link prefix (username/event-name)' },
				},
			],
		},
	],
	product: [listMode('searchProducts', 'product'), idMode('e.g. 7')],
	transaction: [listMode('searchTransactions', 'transaction'), idMode('e.g. 301')],
	user: [listMode('searchUsers', 'user'), idMode('e.g. 3')],
};

export function locatorProperty(
	kind: LocatorKind,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'required' | 'hint'>,
): INodeProperties {
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: MODES[kind],
	};
}
