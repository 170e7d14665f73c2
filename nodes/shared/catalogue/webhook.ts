import { ICLOSED_WEBHOOK_EVENTS } from '../events/eventList';
import type { OptionDeclaration, ResourceDeclaration } from './types';
import { WEBHOOK_RECORD_PATHS } from './uncertain';

/**
 * Webhook subscriptions, as the project assumes the largely undocumented API (§2.11, §6.15):
 * `POST /v1/webhooks {url, events}`, `GET /v1/webhooks`, `DELETE /v1/webhooks/{id}`. The iClosed
 * Trigger node manages its own subscriptions; these are for auditing and cleaning up.
 * Signing secrets are never put in the output (no action ever outputs a field named in
 * shared/secretFields.ts).
 */

/** The subscription API's path (§2.11), also listed and deleted under it. */
export const WEBHOOKS_PATH = '/v1/webhooks';

/** Named as in the iClosed Trigger (Title Case, unconfirmed ones marked); the wire name in the description. */
export const WEBHOOK_EVENTS: OptionDeclaration[] = ICLOSED_WEBHOOK_EVENTS.map((event) => ({
	name: event.documented ? event.label : `Unconfirmed: ${event.label}`,
	value: event.value,
	description: event.documented ? `Sent as ${event.value}` : `Sent as ${event.value}; listed by iClosed without a documented payload`,
}));

export const webhookResource: ResourceDeclaration = {
	value: 'webhook',
	name: 'Webhook',
	operations: [
		{
			resource: 'webhook',
			value: 'create',
			name: 'Create',
			action: 'Create a webhook',
			description: 'Subscribe a URL to iClosed events (e.g. call.booked). Returns the subscription ID for Delete.',
			method: 'POST',
			path: WEBHOOKS_PATH,
			output: { kind: 'record', paths: WEBHOOK_RECORD_PATHS },
			fields: [
				{ name: 'url', displayName: 'URL', kind: 'url', required: true, placeholder: 'e.g. https://example.com/hooks/iclosed', description: 'The HTTPS address iClosed posts events to' },
				{ name: 'events', displayName: 'Events', kind: 'multiOptions', required: true, default: [], options: WEBHOOK_EVENTS, description: 'The events to send' },
			],
		},
		{
			resource: 'webhook',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many webhooks',
			description: 'List the account’s webhook subscriptions (ID, URL, events)',
			method: 'GET',
			path: WEBHOOKS_PATH,
			list: { listKey: 'webhooks', maxPageSize: 100 },
			fields: [],
		},
		{
			resource: 'webhook',
			value: 'delete',
			name: 'Delete',
			action: 'Delete a webhook',
			description: 'Delete a webhook subscription by its ID from Webhook → Get Many or Create',
			method: 'DELETE',
			path: '/v1/webhooks/{webhookId}',
			output: { kind: 'deleted' },
			fields: [{ name: 'webhookId', displayName: 'Webhook ID', kind: 'string', in: 'path', required: true, placeholder: 'e.g. 17', description: 'The subscription’s ID' }],
		},
	],
};
