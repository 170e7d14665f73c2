import type { IHookFunctions } from 'n8n-workflow';

import type { StoredSubscription } from './staticData';
import { deleteSubscription, isNotFound } from './webhookApi';

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
