import { SPECIAL_OPERATIONS } from '../../../nodes/IClosed/operations/registry';
import { NOW, runAction, seedAccount, sent, useFakeIClosed } from './support';

/**
 * The router's contract: one run per input item, every output paired to its input, lists spread into
 * items, registered special operations run their own code, anything else is one declared request, and
 * an unknown operation is an error that says what to do.
 */
describe('Router', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	beforeEach(() => {
		seedAccount(fake());
	});

	it('refuses an operation the catalogue does not declare, naming it, before sending anything', async () => {
		const { error } = await runAction(fake(), { resource: 'contact', operation: 'teleport' });
		expect(error?.message).toBe('The operation "teleport" of "contact" is not known');
		expect(error?.description).toMatch(/Choose the resource and operation again/);
		expect(fake().requests).toHaveLength(0);
	});

	it('runs a registered special operation instead of the generic request', async () => {
		expect(Object.keys(SPECIAL_OPERATIONS)).toContain('contact:upsert');
		const { json } = await runAction(fake(), { resource: 'contact', operation: 'upsert', email: 'new.person@example.com' });
		expect(sent(fake()).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/contacts', 'POST /v1/contacts']);
		expect(json).toEqual([expect.objectContaining({ email: 'new.person@example.com', action: 'created' })]);
	});

	it('sends one declared request per item for any other operation, pairing each output with its input', async () => {
		const { items } = await runAction(fake(), { resource: 'user', operation: 'getMany', returnAll: true }, { items: [{}, {}] });
		expect(sent(fake()).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/users', 'GET /v1/users']);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
