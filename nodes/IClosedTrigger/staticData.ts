import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data (`getWorkflowStaticData('node')`), all of it small:
 *
 * ```
 * subscriptions: [{ url, event, id, secret? }]   // registered or adopted at iClosed, one per event
 * ```
 *
 * Written only by the activation lifecycle (lifecycle.ts), which n8n runs on its main process; webhook()
 * only reads it. n8n saves static data whole and last writer wins, so a delivery that wrote here could
 * overwrite what activation stored (the duplicate memory lives in the process instead, dedupe.ts).
 *
 * Entries carry their URL because n8n's editor test listener runs the lifecycle on a copy of the same
 * static data with the test URL (`/webhook-test/…`): every read and write is scoped to one URL, so
 * stopping the test listener never removes the production subscriptions, nor the other way round.
 * Production static data is saved in n8n's database (not encrypted, like the signing secrets other
 * n8n triggers keep there); test-mode static data lives in memory only.
 */
export interface StoredSubscription {
	url: string;
	event: string;
	id: string;
	secret?: string;
}

function isStored(value: unknown): value is StoredSubscription {
	const entry = value as StoredSubscription;
	return typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && typeof entry.url === 'string';
}

export function allStoredSubscriptions(data: IDataObject): StoredSubscription[] {
	const list = data.subscriptions;
	return Array.isArray(list) ? list.filter(isStored) : [];
}

export function storedSubscriptionsFor(data: IDataObject, url: string): StoredSubscription[] {
	return allStoredSubscriptions(data).filter((entry) => entry.url === url);
}

/** Replaces the entries for `url`, leaving the other URL's entries alone. */
export function storeSubscriptionsFor(data: IDataObject, url: string, entries: StoredSubscription[]): void {
	const others = allStoredSubscriptions(data).filter((entry) => entry.url !== url);
	const next = [...others, ...entries.map((entry) => ({ ...entry }))];
	if (next.length === 0) delete data.subscriptions;
	else data.subscriptions = next as unknown as IDataObject[];
}

/** Every address this node stored subscriptions for, other than `url`: where n8n was reachable before. */
export function otherStoredUrls(data: IDataObject, url: string): string[] {
	return [...new Set(allStoredSubscriptions(data).map((entry) => entry.url))].filter((stored) => stored !== url);
}

/** Signing secrets iClosed handed out with any stored subscription (either URL). */
export function storedSecrets(data: IDataObject): string[] {
	const secrets = allStoredSubscriptions(data)
		.map((entry) => entry.secret)
		.filter((secret): secret is string => typeof secret === 'string' && secret !== '');
	return [...new Set(secrets)];
}
