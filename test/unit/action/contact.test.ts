import { byId, byMode, runAction, sent, useFakeIClosed } from './support';

describe('Contact', () => {
	const fake = useFakeIClosed();

	describe('Get Many', () => {
		it('lists contacts with the filters as iClosed query parameters', async () => {
			const f = fake();
			const ada = f.state.addContact({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
			const { json, error } = await runAction(f, {
				resource: 'contact',
				operation: 'getMany',
				limit: 5,
				filters: {
					search: 'ada',
					statuses: ['POTENTIAL', 'QUALIFIED'],
					eventIds: '12, 15',
					timeFrom: '2020-01-01T00:00:00+02:00',
					orderColumn: 'id',
					orderBy: 'desc',
				},
			});
			expect(error).toBeUndefined();
			expect(sent(f)).toEqual([
				{
					method: 'GET',
					path: '/v1/contacts',
					query: {
						search: 'ada',
						statuses: 'POTENTIAL,QUALIFIED',
						eventIds: '12,15',
						timeFrom: '2019-12-31T22:00:00.000Z',
						orderColumn: 'id',
						orderBy: 'desc',
						page: '0',
						limit: '5',
					},
					body: undefined,
				},
			]);
			expect(json).toEqual([]);
			void ada;
		});
	});

	describe('Get', () => {
		it('reads one contact by numeric ID and unwraps it', async () => {
			const f = fake();
			const ada = f.state.addContact({ firstName: 'Ada', email: 'ada@example.com' });
			const { json, error } = await runAction(f, {
				resource: 'contact',
				operation: 'get',
				contactId: byId(ada.id),
				options: { includeUtms: true },
			});
			expect(error).toBeUndefined();
			expect(sent(f)).toEqual([
				{ method: 'GET', path: '/v1/contacts/detail', query: { contactId: String(ada.id), includeUtms: 'true' }, body: undefined },
			]);
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ id: ada.id, email: 'ada@example.com' });
		});

		it('finds a contact from its app URL (preview ID)', async () => {
			const f = fake();
			const ada = f.state.addContact({ firstName: 'Ada', email: 'ada2@example.com' });
			const { json, error } = await runAction(f, {
				resource: 'contact',
				operation: 'get',
				contactId: byMode('url', `https://app.iclosed.io/app/contacts?preview=${ada.previewId}`),
			});
			expect(error).toBeUndefined();
			expect(json[0]).toMatchObject({ id: ada.id });
			expect(sent(f).at(-1)).toMatchObject({ path: '/v1/contacts/detail', query: { contactId: String(ada.id) } });
		});
	});
});
