import type { INodeParameters, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { IClosedPollingTrigger } from '../../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node';
import { POLL_EVENTS } from '../../../nodes/IClosedPollingTrigger/sources';
import { IClosedTrigger } from '../../../nodes/IClosedTrigger/IClosedTrigger.node';
import { POLLING_PLANS, WEBHOOKS_SWITCHED_ON } from '../../../nodes/shared/plans';
import { ICLOSED_WEBHOOK_EVENTS } from '../../../nodes/shared/events/eventList';
import type { ReceivingWorld } from './support/receiving';
import { startReceivingWorld } from './support/receiving';

/**
 * What n8n's nodes panel makes of a trigger node, as its editor does it (n8n-io/n8n,
 * packages/frontend/editor-ui/src/components/Node/NodeCreator/composables/useActionsGeneration.ts,
 * triggersCategory; the same in 1.123, 2.8 and 2.41): one entry per option of the first parameter whose
 * label is "Event", "Events" or "Trigger On", named by the option's `action`. Picking an entry sets its
 * value and the first value of each display condition of that parameter (useActions.ts, getActionData).
 */
function panelEntries(description: INodeTypeDescription): Array<{ name: string; parameters: INodeParameters }> {
	const matched = description.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	const conditions = Object.fromEntries(Object.entries(matched?.displayOptions?.show ?? {}).map(([key, values]) => [key, values?.[0]]));
	return ((matched?.options ?? []) as INodePropertyOptions[]).map((option) => ({
		name: option.action ?? `On ${option.name}`,
		parameters: { [matched!.name]: matched!.type === 'multiOptions' ? [option.value] : option.value, ...conditions } as INodeParameters,
	}));
}

/** The `events` parameter n8n shows for these values, and the values n8n keeps (what the Workflow class does on load). */
function asLoaded(description: INodeTypeDescription, parameters: INodeParameters) {
	const node = { id: 'n', name: 'iClosed Trigger', type: 'x', typeVersion: 1, position: [0, 0] as [number, number], parameters };
	const resolved = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	const shown = description.properties.find((p) => p.name === 'events' && NodeHelpers.displayParameter(resolved, p, node, description)) as INodeProperties;
	return { resolved, offered: ((shown?.options ?? []) as INodePropertyOptions[]).map((o) => o.value) };
}

const webhook = new IClosedTrigger().description;
const polling = new IClosedPollingTrigger().description;
const documented = ICLOSED_WEBHOOK_EVENTS.filter((e) => e.documented).map((e) => e.value);
const unconfirmed = ICLOSED_WEBHOOK_EVENTS.filter((e) => !e.documented).map((e) => e.value);

describe('the iClosed triggers in n8n’s nodes panel', () => {
	it('lists only the documented webhook events, each saying it needs webhooks switched on by iClosed', () => {
		const entries = panelEntries(webhook);
		expect(entries.map((e) => (e.parameters.events as string[])[0]).sort()).toEqual([...documented].sort());
		for (const entry of entries) expect(entry.name).toMatch(new RegExp(`^On [a-z ]+ · needs ${WEBHOOKS_SWITCHED_ON}$`));
		expect(entries.map((e) => e.name)).toContain(`On call booked · needs ${WEBHOOKS_SWITCHED_ON}`);
	});

	it('lists every polling event, each saying it is polled and works on any plan with API access', () => {
		const entries = panelEntries(polling);
		expect(entries.map((e) => (e.parameters.events as string[])[0]).sort()).toEqual([...POLL_EVENTS].sort());
		for (const entry of entries) expect(entry.name).toMatch(new RegExp(`^On [a-z ]+ · polled, ${POLLING_PLANS}$`));
	});

	it('never gives two entries of the two triggers the same name', () => {
		const names = [...panelEntries(webhook), ...panelEntries(polling)].map((e) => e.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('adds the webhook trigger with the unconfirmed events hidden and the chosen event kept', () => {
		const entry = panelEntries(webhook).find((e) => (e.parameters.events as string[])[0] === 'call.booked')!;
		expect(entry.parameters).toEqual({ events: ['call.booked'], showUnconfirmedEvents: false });
		const { resolved, offered } = asLoaded(webhook, entry.parameters);
		expect(resolved.events).toEqual(['call.booked']);
		expect([...offered].sort()).toEqual([...documented].sort());
	});

	it('offers the unconfirmed events in the node behind Show Unconfirmed Events, keeping what was chosen', () => {
		const { resolved, offered } = asLoaded(webhook, { events: ['call.booked', 'deal.created'], showUnconfirmedEvents: true });
		expect(resolved.events).toEqual(['call.booked', 'deal.created']);
		expect(offered).toEqual(expect.arrayContaining([...documented, ...unconfirmed]));
		const option = webhook.properties.find((p) => p.name === 'showUnconfirmedEvents');
		expect(option).toMatchObject({ displayName: 'Show Unconfirmed Events', type: 'boolean' });
	});

	it('shows a workflow saved before the switch existed as it was: every event offered, its choice kept', () => {
		const { resolved, offered } = asLoaded(webhook, { events: ['deal.created', 'call.booked'] });
		expect(resolved.events).toEqual(['deal.created', 'call.booked']);
		expect(offered).toEqual(expect.arrayContaining(unconfirmed));
	});
});

describe('saved iClosed Trigger workflows keep receiving their events', () => {
	let world: ReceivingWorld;
	beforeAll(async () => {
		world = await startReceivingWorld();
	});
	afterAll(async () => {
		await world.close();
	});

	it.each([
		['added from the nodes panel', { events: ['call.booked'], showUnconfirmedEvents: false }, 'call.booked'],
		['saved before Show Unconfirmed Events existed, with an unconfirmed event', { events: ['deal.created'] }, 'deal.created'],
		['with Show Unconfirmed Events on', { events: ['transaction.created'], showUnconfirmedEvents: true }, 'transaction.created'],
	])('a trigger %s starts on its event', async (_, parameters, event) => {
		world.receiver.received.length = 0;
		const workflow = world.trigger(parameters as INodeParameters);
		const [result] = await world.fake.deliver(event, { url: workflow.webhookUrl() });
		expect(result.status).toBe(200);
		expect(world.receiver.executions().map((items) => items.map((i) => i.json.event))).toEqual([[event]]);
	});
});
