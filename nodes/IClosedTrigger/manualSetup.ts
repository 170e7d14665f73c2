import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findTriggerEvent } from './eventNames';

/**
 * The way round a missing webhook API: the user pastes the workflow's production URL into iClosed
 * (Settings → Developer → Webhooks, Super Admin only, webhooks switched on by iClosed support; iclosed-api.md
 * §2.11) and sets the node's Registration to Manual, which makes no API calls.
 */

/**
 * n8n serves the editor's test listener under `/webhook-test/` and active workflows under `/webhook/`
 * (its default endpoint names). The production URL is the one to paste into iClosed.
 */
export function productionUrlOf(url: string): string {
	return url.replace('/webhook-test/', '/webhook/');
}

function eventLabels(events: string[]): string {
	const labels = events.map((event) => findTriggerEvent(event)?.label ?? event);
	return labels.length > 0 ? labels.join(', ') : 'the events you need';
}

/** Step-by-step text for registering `url` by hand in iClosed. */
export function manualSteps(url: string, events: string[]): string {
	const production = productionUrlOf(url);
	const testNote =
		production === url ? '' : ` (This is the production URL; while testing in the editor, iClosed would have to call ${url} instead.)`;
	return [
		`Register the webhook in iClosed by hand: 1) open Settings → Developer → Webhooks (only a Super Admin sees it; if it is missing, ask iClosed support to enable webhooks for your account);`,
		`2) add a webhook with the URL ${production}${testNote};`,
		`3) choose the triggers ${eventLabels(events)};`,
		`4) set this node's "Registration" to "Manual" and activate the workflow again.`,
	].join(' ');
}

/**
 * Activation error for an account whose API refuses `/v1/webhooks` (404, 403 or 405). The steps and the
 * URL are in the message itself: n8n's activation dialog shows only the message of a NodeOperationError
 * (n8n 2.8 WorkflowService._addToActiveWorkflowManager).
 */
export function webhooksApiUnavailableError(
	node: INode,
	url: string,
	events: string[],
	status: string | number | undefined,
): NodeOperationError {
	const reason = String(status) === '403' ? 'is not allowed to manage' : 'cannot manage';
	const steps = manualSteps(url, events);
	return new NodeOperationError(
		node,
		`This iClosed account ${reason} webhooks through the API (HTTP ${status ?? '?'} on /v1/webhooks). ${steps}`,
		{ description: steps },
	);
}
