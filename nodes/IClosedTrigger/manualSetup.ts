import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { WEBHOOKS_PATH } from '../shared/catalogue/webhook';
import { POLLING_PLANS, WEBHOOK_BETA, WEBHOOK_PLANS } from '../shared/plans';
import { findTriggerEvent } from './eventNames';
import { PUBLIC_ADDRESS_ADVICE, unreachableReason } from './reachableUrl';

/**
 * The way round a missing webhook API: the user pastes the workflow's production URL into iClosed
 * (Settings → Developer → Webhooks) and sets the node's Registration to Manual, which makes no API
 * calls. Every working integration registers its URL that way (iclosed-api.md §2.11, §3.5).
 */

/**
 * What iClosed needs before it delivers anything (§3.5), said once: in the node's notice, the manual
 * steps and the activation errors.
 */
export const ICLOSED_WEBHOOK_REQUIREMENTS = `iClosed delivers only to a public HTTPS URL with no redirect in front of it (a redirect loses the POST). This trigger needs ${WEBHOOK_PLANS}, and a Super Admin to set them up; an account may accept only one webhook URL. Without webhooks, use the iClosed Polling Trigger: it works on ${POLLING_PLANS}.`;

/** A warning when iClosed could not deliver to `url`, else ''. */
export function unreachableUrlWarning(url: string): string {
	const reason = unreachableReason(url);
	if (reason === undefined) return '';
	return `Note: iClosed cannot deliver to ${url} (${reason}). ${PUBLIC_ADDRESS_ADVICE}`;
}

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
		`Register the webhook in iClosed by hand: 1) open Settings → Developer → Webhooks (only a Super Admin sees it; if it is missing, ask iClosed support to switch webhooks on: ${WEBHOOK_BETA});`,
		`2) add a webhook with the URL ${production}${testNote} (if iClosed accepts only one URL and another is already there, it has to be replaced);`,
		`3) choose the triggers ${eventLabels(events)};`,
		`4) set this node's "Registration" to "Manual" and publish the workflow again (activate it on n8n 1.x).`,
		unreachableUrlWarning(production),
	]
		.filter((part) => part !== '')
		.join(' ');
}

/**
 * Activation error for an account whose API refuses the webhooks path (404, 403 or 405). The steps and the
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
		`This iClosed account ${reason} webhooks through the API (HTTP ${status ?? '?'} on ${WEBHOOKS_PATH}). ${steps} An account without webhooks can use the iClosed Polling Trigger (${POLLING_PLANS}).`,
		{ description: `${steps} ${ICLOSED_WEBHOOK_REQUIREMENTS}` },
	);
}
