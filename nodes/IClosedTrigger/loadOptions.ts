import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { iClosedApiRequestAllItems } from '../shared/transport/pagination';

/** Booking pages (iClosed "events", `GET /v1/events`, iclosed-api.md §2.4) for the booking page filter. */
export async function getBookingPages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const events = await iClosedApiRequestAllItems.call(this, { method: 'GET', path: '/v1/events', maxPageSize: 100 });
	return events
		.filter((event) => event.id !== undefined && event.id !== null)
		.map((event) => ({
			name: String(event.name ?? event.linkPrefix ?? event.id),
			value: String(event.id),
			description: typeof event.linkPrefix === 'string' ? event.linkPrefix : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
