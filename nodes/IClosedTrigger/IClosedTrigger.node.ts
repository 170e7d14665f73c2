import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testIClosedApiCredential } from '../shared/credentialTest';
import { checkExists, create, deleteWebhooks } from './lifecycle';
import { getBookingPages } from './loadOptions';
import { triggerProperties } from './properties';
import { receiveDelivery } from './receive';

export class IClosedTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iClosed Trigger',
		name: 'iClosedTrigger',
		icon: { light: 'file:../../icons/iclosed.svg', dark: 'file:../../icons/iclosed.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when iClosed sends an event (calls booked, cancelled, rescheduled, outcomes, contacts)',
		defaults: { name: 'iClosed Trigger' },
		documentationUrl: 'https://github.com/iclosed-community/n8n-nodes-iclosed#trigger',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				// Optional so Manual registration can use it for a signing secret and the booking page list;
				// Automatic registration checks for it on activation (credential.ts).
				name: 'iClosedApi',
				required: false,
				testedBy: 'iClosedApiTest',
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { iClosedApiTest: testIClosedApiCredential },
		loadOptions: { getBookingPages },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
