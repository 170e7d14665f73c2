import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	IDataObject,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testIClosedApiCredential } from '../shared/credentialTest';

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
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iClosedApi', required: true, testedBy: 'iClosedApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: [
					{ name: 'Call Booked', value: 'call.booked' },
					{ name: 'Call Cancelled', value: 'call.cancelled' },
				],
			},
		],
	};

	methods = { credentialTest: { iClosedApiTest: testIClosedApiCredential } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = this.getBodyData() as IDataObject;
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}
}
