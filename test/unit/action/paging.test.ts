import { NOW, runAction, useFakeIClosed } from './support';

/** Return All and Limit on a Get Many, through the shared transport's page loop (§1.5). */
describe('Get Many paging', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	beforeEach(() => fake().addContacts(250));
	afterEach(() => fake().setRateLimit(null));

	const pages = () => fake().requests.map((r) => [r.query.page, r.query.limit, r.status]);

	it('Return All reads every page at the endpoint’s maximum size', async () => {
		const { json, error } = await runAction(fake(), { resource: 'contact', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(pages()).toEqual([
			['0', '100', 200],
			['1', '100', 200],
			['2', '100', 200],
		]);
		expect(json).toHaveLength(250);
		expect(new Set(json.map((c) => c.id)).size).toBe(250);
	});

	it('Limit across a page boundary asks for no more pages than needed', async () => {
		const { json } = await runAction(fake(), { resource: 'contact', operation: 'getMany', limit: 150 });
		// Pages of min(limit, 100): the second page completes the 150.
		expect(pages()).toEqual([
			['0', '100', 200],
			['1', '100', 200],
		]);
		expect(json).toHaveLength(150);
	});

	it('Limit defaults to 50', async () => {
		const { json } = await runAction(fake(), { resource: 'contact', operation: 'getMany' });
		expect(pages()).toEqual([['0', '50', 200]]);
		expect(json).toHaveLength(50);
	});

	it('waits out a 429 in the middle of paging and carries on without gaps or duplicates', async () => {
		fake().setRateLimit({ points: 2, windowSec: 1, retryAfterHeader: true }, 'GET /v1/contacts');
		const { json, error } = await runAction(fake(), { resource: 'contact', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(pages()).toEqual([
			['0', '100', 200],
			['1', '100', 200],
			['2', '100', 429],
			['2', '100', 200],
		]);
		expect(new Set(json.map((c) => c.id)).size).toBe(250);
	});

	it('an empty result gives no items and no error', async () => {
		const { json, error, items } = await runAction(fake(), {
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			filters: { search: 'nobody-has-this-name' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(json).toEqual([]);
		expect(pages()).toEqual([['0', '100', 200]]);
	});

	it('pages deals with the larger 200 page size', async () => {
		const { json } = await runAction(fake(), { resource: 'deal', operation: 'getMany', returnAll: true });
		expect(pages()).toEqual([['0', '200', 200]]);
		expect(json).toEqual([]);
	});
});
