import type { Assumption } from '../shared/assumption';
import { WEBHOOKS_PATH } from '../shared/catalogue/webhook';
import { WEBHOOK_PLANS } from '../shared/plans';

/**
 * What the webhook trigger assumes about iClosed's subscription API and its deliveries, by stable id
 * (`npm run probe` checks what it can against a real account; README → "What we assume about iClosed").
 * The code that rests on these is webhookApi.ts (subscriptions), signature.ts, eventNames.ts and
 * readBody.ts (deliveries).
 */
export const WEBHOOK_ASSUMPTIONS: Assumption[] = [
	{
		id: 'hook.api.available',
		statement: `GET ${WEBHOOKS_PATH} answers 2xx for an account with ${WEBHOOK_PLANS}.`,
		confidence: 'low',
		basis: '§2.11, §3.5, §6.15',
		ifWrong:
			'Automatic registration fails with "This iClosed account cannot manage webhooks through the API"; Manual registration (the URL pasted in iClosed) still works.',
	},
	{
		id: 'hook.api.unavailable-status',
		statement:
			`Where the subscription API is missing or not allowed, ${WEBHOOKS_PATH} answers 403, 404 or 405.`,
		confidence: 'medium',
		basis: '§2.11, §3.5',
		ifWrong:
			'Another status is shown as a plain error instead of the advice to register the URL by hand.',
	},
	{
		id: 'hook.list.envelope',
		statement:
			`GET ${WEBHOOKS_PATH}?page=0&limit=100 lists the subscriptions in data, data.webhooks, webhooks or a bare array.`,
		confidence: 'low',
		basis: '§2.11, §1.5',
		ifWrong:
			'Existing subscriptions are not found: activation may register the same URL again and deactivation may leave one behind.',
	},
	{
		id: 'hook.create.accepted',
		statement:
			`POST ${WEBHOOKS_PATH} {url, events:[name]} creates a subscription for each of the six dotted names (call.booked, call.cancelled, call.rescheduled, call.outcome_added, contact.created, contact.updated).`,
		confidence: 'low',
		basis: '§2.11, §3.1, §6.15, §6.16',
		ifWrong: 'Activation fails with iClosed\'s error; Manual registration still works.',
	},
	{
		id: 'hook.create.returns-id',
		statement:
			"The create answer carries the new subscription's id (flat, or in data, data.webhook, webhook or data.data).",
		confidence: 'low',
		basis: '§2.11, §6.15',
		ifWrong: 'The trigger finds the subscription in the list by URL and event: one request more.',
	},
	{
		id: 'hook.create.returns-secret',
		statement:
			'The create answer carries a signing secret under one of the names in nodes/shared/secretFields.ts.',
		confidence: 'low',
		basis: '§3.3, §6.19',
		ifWrong:
			'Deliveries are only checked when a secret is set in the credential (Verify When Signed).',
	},
	{
		id: 'hook.list.shows-subscription',
		statement: `A new subscription is listed by GET ${WEBHOOKS_PATH} with its URL and its events.`,
		confidence: 'low',
		basis: '§2.11',
		ifWrong:
			'Activation cannot tell its own subscriptions from others and registers again on every activation.',
	},
	{
		id: 'hook.delete.removes',
		statement:
			`DELETE ${WEBHOOKS_PATH}/{id} removes the subscription (it leaves the list); deleting it again answers 404.`,
		confidence: 'low',
		basis: '§2.11',
		ifWrong:
			'Deactivating a workflow leaves its subscription in iClosed, which keeps sending (and retrying) to a dead URL.',
	},
	{
		id: 'hook.account.several-urls',
		statement: 'An account can hold subscriptions for several URLs at once (one per workflow).',
		confidence: 'low',
		basis: '§3.5, §6.15',
		ifWrong:
			'A second published workflow with an iClosed Trigger cannot register, or takes over the first one\'s deliveries.',
	},
	{
		id: 'hook.delivery.body',
		statement:
			'A delivery is a JSON POST whose body is an array of one event (docs) or one event object (receivers).',
		confidence: 'medium',
		basis: '§3.2, §6.18',
		ifWrong: 'Deliveries are answered 400 and start nothing; n8n\'s log names the shape.',
	},
	{
		id: 'hook.delivery.hookType',
		statement:
			'Each delivery names its event in hookType, in one of the spellings of §3.1 (or a legacy id).',
		confidence: 'medium',
		basis: '§3.1, §6.16, §6.17',
		ifWrong: 'Deliveries of an unknown spelling are acknowledged and start nothing.',
	},
	{
		id: 'hook.delivery.signature',
		statement:
			'Deliveries carry no signature; if they ever do, it is an HMAC-SHA256 of the raw body in a common header.',
		confidence: 'low',
		basis: '§3.3, §3.5, §6.19',
		ifWrong:
			'With a secret set and Signature Check on Always, deliveries are turned away with 401 (the log says so).',
	},
	{
		id: 'hook.delivery.retries',
		statement:
			'A delivery not answered 2xx is retried with growing delays for up to a day, so one event may arrive twice.',
		confidence: 'medium',
		basis: '§3.4',
		ifWrong: 'Only the 24-hour dedupe window is longer than it needs to be.',
	},
];
