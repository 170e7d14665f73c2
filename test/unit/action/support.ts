import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeParameterResourceLocator,
	INodeParameters,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { DEFAULT_VARIANTS, startFakeIClosed } from '../../fake-iclosed';
import type { FakeIClosed, FakeIClosedOptions, RecordedRequest } from '../../fake-iclosed';
import type { RunNodeOptions, RunNodeResult } from '../../harness/runNode';
import { ACTION_NODE_TYPE, PackageNodeTypes } from '../../harness/nodeTypes';
import { additionalDataFor, runNode } from '../../harness/runNode';

/**
 * Shared set-up for the action node's tests: a fresh fake iClosed per test file, the node run through
 * n8n's real engine against it, and what the fake received.
 */

export interface ActionRun extends RunNodeResult {
	/** The output items' json. */
	json: IDataObject[];
}

export function useFakeIClosed(options: FakeIClosedOptions = {}): () => FakeIClosed {
	let fake: FakeIClosed | undefined;
	beforeAll(async () => {
		fake = await startFakeIClosed(options);
	});
	afterAll(async () => {
		await fake?.close();
	});
	// Every test starts from an empty account (seed it in a beforeEach), so tests pass in any order.
	beforeEach(() => {
		fake?.state.reset();
		fake?.setVariants({ ...DEFAULT_VARIANTS, ...options.variants });
		fake?.setRateLimit(null);
		fake?.clearRequests();
		fake?.clearFaults();
	});
	return () => {
		if (!fake) throw new Error('fake iClosed not started');
		return fake;
	};
}

export async function runAction(
	fake: FakeIClosed,
	parameters: INodeParameters,
	options: Pick<RunNodeOptions, 'items' | 'continueOnFail' | 'onError' | 'timezone'> = {},
): Promise<ActionRun> {
	const result = await runNode({
		parameters,
		credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
		...options,
	});
	return { ...result, json: result.items.map((item) => item.json) };
}

/** The API requests the fake received (method, path, query, body), in order. */
export function sent(fake: FakeIClosed): Array<Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>> {
	return fake.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

/** A resource locator value as the editor stores it. */
export function byMode(mode: string, value: number | string): INodeParameterResourceLocator {
	return { __rl: true, mode, value: String(value) };
}

export const byId = (value: number | string) => byMode('id', value);
export const fromList = (value: number | string) => byMode('list', value);

/** A fixed "now" (Monday 2 March 2026, 12:00 UTC) so past/upcoming and free slots never drift. */
export const NOW = new Date('2026-03-02T12:00:00.000Z');

/**
 * A small account: one closer (Mon–Fri 09–17 New York) with a strategy booking page, one contact with
 * an upcoming call, a product, a transaction and a contact custom field.
 */
export function seedAccount(fake: FakeIClosed) {
	const { state } = fake;
	const closer = state.addUser({ firstName: 'Ava', lastName: 'Thompson', email: 'ava@acme.example.com' });
	state.addAvailability(closer.id, 'America/New_York');
	const event = state.addEvent({ name: 'Strategy Call', linkPrefix: 'ava/strategy-call', hostIds: [closer.id] });
	const contact = state.addContact({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', userId: closer.id });
	const call = state.addCall({
		contactId: contact.id,
		userId: closer.id,
		eventId: event.id,
		startUtc: '2026-03-04T15:00:00.000Z',
	});
	const product = state.addProduct({ name: 'Coaching Program' });
	const transaction = state.addTransaction({ value: 1500, name: 'Ada Lovelace', email: 'ada@example.com', source: 'Stripe' });
	const field = state.addField({ name: 'Company', identifier: 'company', inputType: 'TEXT', type: 'CONTACT', userId: closer.id });
	return { closer, event, contact, call, product, transaction, field };
}

/**
 * n8n-core's real LoadOptionsContext for the action node, as the editor uses it for "From list"
 * searches and dropdowns; `parameters` are the node's current parameters.
 */
export function loadOptionsContext(fake: FakeIClosed, parameters: INodeParameters = {}): ILoadOptionsFunctions {
	const node: INode = {
		id: '3f1b0c6e-0000-4000-8000-000000000003',
		name: 'iClosed',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { iClosedApi: { id: 'cred-1', name: 'iClosed test' } },
	};
	const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, active: false, nodeTypes: new PackageNodeTypes() });
	const hooks = new ExecutionLifecycleHooks('manual', 'load-options', { id: 'load-options', nodes: [node] } as unknown as IWorkflowBase);
	const additionalData = { ...additionalDataFor({ apiKey: fake.apiKey, baseUrl: fake.baseUrl }, hooks), currentNodeParameters: parameters };
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
