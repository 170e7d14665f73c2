import { IClosed } from '../../../nodes/IClosed/IClosed.node';
import { NOW, loadOptionsContext, seedAccount, sent, useFakeIClosed } from './support';

/** "From list" searches (resource locators) and dropdowns, through n8n's LoadOptionsContext. */
describe('List searches and dropdowns', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	const { listSearch, loadOptions } = new IClosed().methods;
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
		fake().state.addField({
			name: 'Contact Stage',
			identifier: 'contact_stage',
			inputType: 'SINGLE_SELECT',
			type: 'CONTACT',
			isSystemField: true,
			options: ['Potential', 'Qualified', 'Strategy Call Booked'],
		});
	});

	describe('searchContacts', () => {
		it('searches iClosed with the filter and names contacts by name and email', async () => {
			const result = await listSearch.searchContacts.call(loadOptionsContext(fake()), 'ada');
			expect(sent(fake())).toEqual([{ method: 'GET', path: '/v1/contacts', query: { page: '0', limit: '50', search: 'ada' }, body: undefined }]);
			expect(result).toEqual({ results: [{ name: 'Ada Lovelace · ada@example.com', value: String(seed.contact.id) }], paginationToken: undefined });
		});

		it('pages with a string token while pages come back full', async () => {
			fake().addContacts(60);
			const first = await listSearch.searchContacts.call(loadOptionsContext(fake()));
			expect(first.results).toHaveLength(50);
			expect(first.paginationToken).toBe('1');
			const second = await listSearch.searchContacts.call(loadOptionsContext(fake()), undefined, first.paginationToken);
			expect(second.results).toHaveLength(11);
			expect(second.paginationToken).toBeUndefined();
			expect(fake().requests.map((r) => r.query.page)).toEqual(['0', '1']);
		});
	});

	it.each([
		['searchCalls', '/v1/eventCalls', () => ({ value: String(seed.call.id), name: expect.stringContaining('2026-03-04') })],
		['searchEvents', '/v1/events', () => ({ value: String(seed.event.id), name: 'Strategy Call (ava/strategy-call)' })],
		['searchUsers', '/v1/users', () => ({ value: String(seed.closer.id), name: 'Ava Thompson · ava@acme.example.com' })],
		['searchProducts', '/v1/products', () => ({ value: String(seed.product.id), name: 'Coaching Program' })],
		['searchTransactions', '/v1/transactions', () => ({ value: String(seed.transaction.id), name: 'Ada Lovelace · 1500 · Stripe' })],
	] as const)('%s lists %s', async (method, path, expected) => {
		const result = await listSearch[method].call(loadOptionsContext(fake()));
		expect(sent(fake())).toEqual([{ method: 'GET', path, query: { page: '0', limit: '50' }, body: undefined }]);
		expect(result.results).toEqual(expect.arrayContaining([expected()]));
	});

	it('getContactStages offers the built-in statuses and the account’s stages in upper snake case', async () => {
		const options = await loadOptions.getContactStages.call(loadOptionsContext(fake()));
		expect(options).toEqual([
			{ name: 'Disqualified', value: 'DISQUALIFIED' },
			{ name: 'Potential', value: 'POTENTIAL' },
			{ name: 'Qualified', value: 'QUALIFIED' },
			{ name: 'Strategy Call Booked', value: 'STRATEGY_CALL_BOOKED' },
		]);
	});

	it('getCustomFields lists the fields of the chosen object type', async () => {
		const options = await loadOptions.getCustomFields.call(loadOptionsContext(fake(), { objectType: 'CONTACT' }));
		expect(sent(fake())[0]).toMatchObject({ path: '/v1/fields/objects', query: { objectType: 'CONTACT' } });
		expect(options).toEqual([{ name: 'Company', value: seed.field.id, description: 'company' }]);
	});

	it('getCustomFields lists every object type’s fields when none is chosen', async () => {
		const options = await loadOptions.getCustomFields.call(loadOptionsContext(fake(), { resource: 'customField', operation: 'setAnswer' }));
		expect(sent(fake())[0]).toMatchObject({ path: '/v1/fields/objects/all' });
		expect(options).toEqual([{ name: 'Company (CONTACT)', value: seed.field.id, description: 'company' }]);
	});

	it('getProducts lists products by name', async () => {
		fake().state.addProduct({ name: 'Audit' });
		const options = await loadOptions.getProducts.call(loadOptionsContext(fake()));
		expect(options.map((o) => o.name)).toEqual(['Audit', 'Coaching Program']);
		expect(sent(fake())[0]).toMatchObject({ path: '/v1/products', query: { page: '0', limit: '200' } });
	});
});
