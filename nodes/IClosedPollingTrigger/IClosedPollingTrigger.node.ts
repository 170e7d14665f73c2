import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listContactStages } from '../shared/contactStages';
import { testIClosedApiCredential } from '../shared/credentialTest';
import { listBookingPages } from '../shared/events/bookingPages';
import { POLLING_PLANS } from '../shared/plans';
import { pollIClosed } from './poll';
import { CHOOSE_EVENTS, pollingProperties } from './properties';

const FETCH_HELP =
	'<b>While building your workflow</b>, click "Fetch Test Event": the node reads iClosed now and shows the newest real record of each selected event (or says that none matches yet).<br /><br />';

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
		// An empty Events says so on the canvas (Events is not n8n-required: see properties.ts).
		subtitle: '={{$parameter["events"].length ? "Events: " + $parameter["events"].join(", ") : "' + CHOOSE_EVENTS + '"}}',
		description: `Starts the workflow when contacts, calls, outcomes, deals or payments change in iClosed: polls the API, for ${POLLING_PLANS} and no webhooks`,
		defaults: { name: 'iClosed Polling Trigger' },
		documentationUrl: 'https://github.com/iclosed-community/n8n-nodes-iclosed#polling-trigger',
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iClosedApi', required: true, testedBy: 'iClosedApiTest' }],
		properties: pollingProperties,
		// The editor's "When will this node trigger my flow?" note; n8n's default speaks of "a single mock event".
		triggerPanel: {
			executionsHelp: {
				inactive: FETCH_HELP + '<b>Once you are happy with your workflow</b>, publish it (activate it on n8n 1.x): n8n then asks iClosed for changes at the Poll Times and runs the workflow for each one. Those executions appear in the Executions list, not in the editor.',
				active: FETCH_HELP + '<b>Your workflow also runs on its own</b>: it is published, so n8n asks iClosed for changes at the Poll Times and runs it for each one. Those executions appear in the Executions list, not in the editor.',
			},
		},
	};

	methods = {
		credentialTest: { iClosedApiTest: testIClosedApiCredential },
		loadOptions: { getBookingPages: listBookingPages, getContactStages: listContactStages },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollIClosed.call(this);
	}
}
