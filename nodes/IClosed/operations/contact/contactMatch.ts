import type { IDataObject } from 'n8n-workflow';

/**
 * Which existing contact a Create or Update means, and what an update may carry.
 *
 * `GET /v1/contacts?search=` matches names, emails and phones by substring (§2.1), so a search for
 * `ann@example.com` also finds `joann@example.com`: only an exact, case-insensitive email match
 * counts. iClosed is said to keep one contact per email (POST upserts on it, [3P]); should several
 * match anyway, the oldest (lowest ID) is the one updated, so repeated runs pick the same one.
 */

export function sameEmail(a: unknown, b: unknown): boolean {
	return typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function findContactByEmail(contacts: IDataObject[], email: string): IDataObject | undefined {
	const matches = contacts.filter((c) => sameEmail(c.email, email));
	return matches.sort((a, b) => Number(a.id) - Number(b.id))[0];
}

/**
 * What `PUT /v1/contacts` takes besides `id` (§2.1); everything else only exists on create. `email`
 * is left out on purpose: it found the contact, and resending it would only change its letter case.
 */
export const UPDATABLE_CONTACT_FIELDS = [
	'firstName',
	'lastName',
	'secondary_email',
	'phoneNumber',
	'secondary_phoneNumber',
	'status',
	'referrerUrl',
];

/** A create body split into what an update sends and the names of what it cannot (email aside). */
export function splitForUpdate(body: IDataObject): { update: IDataObject; notUpdated: string[] } {
	const update: IDataObject = {};
	const notUpdated: string[] = [];
	for (const [key, value] of Object.entries(body)) {
		if (key === 'email') continue;
		if (UPDATABLE_CONTACT_FIELDS.includes(key)) update[key] = value;
		else notUpdated.push(key);
	}
	return { update, notUpdated };
}
