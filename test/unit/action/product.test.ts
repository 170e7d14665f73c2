import { NOW, byId, fromList, runAction, sent, useFakeIClosed } from './support';

describe('Product', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let productId: number;
	/** The product as Create leaves it: each test that reads one starts from it. */
	const coaching = () => fake().state.addProduct({ name: 'High-Ticket Coaching', description: '12 weeks' }).id;

	it('Create posts the name and description and returns the product', async () => {
		const { json, error } = await runAction(fake(), {
			resource: 'product',
			operation: 'create',
			name: 'High-Ticket Coaching',
			additionalFields: { description: '12 weeks' },
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'POST', path: '/v1/products', query: {}, body: { name: 'High-Ticket Coaching', description: '12 weeks' } },
		]);
		expect(json).toEqual([expect.objectContaining({ name: 'High-Ticket Coaching', id: expect.any(Number) })]);
	});

	it('Create refuses an empty name before sending', async () => {
		const { error } = await runAction(fake(), { resource: 'product', operation: 'create', name: '  ' });
		expect(error?.message).toBe('Name is required');
		expect(fake().requests).toHaveLength(0);
	});

	it('Update puts productId with the changes', async () => {
		productId = coaching();
		const { json, error } = await runAction(fake(), {
			resource: 'product',
			operation: 'update',
			productId: fromList(productId),
			additionalFields: { name: 'Coaching (12 weeks)' },
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'PUT', path: '/v1/products', query: {}, body: { productId, name: 'Coaching (12 weeks)' } },
		]);
		expect(json).toEqual([expect.objectContaining({ id: productId, name: 'Coaching (12 weeks)' })]);
	});

	it('Update of an unknown product surfaces iClosed’s 404', async () => {
		const { error } = await runAction(fake(), { resource: 'product', operation: 'update', productId: byId(999999) });
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/Check the ID/);
	});

	it('Get Many searches and sorts, up to 200 per page', async () => {
		productId = coaching();
		const { json, error } = await runAction(fake(), {
			resource: 'product',
			operation: 'getMany',
			returnAll: true,
			filters: { search: 'coaching', orderColumn: 'name', orderBy: 'asc' },
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{
				method: 'GET',
				path: '/v1/products',
				query: { search: 'coaching', orderColumn: 'name', orderBy: 'asc', page: '0', limit: '200' },
				body: undefined,
			},
		]);
		expect(json).toEqual([expect.objectContaining({ id: productId, deals: 0 })]);
	});
});
