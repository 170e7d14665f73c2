import type { IExecuteFunctions } from 'n8n-workflow';

import { IClosedInputError } from '../../shared/inputError';
import { declarationOf, listOf, readListPage } from '../../shared/declaredRequest';
import { toInteger } from '../wire/values';
import type { LocatorKindModule, LocatorValue } from './locator';
import { TEXT_MODE, fullName, listMode, searchDeclaredList } from './locator';

/**
 * Contacts: From list, By ID (numeric or a `contact_…` preview ID from a webhook or the app) and By
 * URL (the contact card's `?preview=contact_…`).
 */

/** The contact card URL carries the contact's preview ID: `…?preview=contact_AbC123`. */
const CONTACT_URL_REGEX = '.*[?&]preview=(contact_[A-Za-z0-9_-]+).*';
const PREVIEW_ID = /^contact_[A-Za-z0-9_-]+$/;
/** How many pages of contacts are scanned for a preview ID before giving up. */
const CONTACT_SCAN_PAGES = 50;

function previewIdOf(locator: LocatorValue): string | undefined {
	if (PREVIEW_ID.test(locator.value)) return locator.value;
	const match = new RegExp(CONTACT_URL_REGEX).exec(locator.value);
	return match?.[1];
}

/**
 * iClosed has no "contact by preview ID" endpoint. Call → Get Many's `previewId` filter is observed to
 * work (§2.2, undocumented) for contacts with a call; otherwise the contact list is scanned for the
 * `previewId` every contact record carries.
 */
async function contactIdByPreviewId(ctx: IExecuteFunctions, previewId: string, itemIndex: number): Promise<number> {
	const calls = await readListPage(ctx, declarationOf('call', 'getMany'), { query: { previewId, limit: 1 }, itemIndex });
	if (calls[0]?.contactId !== undefined) return toInteger(calls[0].contactId, 'Contact');
	const contactList = declarationOf('contact', 'getMany');
	const pageSize = listOf(contactList).maxPageSize;
	for (let page = 0; page < CONTACT_SCAN_PAGES; page++) {
		const contacts = await readListPage(ctx, contactList, { query: { page, limit: pageSize }, itemIndex });
		const found = contacts.find((c) => c.previewId === previewId);
		if (found) return toInteger(found.id, 'Contact');
		if (contacts.length < pageSize) break;
	}
	throw new IClosedInputError(
		`No iClosed contact has the preview ID ${previewId}`,
		'Check that the contact exists in this iClosed account and environment, or pick it from the list.',
	);
}

const SEARCH_METHOD = 'searchContacts';

export const contactLocator: LocatorKindModule = {
	searchMethod: SEARCH_METHOD,
	modes: [
		listMode(SEARCH_METHOD, 'contact'),
		{
			displayName: 'By ID',
			name: 'id',
			type: TEXT_MODE,
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
			type: TEXT_MODE,
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
	async search(filter, token) {
		return await searchDeclaredList(this, declarationOf('contact', 'getMany'), (c) => ({
			name: [fullName(c), c.email ?? c.phoneNumber].filter(Boolean).join(' · ') || `Contact ${c.id}`,
			value: String(c.id),
		}), filter, token);
	},
	async resolve(ctx, field, locator, itemIndex) {
		const previewId = previewIdOf(locator);
		const id = previewId ? await contactIdByPreviewId(ctx, previewId, itemIndex) : toInteger(locator.value, 'Contact');
		return [[field.apiName ?? field.name, id]];
	},
};
