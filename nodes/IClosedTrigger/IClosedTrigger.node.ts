import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ICLOSED_APP_DESCRIPTION } from '../shared/appDescription';
import { testIClosedApiCredential } from '../shared/credentialTest';
import { checkExists, create, deleteWebhooks } from './lifecycle';
import { getBookingPages } from './loadOptions';
import { SANDBOX_EVENT_COMMAND, triggerProperties } from './properties';
import { receiveDelivery } from './receive';

const TEST_EVENT_HELP =
	'<b>While building your workflow</b>, click "Execute step" (Listen for test event), then book, cancel or reschedule a call in iClosed. Trying the package\'s local sandbox instead? Run <code>' +
	SANDBOX_EVENT_COMMAND +
	'</code> (or any other event) in the package\'s folder.<br /><br />';
const PUBLISH_HELP =
	'<b>Once you are happy with your workflow</b>, publish it (activate it on n8n 1.x): iClosed then calls it on every selected event. Those executions appear in the Executions list, not in the editor.';

export class IClosedTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iClosed Trigger',
		name: 'iClosedTrigger',
		icon: { light: 'file:../../icons/iclosed.svg', dark: 'file:../../icons/iclosed.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + $parameter["events"].join(", ")}}',
		description: ICLOSED_APP_DESCRIPTION,
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
		// The editor's "How to trigger an execution?" note; n8n's default sends people to iClosed only.
		triggerPanel: {
			executionsHelp: {
				inactive: TEST_EVENT_HELP + PUBLISH_HELP,
				active: TEST_EVENT_HELP + '<b>Your workflow also runs on its own</b>: it is published, so iClosed calls it on every selected event. Those executions appear in the Executions list, not in the editor.',
			},
		},
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
