import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveBaseUrl } from '../shared/baseUrl';
import { toNodeError } from '../shared/nodeErrors';
import { earlierAddresses, removeEarlierAddresses } from './addressChange';
import { requireApiCredential } from './credential';
import { findTriggerEvent } from './eventNames';
import { manualSteps, webhooksApiUnavailableError } from './manualSetup';
import { unreachableReason, unreachableUrlError } from './reachableUrl';
import { isComplete, planRegistration } from './reconcile';
import type { RegistrationPlan } from './reconcile';
import { removeAllForUrl, removeSubscriptions } from './removeSubscriptions';
import type { StoredSubscription } from './staticData';
import { storeSubscriptionsFor, storedSubscriptionsFor } from './staticData';
import type { Subscription } from './webhookApi';
import { createSubscription, isWebhooksApiUnavailable, listSubscriptions } from './webhookApi';

/**
 * webhookMethods.default of the iClosed Trigger: one iClosed subscription per selected event, never a
 * duplicate (checkExists adopts what an earlier activation left), never half-registered (create rolls
 * back), never an orphan (delete removes whatever iClosed lists for this node's URL, not only what was
 * stored), never left at an old address (subscriptions for the node's earlier URLs are removed at
 * the next activation and at deactivation: addressChange.ts), never registered where iClosed cannot
 * deliver (reachableUrl.ts). n8n calls checkExists on every activation and restart (up to 2.8; 2.40+
 * keeps a published workflow's registration over a restart and calls nothing) and create only when it
 * answered false (n8n 2.8 WebhookService.createWebhookIfNotExists). All of these run on n8n's main
 * process (queue mode too) and are the only writers of the subscriptions in static data: webhook() only
 * reads.
 */

function isManual(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registration', 'automatic') === 'manual';
}

export function selectedEvents(ctx: IHookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [];
	return [...new Set(list)];
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node', {
			description: 'Save the workflow and publish it again (activate it on n8n 1.x). On a self-hosted n8n, check that WEBHOOK_URL is set to its public address.',
		});
	}
	return url;
}

/**
 * Automatic registration with a real iClosed (Production or Development) refuses an address iClosed
 * cannot reach, before any API call. A Custom base URL (the local sandbox) is not refused.
 */
async function refuseUnreachable(ctx: IHookFunctions, url: string): Promise<void> {
	const reason = unreachableReason(url);
	if (reason === undefined) return;
	const credentials = await ctx.getCredentials('iClosedApi');
	if ((credentials.environment ?? 'production') === 'custom') return;
	ctx.logger.debug(`iClosed Trigger refuses ${url} for ${resolveBaseUrl(credentials)}: ${reason}`);
	throw unreachableUrlError(ctx.getNode(), url, reason);
}

/** The account's subscriptions, or undefined when it cannot list them (assumption 6 in webhookApi.ts). */
async function listOrUndefined(ctx: IHookFunctions): Promise<Subscription[] | undefined> {
	try {
		return await listSubscriptions.call(ctx);
	} catch (error) {
		if (!isWebhooksApiUnavailable(error)) throw toNodeError(ctx.getNode(), error, 0);
		ctx.logger.debug(`iClosed Trigger: iClosed cannot list webhooks (${(error as Error).message})`);
		return undefined;
	}
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const events = selectedEvents(this);
	if (isManual(this)) {
		this.logger.info(`iClosed Trigger uses manual registration. ${manualSteps(url, events)}`);
		return true;
	}
	requireApiCredential(this);
	await refuseUnreachable(this, url);
	const data = this.getWorkflowStaticData('node');
	// Subscriptions left at an earlier address of this node: create() removes them.
	if (earlierAddresses(this, data, url).length > 0) return false;
	const stored = storedSubscriptionsFor(data, url);
	const listed = await listOrUndefined(this);
	if (listed === undefined) {
		// Nothing to compare with: trust what this node registered; create() finds out the rest.
		return events.length > 0 && events.every((e) => stored.some((s) => s.event === e)) && stored.every((s) => events.includes(s.event));
	}
	const plan = planRegistration(events, url, listed, stored);
	if (!isComplete(plan) || events.length === 0) return false;
	storeSubscriptionsFor(data, url, plan.adopt);
	return true;
}

function rejectionError(
	ctx: IHookFunctions,
	event: string,
	error: unknown,
	rollback: { removed: StoredSubscription[]; failed: StoredSubscription[] },
): NodeOperationError {
	const label = findTriggerEvent(event)?.label ?? event;
	const cause = toNodeError(ctx.getNode(), error, 0);
	const removed = new Set(rollback.removed.map((s) => s.id)).size;
	const undone =
		rollback.failed.length === 0
			? `Nothing was left registered${removed > 0 ? `: the ${removed} subscription(s) already made for this URL were removed again` : ''}.`
			: `Could not remove subscription(s) ${rollback.failed.map((s) => `${s.id} (${s.event})`).join(', ')}: delete them in iClosed → Settings → Developer → Webhooks.`;
	// n8n's activation dialog shows only the message of a NodeOperationError: the rollback goes in it too.
	return new NodeOperationError(ctx.getNode(), `iClosed refused to register the "${label}" event (${event}): ${cause.message}. ${undone}`, {
		description: `${undone} ${cause.description ?? ''}`.trim(),
	});
}

async function registerMissing(ctx: IHookFunctions, url: string, plan: RegistrationPlan): Promise<StoredSubscription[]> {
	const created: StoredSubscription[] = [];
	for (const event of plan.missing) {
		try {
			const subscription = await createSubscription.call(ctx, url, event);
			const id = subscription.id ?? (await listOrUndefined(ctx))?.find((s) => s.url === url && s.events.includes(event))?.id;
			if (id === undefined) {
				throw new NodeOperationError(ctx.getNode(), 'iClosed answered without an id for the new webhook, and it is not in the list of webhooks', {
					description: 'Publish the workflow again (activate it on n8n 1.x). If this keeps happening, register the webhook by hand and set Registration to Manual.',
				});
			}
			created.push({ url, event, id, ...(subscription.secret ? { secret: subscription.secret } : {}) });
		} catch (error) {
			// Never half-registered: take back everything registered to this URL, adopted ones included.
			const rollback = await removeAllForUrl(ctx, url, [...created, ...plan.adopt]);
			storeSubscriptionsFor(ctx.getWorkflowStaticData('node'), url, rollback.failed);
			if (isWebhooksApiUnavailable(error) && created.length === 0) {
				const events = [...plan.adopt.map((s) => s.event), ...plan.missing];
				throw webhooksApiUnavailableError(ctx.getNode(), url, events, (error as { httpCode?: string }).httpCode);
			}
			throw rejectionError(ctx, event, error, rollback);
		}
	}
	return created;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	if (isManual(this)) return true;
	const url = webhookUrl(this);
	const events = selectedEvents(this);
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No event is selected in the iClosed Trigger', {
			description: 'Open the node, choose at least one event under Events, then publish the workflow again (activate it on n8n 1.x).',
		});
	}
	requireApiCredential(this);
	await refuseUnreachable(this, url);
	const data = this.getWorkflowStaticData('node');
	await removeEarlierAddresses(this, data, url);
	const listed = (await listOrUndefined(this)) ?? [];
	const plan = planRegistration(events, url, listed, storedSubscriptionsFor(data, url));
	// Subscriptions to this URL we no longer need (events deselected, duplicates): iClosed would
	// otherwise keep calling for them. A failure here is logged; the new set is registered regardless.
	const extras = plan.extra.map((s) => ({ url, event: s.events.join(',') || '?', id: s.id }));
	await removeSubscriptions(this, url, extras);
	const created = await registerMissing(this, url, plan);
	storeSubscriptionsFor(data, url, [...plan.adopt, ...created]);
	return true;
}

export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const data = this.getWorkflowStaticData('node');
	const stored = storedSubscriptionsFor(data, url);
	// Manual registration makes no API calls; anything it stored came from an earlier Automatic setup.
	const { failed } = isManual(this) ? await removeSubscriptions(this, url, stored) : await removeAllForUrl(this, url, stored);
	// Forget them either way: a failed id is in the log, and the next activation finds any
	// subscription still registered to this URL in iClosed's list and adopts or removes it.
	storeSubscriptionsFor(data, url, []);
	// Nothing left at any address the node has had (n8n 2.40+ calls no method when the address changes
	// over a restart, so an unpublish may be the first call since).
	if (!isManual(this)) await removeEarlierAddresses(this, data, url);
	const leftOver = earlierAddresses(this, data, url).length > 0;
	return failed.length === 0 && !leftOver;
}
