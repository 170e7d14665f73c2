import type { IDataObject, ILoadOptionsFunctions, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import { DEFAULT_VARIANTS, startFakeIClosed } from '../../fake-iclosed';
import type { FakeIClosed, FakeIClosedOptions, RecordedRequest } from '../../fake-iclosed';
import type { RunNodeOptions, RunNodeResult } from '../../harness/runNode';
import { loadOptionsContextFor } from '../../harness/loadOptionsContext';
import { ACTION_NODE_TYPE } from '../../harness/nodeTypes';
import { runNode } from '../../harness/runNode';

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

/** n8n-core's real LoadOptionsContext for the action node; `parameters` are the node's current parameters. */
export function loadOptionsContext(fake: FakeIClosed, parameters: INodeParameters = {}): ILoadOptionsFunctions {
	const credentials = { apiKey: fake.apiKey, baseUrl: fake.baseUrl };
	return loadOptionsContextFor({ nodeType: ACTION_NODE_TYPE, nodeName: 'iClosed', parameters, credentials });
}
