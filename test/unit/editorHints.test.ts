import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { IClosedPollingTrigger } from '../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node';
import { CHOOSE_EVENTS } from '../../nodes/IClosedPollingTrigger/properties';
import { IClosedTrigger } from '../../nodes/IClosedTrigger/IClosedTrigger.node';
import { SANDBOX_EVENT_COMMAND } from '../../nodes/IClosedTrigger/properties';
import { startFakeIClosed } from '../fake-iclosed';
import { sandboxEventCommand } from '../fake-iclosed/routes/sandbox';
import { PollWorkflow } from '../harness/pollWorkflow';

// What the editor shows around the triggers: the hints a newcomer reads while testing, and what stops a
// Polling Trigger without events from being published.
const webhook = new IClosedTrigger().description;
const polling = new IClosedPollingTrigger().description;
const helpTexts = (panel: unknown) => Object.values((panel as { executionsHelp: Record<string, string> }).executionsHelp);

describe('hints while testing a trigger', () => {
	it('the iClosed Trigger’s first notice says what to do while it listens, in iClosed and in the sandbox', () => {
		const [first] = webhook.properties;
		expect(first.type).toBe('notice');
		expect(first.displayOptions).toBeUndefined();
		expect(first.displayName).toContain('Execute step');
		expect(first.displayName).toContain(SANDBOX_EVENT_COMMAND);
		// The very command the sandbox and `npm start` print.
		expect(sandboxEventCommand(4010).startsWith(SANDBOX_EVENT_COMMAND)).toBe(true);
		for (const text of helpTexts(webhook.triggerPanel)) expect(text).toContain(SANDBOX_EVENT_COMMAND);
	});

	it('the Polling Trigger’s help speaks of Fetch Test Event and real records, not n8n’s "single mock event"', () => {
		const texts = helpTexts(polling.triggerPanel);
		expect(texts).toHaveLength(2);
		for (const text of texts) {
			expect(text).toContain('Fetch Test Event');
			expect(text).toContain('newest real record');
			expect(text).not.toMatch(/mock/i);
		}
	});
});

describe('a Polling Trigger without events', () => {
	const node: INode = {
		id: 'p',
		name: 'iClosed Polling Trigger',
		type: 'n8n-nodes-iclosed.iClosedPollingTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { events: [] },
	};

	it('is not held back by n8n’s nameless "Missing or invalid required parameters (1 issue)"', () => {
		// What n8n 2.x checks before publishing (WorkflowValidationService.validateNodeParameters).
		const issues = NodeHelpers.getNodeParametersIssues(polling.properties, node, polling);
		expect(issues?.parameters?.events).toBeUndefined();
		expect((polling.properties.find((p) => p.name === 'events') as INodeProperties).description).toContain('Choose at least one');
	});

	it('is refused at publishing by the node itself, with a message about events', async () => {
		const fake = await startFakeIClosed();
		try {
			const workflow = new PollWorkflow({ parameters: { events: [] }, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl } });
			await expect(workflow.activate()).rejects.toThrow(/Choose at least one event/);
			expect(fake.requests).toEqual([]);
		} finally {
			await fake.close();
		}
	});

	it('says on the canvas that events are missing', () => {
		expect(polling.subtitle).toContain(CHOOSE_EVENTS);
		expect(CHOOSE_EVENTS).toContain('under Events');
	});
});
