import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { iClosedApiRequestAllItems } from '../shared/transport/pagination';
import { hasApiCredential } from './credential';

/**
 * Booking pages (iClosed "events", `GET /v1/events`, iclosed-api.md §2.4) for the booking page filter.
 * The list needs the API credential, which Manual registration leaves optional: without one, the
 * dropdown says how to get the list or do without it.
 */
export async function getBookingPages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!hasApiCredential(this)) {
		throw new NodeOperationError(this.getNode(), 'Choose an iClosed API credential to list booking pages', {
			description:
				'The list comes from the iClosed API. Choose an iClosed API credential in this node (optional with Manual registration), or switch Booking Page Names or IDs to an expression and give booking page IDs or link prefixes such as team/strategy-call.',
		});
	}
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
