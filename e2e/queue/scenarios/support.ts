// End-to-end test code (never shipped): small helpers the queue scenarios share.
import { buildEventPayload, signBody } from '../../../test/fake-iclosed';
import type { TriggerWorkflow } from '../../lib/triggerWorkflow';
import type { QueueContext } from '../queueContext';

/** The signing secret iClosed handed out with this workflow's subscription for `event`. */
export function secretFor(ctx: QueueContext, calls: TriggerWorkflow, event: string): string {
	const subscription = ctx.fake.state.webhooks.find((w) => w.url === calls.url && w.events.includes(event));
	if (!subscription) throw new Error(`no subscription for ${event} at ${calls.url}`);
	return subscription.secret;
}

/** A call.booked payload item that no earlier delivery carried (its call uuid is `tag`). */
export function distinctBooking(ctx: QueueContext, tag: string): Record<string, unknown> {
	const payload = buildEventPayload(ctx.fake.state, 'call.booked');
	return { ...payload, event: { ...(payload.event as Record<string, unknown>), uuid: tag } };
}

/** Subscription ids the trigger keeps in static data for `url`, sorted. */
export function storedSubscriptionIds(workflow: { staticData?: unknown }, url: string): string[] {
	const data = (typeof workflow.staticData === 'string' ? JSON.parse(workflow.staticData) : workflow.staticData) as
		| Record<string, { subscriptions?: Array<{ id: string; url: string }> }>
		| undefined;
	const stored = data?.['node:iClosed Trigger']?.subscriptions ?? [];
	return stored.filter((s) => s.url === url).map((s) => String(s.id)).sort();
}

/** A delivery as iClosed would send it (the JSON array of one item, signed), without sending it. */
export function signedDelivery(url: string, item: Record<string, unknown>, secret: string): { url: string; sentBody: string; sentHeaders: Record<string, string> } {
	const sentBody = JSON.stringify([item]);
	const signature = signBody(sentBody, secret);
	return { url, sentBody, sentHeaders: { 'content-type': 'application/json', [signature.header]: signature.value } };
}
