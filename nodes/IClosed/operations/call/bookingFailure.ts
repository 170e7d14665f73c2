import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toNodeError } from '../../../shared/nodeErrors';
import { requestOutcomeOf } from '../../../shared/transport/request';

/**
 * What a failed booking means for the invitee, said first. `POST /v1/eventCalls` is not idempotent
 * (§4) and is never repeated by the transport; after a 5xx or a broken connection the call may exist,
 * and running the workflow again could book it twice.
 */


export const NOT_BOOKED = 'The call was not booked';
export const MAYBE_BOOKED = 'The call may or may not have been booked';

const CHECK_FIRST =
	'iClosed may have saved the booking before the failure. Look for the call in iClosed (or with Call → Get Many, searching the invitee’s email) before running this again, or the invitee may be booked twice. This node never repeats a booking by itself.';

/** Certainly not booked (a 4xx answer, or nothing sent) or unknown (5xx, connection lost). */
export function bookingOutcome(error: NodeApiError): 'not booked' | 'unknown' {
	const outcome = requestOutcomeOf(error);
	return outcome === 'rejected' || outcome === 'not sent' ? 'not booked' : 'unknown';
}

/** The error of a failed booking request, its message led by what happened to the booking. */
export function explainBookingFailure(node: INode, error: unknown, itemIndex: number): Error {
	const nodeError = toNodeError(node, error, itemIndex);
	if (!(nodeError instanceof NodeApiError)) return nodeError;
	if (bookingOutcome(nodeError) === 'not booked') {
		nodeError.message = `${NOT_BOOKED}. ${nodeError.message}`;
	} else {
		nodeError.message = `${MAYBE_BOOKED}. ${nodeError.message}`;
		nodeError.description = CHECK_FIRST;
	}
	return nodeError;
}
