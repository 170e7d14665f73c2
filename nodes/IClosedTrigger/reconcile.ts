import type { StoredSubscription } from './staticData';
import type { Subscription } from './webhookApi';

/**
 * Compares what iClosed has registered for this node's URL with the events the user selected.
 *
 * Only subscriptions to exactly this URL are considered: other workflows, and this workflow's test vs
 * production URL, each have their own URL and are never touched. Among ours, the ones this node stored
 * come first, so a restart adopts the same subscriptions it created rather than a stray duplicate.
 */
export interface RegistrationPlan {
	/** Existing subscriptions to keep, one entry per selected event they cover. */
	adopt: StoredSubscription[];
	/** Selected events with no subscription yet. */
	missing: string[];
	/** Subscriptions to this URL that are not needed: duplicates, unselected events, inactive ones. */
	extra: Subscription[];
}

export function planRegistration(
	selected: string[],
	url: string,
	listed: Subscription[],
	stored: StoredSubscription[],
): RegistrationPlan {
	const storedById = new Map<string, StoredSubscription[]>();
	for (const entry of stored) storedById.set(entry.id, [...(storedById.get(entry.id) ?? []), entry]);

	const ours = listed
		.filter((subscription) => subscription.url === url)
		.sort((a, b) => Number(storedById.has(b.id)) - Number(storedById.has(a.id)));

	const covered = new Set<string>();
	const adopt: StoredSubscription[] = [];
	const extra: Subscription[] = [];
	for (const subscription of ours) {
		const known = storedById.get(subscription.id) ?? [];
		// A list that shows no events for a subscription (account-wide hooks?) still tells us its id.
		const events = subscription.events.length > 0 ? subscription.events : known.map((entry) => entry.event);
		const needed = subscription.active ? events.filter((e) => selected.includes(e) && !covered.has(e)) : [];
		if (needed.length === 0) {
			extra.push(subscription);
			continue;
		}
		const secret = subscription.secret ?? known.find((entry) => entry.secret)?.secret;
		for (const event of needed) {
			covered.add(event);
			adopt.push({ url, event, id: subscription.id, ...(secret ? { secret } : {}) });
		}
	}
	return { adopt, missing: selected.filter((event) => !covered.has(event)), extra };
}

/** True when iClosed already has exactly the selected set for this URL. */
export function isComplete(plan: RegistrationPlan): boolean {
	return plan.missing.length === 0 && plan.extra.length === 0;
}
