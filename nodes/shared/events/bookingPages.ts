import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { declarationOf, readList } from '../declaredRequest';

/**
 * The booking pages (iClosed "events", Event → Get Many in the catalogue, iclosed-api.md §2.4) as the
 * options of Filters → Booking Page Names or IDs: named by page, valued by id, the link prefix beside.
 * Both triggers offer this list under the method name the Filters parameter asks for.
 */
export const BOOKING_PAGES_METHOD = 'getBookingPages';

export async function listBookingPages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const events = await readList(this, declarationOf('event', 'getMany'));
	return events
		.filter((event) => event.id !== undefined && event.id !== null)
		.map((event) => ({
			name: String(event.name ?? event.linkPrefix ?? event.id),
			value: String(event.id),
			description: typeof event.linkPrefix === 'string' ? event.linkPrefix : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
