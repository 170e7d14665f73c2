import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { paramName } from '../shared/catalogue/query';
import { declarationOf, readList, requestTo, send } from '../shared/declaredRequest';
import { readSecret } from '../shared/secretFields';
import { resolveEventName } from './eventNames';

/**
 * iClosed's webhook subscription API: every assumption the trigger makes about it lives here; the
 * method and path of each call come from the catalogue's Webhook resource (shared/catalogue/webhook.ts).
 *
 * Only one marketing sentence documents it ("POST /v1/webhooks with your endpoint URL and the events
 * you want", iclosed-api.md §2.11); no list, delete, response shape or secret is documented. So:
 *  1. `POST /v1/webhooks {url, events: [event]}` registers one subscription per event, using the dotted
 *     event names of the same page (`call.booked`, …).
 *  2. `GET /v1/webhooks` lists subscriptions, paged like every v1 list (zero-based `page` + `limit`,
 *     §1.5); the list may sit in `data`, `data.webhooks`, `webhooks` or be the bare body.
 *  3. `DELETE /v1/webhooks/{id}` removes one; a 404 means it is already gone.
 *  4. A subscription's id may be called `id`, `webhookId`, `_id` or `uuid`; its URL `url`, `targetUrl`,
 *     `callbackUrl`, `endpoint`…; its events `events` (names or `{id|name}` objects), `event` or
 *     `triggers` (the legacy-id guess of one integrator, §2.11), in any of iClosed's spellings.
 *  5. The create answer may be the subscription itself or wrap it in `data`, `data.webhook`,
 *     `webhook` or `data.data`; a signing secret, if any, sits beside the id under a name that
 *     shared/secretFields.ts matches (`secret`, `signingSecret`, `Signing-Secret`, …): the same rule
 *     that hides secrets from output, so any secret that is hidden is also read. Without an id in the answer
 *     the new subscription is looked up in the list by URL and event.
 *  6. 404, 403 or 405 on the webhooks path means the account cannot manage webhooks through the API
 *     (not enabled, not a Super Admin, or no such endpoint): the user registers the URL by hand.
 */
/** The three calls, as the catalogue declares them (its Webhook resource). */
const LIST = declarationOf('webhook', 'getMany');
const CREATE = declarationOf('webhook', 'create');
const DELETE = declarationOf('webhook', 'delete');

const ID_FIELDS = ['id', 'webhookId', '_id', 'uuid'];
const URL_FIELDS = ['url', 'targetUrl', 'target_url', 'callbackUrl', 'callback_url', 'webhookUrl', 'endpoint', 'endpointUrl'];
const EVENT_LIST_FIELDS = ['events', 'triggers', 'eventTypes', 'event_types'];
const ACTIVE_FIELDS = ['isActive', 'active', 'enabled'];
const UNAVAILABLE_STATUSES = ['403', '404', '405'];

export interface Subscription {
	id: string;
	url?: string;
	/** Dotted names when the name is one we know, else iClosed's own spelling. */
	events: string[];
	active: boolean;
	secret?: string;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(record: IDataObject, fields: string[]): string | undefined {
	for (const field of fields) {
		const value = record[field];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	}
	return undefined;
}

function eventName(entry: unknown): string | undefined {
	const raw = isObject(entry) ? firstString(entry, ['name', 'id', 'value', 'event']) : entry;
	if (typeof raw !== 'string' || raw === '') return undefined;
	return resolveEventName(raw)?.value ?? raw;
}

function eventsOf(record: IDataObject): string[] {
	for (const field of EVENT_LIST_FIELDS) {
		const list = record[field];
		if (Array.isArray(list)) return list.map(eventName).filter((e): e is string => e !== undefined);
	}
	const single = eventName(record.event);
	return single ? [single] : [];
}

function isActive(record: IDataObject): boolean {
	for (const field of ACTIVE_FIELDS) {
		if (typeof record[field] === 'boolean') return record[field] as boolean;
	}
	const status = typeof record.status === 'string' ? record.status.toLowerCase() : undefined;
	return status === undefined || !['inactive', 'disabled', 'paused'].includes(status);
}

/** A subscription record in any of the plausible shapes, or undefined when it has no id. */
export function readSubscription(record: unknown): Subscription | undefined {
	if (!isObject(record)) return undefined;
	const id = firstString(record, ID_FIELDS);
	if (id === undefined) return undefined;
	return {
		id,
		url: firstString(record, URL_FIELDS),
		events: eventsOf(record),
		active: isActive(record),
		secret: readSecret(record),
	};
}

/** The subscription inside a create answer, whichever envelope iClosed uses (assumption 5). */
export function readCreatedSubscription(body: unknown): Partial<Subscription> {
	const candidates: unknown[] = [];
	if (isObject(body)) {
		const data = body.data;
		candidates.push(
			isObject(data) ? data.webhook : undefined,
			isObject(data) ? data.subscription : undefined,
			isObject(data) ? data.data : undefined,
			data,
			body.webhook,
			body.subscription,
			body,
		);
	}
	const records = candidates.filter(isObject);
	const withId = records.map(readSubscription).find((s) => s !== undefined);
	const secret = withId?.secret ?? records.map(readSecret).find(Boolean);
	return { ...withId, secret };
}

export function isWebhooksApiUnavailable(error: unknown): boolean {
	return error instanceof NodeApiError && UNAVAILABLE_STATUSES.includes(String(error.httpCode));
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** Every subscription of the account (assumption 2). */
export async function listSubscriptions(this: IHookFunctions): Promise<Subscription[]> {
	const records = await readList(this, LIST);
	return records.map(readSubscription).filter((s): s is Subscription => s !== undefined);
}

/** Registers `url` for one event (assumption 1); the answer's id may be missing (assumption 5). */
export async function createSubscription(
	this: IHookFunctions,
	url: string,
	event: string,
): Promise<Partial<Subscription>> {
	const body = await send(
		this,
		requestTo(CREATE, { body: { [paramName(CREATE, 'url')]: url, [paramName(CREATE, 'events')]: [event] } }),
	);
	return readCreatedSubscription(body);
}

/** Removes one subscription (assumption 3); throws the transport's NodeApiError on failure. */
export async function deleteSubscription(this: IHookFunctions, id: string): Promise<void> {
	await send(this, requestTo(DELETE, { pathParams: { [paramName(DELETE, 'webhookId')]: id } }));
}
