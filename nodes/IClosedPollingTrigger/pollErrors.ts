import type { IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { declareFailure } from '../shared/transport/failure';
import type { PollSource } from './sources';

const KEPT =
	'Nothing was lost: this event reads again from where its last successful poll stopped; the other events go on.';

/**
 * An event's error as it leaves the node: the event named, and what the user can count on. The error is
 * changed in place, so what the transport declared on it (n8n's `failure`, from the answer) stays.
 */
export function eventError(
	ctx: IPollFunctions,
	error: unknown,
	event: string,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (!error.message.startsWith(`${event}: `)) error.message = `${event}: ${error.message}`;
		if (!String(error.description ?? '').includes(KEPT))
			error.description = [error.description, KEPT].filter(Boolean).join(' ');
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), `${event}: ${message}`, { description: KEPT });
}

/** The list this event reads has no value in the column its changes are found by: say so, every poll. */
export function cannotSee(ctx: IPollFunctions, source: PollSource): NodeOperationError {
	// Proven by the answer: nothing will change until the node's configuration (its events) does.
	return declareFailure(
		new NodeOperationError(
			ctx.getNode(),
			`${source.event}: iClosed's list ${source.list.path} gives its records no ${source.column}, so this event cannot be read by polling`,
			{
				description: `The iClosed Polling Trigger finds ${source.event} changes by ${source.column} and reports nothing it cannot see. Remove this event from the node, or use the iClosed Trigger (webhooks) for it; the other events go on. Please tell us in an issue (this contradicts what iClosed's documentation says).`,
			},
		),
		{ cause: 'configuration-invalid' },
	);
}

/** One error for n8n when several events failed in one poll: the first, naming the others. */
export function combineErrors(errors: Error[]): Error {
	const [first, ...rest] = errors;
	if (rest.length === 0) return first;
	const others = rest.map((e) => e.message).join('; ');
	const withDescription = first as Error & { description?: string | null };
	withDescription.description = [withDescription.description, `Also failing: ${others}.`]
		.filter(Boolean)
		.join(' ');
	return first;
}
