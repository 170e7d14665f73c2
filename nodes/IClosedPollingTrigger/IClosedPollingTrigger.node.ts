import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { loadOptions as actionLoadOptions } from '../IClosed/methods/loadOptions';
import { getBookingPages } from '../IClosedTrigger/loadOptions';
import { testIClosedApiCredential } from '../shared/credentialTest';
import { pollIClosed } from './poll';
import { pollingProperties } from './properties';
import { POLLING_PLANS } from '../shared/plans';

/**
 * The iClosed Polling Trigger: the same events and items as the iClosed Trigger, read from the REST
 * API at n8n's Poll Times, for accounts without webhooks (iclosed-api.md §3.5).
 * n8n adds the Poll Times parameter itself; polls run on the main process only (queue mode: n8n's rule).
 */
export class IClosedPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iClosed Polling Trigger',
		name: 'iClosedPollingTrigger',
		icon: { light: 'file:../../icons/iclosed.svg', dark: 'file:../../icons/iclosed.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + $parameter["events"].join(", ")}}',
		description: `Starts the workflow when contacts, calls, outcomes, deals or payments change in iClosed: polls the API, for ${POLLING_PLANS} and no webhooks`,
		defaults: { name: 'iClosed Polling Trigger' },
		documentationUrl: 'https://github.com/iclosed-community/n8n-nodes-iclosed#polling-trigger',
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iClosedApi', required: true, testedBy: 'iClosedApiTest' }],
		properties: pollingProperties,
	};

	methods = {
		credentialTest: { iClosedApiTest: testIClosedApiCredential },
		loadOptions: { getBookingPages, getContactStages: actionLoadOptions.getContactStages },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollIClosed.call(this);
	}
}
