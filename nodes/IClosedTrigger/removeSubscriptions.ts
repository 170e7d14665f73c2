import type { IHookFunctions } from 'n8n-workflow';

import type { StoredSubscription } from './staticData';
import { deleteSubscription, isNotFound, isWebhooksApiUnavailable, listSubscriptions } from './webhookApi';

export interface RemovalResult {
	removed: StoredSubscription[];
	failed: StoredSubscription[];
}

/**
 * Deletes subscriptions one by one and reports each outcome. A 404 counts as removed (someone deleted
 * it in iClosed already); any other failure is logged with the id to delete by hand, and the rest are
 * still attempted. Subscriptions covering several events share an id and are deleted once.
 */
export async function removeSubscriptions(
	ctx: IHookFunctions,
	url: string,
	entries: StoredSubscription[],
): Promise<RemovalResult> {
	const removed: StoredSubscription[] = [];
	const failed: StoredSubscription[] = [];
	const byId = new Map<string, StoredSubscription[]>();
	for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);

	for (const [id, group] of byId) {
		try {
			await deleteSubscription.call(ctx, id);
			removed.push(...group);
		} catch (error) {
			if (isNotFound(error)) {
				removed.push(...group);
				continue;
			}
			failed.push(...group);
			const events = group.map((entry) => entry.event).join(', ');
			ctx.logger.error(
				`iClosed Trigger could not remove webhook subscription ${id} (${events}) for ${url}: ${(error as Error).message}. Delete it in iClosed → Settings → Developer → Webhooks.`,
				{ subscriptionId: id, url },
			);
		}
	}
	return { removed, failed };
}

/**
 * Removes every subscription to `url`: the `known` ones (stored by this node) and every one iClosed
 * lists for that URL now. The list is what counts: stored ids can be stale (static data is
 * last-writer-wins in n8n, and a registration whose answer was lost may still have been saved, since
 * POSTs are not idempotent). Only exactly this URL is touched: it holds the workflow's webhook id and
 * node, so other workflows and the test URL are never affected. When iClosed cannot list, the known
 * ones are removed and the reason is logged.
 */
export async function removeAllForUrl(ctx: IHookFunctions, url: string, known: StoredSubscription[]): Promise<RemovalResult> {
	const knownIds = new Set(known.map((entry) => entry.id));
	let listed: StoredSubscription[] = [];
	try {
		listed = (await listSubscriptions.call(ctx))
			.filter((s) => s.url === url && !knownIds.has(s.id))
			.map((s) => ({ url, event: s.events.join(', ') || '?', id: s.id }));
	} catch (error) {
		const level = isWebhooksApiUnavailable(error) ? 'debug' : 'warn';
		ctx.logger[level](`iClosed Trigger could not list webhooks to remove those for ${url}; removing the ones it stored: ${(error as Error).message}`);
	}
	return await removeSubscriptions(ctx, url, [...known, ...listed]);
}
