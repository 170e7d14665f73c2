import { NOW, byId, runAction, sent, useFakeIClosed } from './support';

describe('User', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let ids: number[];
	beforeEach(() => {
		const { state } = fake();
		const ava = state.addUser({ firstName: 'Ava', lastName: 'Thompson', email: 'ava@acme.example.com' });
		const lukas = state.addUser({ firstName: 'Lukas', lastName: 'Becker', email: 'lukas@acme.example.com' });
		state.addAvailability(ava.id, 'America/New_York');
		state.addAvailability(lukas.id, 'Europe/Berlin');
		ids = [ava.id, lukas.id];
	});

	it('Get Many searches users and returns one item each', async () => {
		const { json, error } = await runAction(fake(), {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: { search: 'a', ids: ids.join(', ') },
		});
		expect(error).toBeUndefined();
		expect(sent(fake())).toEqual([
			{ method: 'GET', path: '/v1/users', query: { search: 'a', ids: ids.join(','), page: '0', limit: '100' }, body: undefined },
		]);
		expect(json.map((u) => u.id)).toEqual(ids);
	});

	it('Get Availabilities lists every schedule, or one user’s', async () => {
		const all = await runAction(fake(), { resource: 'user', operation: 'getAvailabilities', returnAll: true });
		expect(all.json.map((a) => a.timeZone)).toEqual(['America/New_York', 'Europe/Berlin']);
		fake().clearRequests();
		const one = await runAction(fake(), {
			resource: 'user',
			operation: 'getAvailabilities',
			returnAll: true,
			filters: { userId: byId(ids[1]) },
		});
		expect(sent(fake())).toEqual([{ method: 'GET', path: '/v1/userAvailabilities', query: { userId: String(ids[1]) }, body: undefined }]);
		expect(one.json).toEqual([expect.objectContaining({ userId: ids[1], timeZone: 'Europe/Berlin' })]);
	});

	it('Get Availabilities applies Limit to the unpaged list', async () => {
		const { json } = await runAction(fake(), { resource: 'user', operation: 'getAvailabilities', limit: 1 });
		expect(json).toHaveLength(1);
	});
});
