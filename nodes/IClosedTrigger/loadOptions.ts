import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listBookingPages } from '../shared/events/bookingPages';
import { hasApiCredential } from './credential';

/**
 * The booking page filter's list (shared/events/bookingPages.ts). It needs the API credential, which
 * Manual registration leaves optional: without one, the dropdown says how to get the list or do
 * without it.
 */
export async function getBookingPages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!hasApiCredential(this)) {
		throw new NodeOperationError(this.getNode(), 'Choose an iClosed API credential to list booking pages', {
			description:
				'The list comes from the iClosed API. Choose an iClosed API credential in this node (optional with Manual registration), or switch Booking Page Names or IDs to an expression and give booking page IDs or link prefixes such as team/strategy-call.',
		});
	}
	return await listBookingPages.call(this);
}
