import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { removeAllForUrl } from './removeSubscriptions';
import { otherStoredUrls, storeSubscriptionsFor, storedSubscriptionsFor } from './staticData';

/**
 * When n8n's public address changes (a new domain, a tunnel, WEBHOOK_URL set after the first publish, a
 * new proxy), the node's webhook URL changes with it, and iClosed would keep posting to the old one: to a
 * dead URL, or to one someone else owns by now. The node finds its earlier addresses in its own static
 * data (every stored subscription carries its URL) and removes, for each, what it registered and what
 * iClosed lists for exactly that URL. It never touches another URL: another workflow's, another n8n's,
 * or this node's own test URL.
 *
 * Only outside the editor's test listener: that one runs on a copy of the static data with the test URL
 * (staticData.ts), where the production URL is not an "earlier address" but the live one.
 */
/** The scheme, host and port of a URL, for the log (the rest holds the webhook's unguessable id). */
function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return 'an unreadable address';
	}
}

export function earlierAddresses(ctx: IHookFunctions, data: IDataObject, url: string): string[] {
	return ctx.getMode() === 'manual' ? [] : otherStoredUrls(data, url);
}

/**
 * Removes the subscriptions of every earlier address. Those that could not be removed stay stored (and
 * logged with their ids), so the next activation or deactivation tries again.
 */
export async function removeEarlierAddresses(ctx: IHookFunctions, data: IDataObject, url: string): Promise<void> {
	for (const earlier of earlierAddresses(ctx, data, url)) {
		const { removed, failed } = await removeAllForUrl(ctx, earlier, storedSubscriptionsFor(data, earlier));
		storeSubscriptionsFor(data, earlier, failed);
		ctx.logger.info(
			`iClosed Trigger: this workflow's webhook URL changed (n8n's address is now ${originOf(url)}); removed ${new Set(removed.map((s) => s.id)).size} iClosed subscription(s) for the earlier address ${originOf(earlier)}${failed.length > 0 ? `, ${failed.length} could not be removed` : ''}`,
		);
	}
}
