import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, deepCopy } from 'n8n-workflow';

import { IClosed } from '../../../nodes/IClosed/IClosed.node';
import { CATALOGUE, allOperations } from '../../../nodes/shared/catalogue';

/** The endpoint table: every REST endpoint of iclosed-api.md §2 plus the webhooks API. */
const ENDPOINTS: Array<[string, string, string, string]> = [
	['contact', 'getMany', 'GET', '/v1/contacts'],
	['contact', 'get', 'GET', '/v1/contacts/detail'],
	['contact', 'create', 'POST', '/v1/contacts'],
	['contact', 'update', 'PUT', '/v1/contacts'],
	['contact', 'getNotes', 'GET', '/v1/contacts/notes'],
	['contact', 'addNote', 'POST', '/v1/contacts/notes'],
	['contact', 'getJourney', 'GET', '/v1/contacts/journey'],
	['call', 'getMany', 'GET', '/v1/eventCalls'],
	['call', 'book', 'POST', '/v1/eventCalls'],
	['call', 'reschedule', 'PUT', '/v1/eventCalls/reschedule'],
	['call', 'cancel', 'PUT', '/v1/eventCalls/cancel'],
	['call', 'markSlotFree', 'PUT', '/v1/eventCalls/markSlotFree'],
	['outcome', 'set', 'POST', '/v1/outcomes'],
	['event', 'getMany', 'GET', '/v1/events'],
	['event', 'get', 'GET', '/v1/events/detail'],
	['event', 'getAvailableSlots', 'POST', '/v1/events/eventDates'],
	['event', 'setStatus', 'PUT', '/v1/events/status'],
	['event', 'troubleshootSlots', 'GET', '/v1/events/troubleshootSlots'],
	['deal', 'getMany', 'GET', '/v1/deals'],
	['deal', 'create', 'POST', '/v1/deals'],
	['deal', 'update', 'PUT', '/v1/deals'],
	['product', 'getMany', 'GET', '/v1/products'],
	['product', 'create', 'POST', '/v1/products'],
	['product', 'update', 'PUT', '/v1/products'],
	['transaction', 'getMany', 'GET', '/v1/transactions'],
	['transaction', 'create', 'POST', '/v1/transactions'],
	['transaction', 'update', 'PUT', '/v1/transactions'],
	['transaction', 'delete', 'DELETE', '/v1/transactions'],
	['customField', 'getMany', 'GET', '/v1/fields/objects'],
	['customField', 'getManyAllObjects', 'GET', '/v1/fields/objects/all'],
	['customField', 'getContactStages', 'GET', '/v1/fields/contact-stage'],
	['customField', 'create', 'POST', '/v1/fields'],
	['customField', 'update', 'PUT', '/v1/fields'],
	['customField', 'setAnswer', 'POST', '/v1/fields/answer'],
	['customField', 'setAnswersBulk', 'POST', '/v1/fields/answer/bulk'],
	['customField', 'setInviteeAnswers', 'POST', '/v1/fields/inviteeAnswers'],
	['user', 'getMany', 'GET', '/v1/users'],
	['user', 'getAvailabilities', 'GET', '/v1/userAvailabilities'],
	['webhook', 'create', 'POST', '/v1/webhooks'],
	['webhook', 'getMany', 'GET', '/v1/webhooks'],
	['webhook', 'delete', 'DELETE', '/v1/webhooks/{webhookId}'],
];

const description = new IClosed().description;

/** Every parameter, including those nested in collections and fixed collections. */
function walk(props: INodeProperties[], visit: (p: INodeProperties) => void): void {
	for (const p of props) {
		visit(p);
		for (const o of (p.options ?? []) as Array<INodeProperties | INodePropertyCollection | INodePropertyOptions>) {
			if ('type' in o && 'displayName' in o) walk([o as INodeProperties], visit);
			if ('values' in o) walk((o as INodePropertyCollection).values, visit);
		}
	}
}

function visibleFor(props: INodeProperties[], resource: string, operation: string): INodeProperties[] {
	const values = { resource, operation, returnAll: false };
	return props.filter((p) =>
		NodeHelpers.displayParameter(values, p, { typeVersion: 1 } as never, description as never),
	);
}

describe('iClosed node description', () => {
	it('declares one operation per endpoint of the issue’s table, plus Contact → Create or Update', () => {
		const declared = allOperations().map((op) => [op.resource, op.value, op.method, op.path]);
		expect(declared).toEqual(expect.arrayContaining(ENDPOINTS));
		expect(declared).toHaveLength(ENDPOINTS.length + 1);
		expect(ENDPOINTS).toHaveLength(41);
		expect(allOperations().find((op) => op.value === 'upsert')).toMatchObject({ resource: 'contact', method: 'POST', path: '/v1/contacts' });
	});

	it('gives every operation a sentence-case action and a description', () => {
		for (const resource of CATALOGUE) {
			for (const op of resource.operations) {
				expect(op.action).toMatch(/^[A-Z][a-z ]+$/);
				expect(op.name).toMatch(/^[A-Z][A-Za-z-]*( [A-Z][A-Za-z-]*| for| in| or)*$/);
				expect(op.description.length).toBeGreaterThan(30);
			}
		}
	});

	it('is a usable-as-tool action node with resource and operation pickers', () => {
		expect(description).toMatchObject({
			name: 'iClosed',
			usableAsTool: true,
			credentials: [{ name: 'iClosedApi', required: true, testedBy: 'iClosedApiTest' }],
		});
		const pickers = description.properties.filter((p) => p.name === 'resource' || p.name === 'operation');
		expect(pickers).toHaveLength(1 + CATALOGUE.length);
		for (const p of pickers) expect(p.noDataExpression).toBe(true);
	});

	it('follows n8n’s wording rules: Whether…, sorted options, Name or ID dropdowns, From list locators', () => {
		walk(description.properties, (p) => {
			if (p.type === 'boolean') expect(`${p.name}: ${p.description}`).toMatch(/^\w+: Whether /);
			if (p.type === 'options' || p.type === 'multiOptions') {
				const names = ((p.options ?? []) as INodePropertyOptions[]).map((o) => o.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
			if (p.typeOptions?.loadOptionsMethod) {
				expect(p.displayName).toMatch(/Name or ID$/);
				expect(p.description).toContain('Choose from the list, or specify an ID using an');
			}
			if (p.type === 'resourceLocator') expect(p.default).toEqual({ mode: 'list', value: '' });
			if (p.name === 'limit') expect(p).toMatchObject({ default: 50, description: 'Max number of results to return', typeOptions: { minValue: 1 } });
		});
	});

	it.each(allOperations().map((op) => [op.resource, op.value] as const))(
		'%s → %s resolves its parameters with n8n and never shows two of the same name',
		(resource, operation) => {
			const visible = visibleFor(description.properties, resource, operation);
			const names = visible.map((p) => p.name);
			expect(names).toEqual([...new Set(names)]);
			const parameters = NodeHelpers.getNodeParameters(description.properties, { resource, operation }, true, false, null, description);
			expect(parameters).toMatchObject({ resource, operation });
		},
	);

	it.each(allOperations().map((op) => [op.resource, op.value] as const))(
		'%s → %s shows its required fields above Return All, the optional fields and Simplify',
		(resource, operation) => {
			const visible = visibleFor(description.properties, resource, operation).filter((p) => !['resource', 'operation'].includes(p.name));
			const lastRequired = visible.map((p) => Boolean(p.required)).lastIndexOf(true);
			const firstLater = visible.findIndex((p) => p.type === 'collection' || ['simplify', 'returnAll', 'limit'].includes(p.name));
			if (lastRequired >= 0 && firstLater >= 0) expect(lastRequired).toBeLessThan(firstLater);
			const simplify = visible.findIndex((p) => p.name === 'simplify');
			if (simplify >= 0) expect(simplify).toBe(visible.length - 1);
		},
	);

	it('names each operation on the canvas by its action, not by raw values', () => {
		const subtitle = String(description.subtitle);
		const table = JSON.parse(subtitle.slice(subtitle.indexOf('{"'), subtitle.indexOf('"}') + 2)) as Record<string, string>;
		expect(table).toEqual(Object.fromEntries(allOperations().map((op) => [`${op.resource}:${op.value}`, op.action])));
		expect(table['call:cancel']).toBe('Cancel a call');
		expect(subtitle).toMatch(/^=\{\{ \{.*\}\[\$parameter\["resource"\] \+ ":" \+ \$parameter\["operation"\]\] \|\| \$parameter\["operation"\] \}\}$/);
	});

	it('converts into an AI tool the way n8n does for usableAsTool nodes', () => {
		// n8n's convertNodeToAiTool (packages/cli): rename, ai_tool output, tool-description parameters.
		const tool = deepCopy(description) as INodeTypeDescription;
		tool.name += 'Tool';
		tool.displayName += ' Tool';
		tool.inputs = [];
		tool.outputs = [NodeConnectionTypes.AiTool];
		delete tool.usableAsTool;
		tool.properties.unshift(
			{ displayName: 'Tool Description', name: 'descriptionType', type: 'options', noDataExpression: true, options: [{ name: 'Set Automatically', value: 'auto' }, { name: 'Set Manually', value: 'manual' }], default: 'auto' },
			{ displayName: 'Description', name: 'toolDescription', type: 'string', default: tool.description, required: true, displayOptions: { show: { descriptionType: ['manual'] } } },
		);
		expect(tool.properties.filter((p) => p.name === 'toolDescription')).toHaveLength(1);
		for (const op of allOperations()) {
			const parameters = NodeHelpers.getNodeParameters(tool.properties, { resource: op.resource, operation: op.value }, true, false, null, tool);
			expect(parameters).toMatchObject({ descriptionType: 'auto', resource: op.resource, operation: op.value });
		}
	});
});
