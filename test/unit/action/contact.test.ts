import { NOW, byId, byMode, fromList, runAction, seedAccount, sent, useFakeIClosed } from './support';

describe('Contact', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	describe('Get Many', () => {
		it('sends every filter as an iClosed query parameter and returns one item per contact', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'getMany',
				limit: 5,
				filters: {
					search: 'ada',
					userId: fromList(seed.closer.id),
					statuses: ['POTENTIAL', 'QUALIFIED'],
					eventIds: '12, 15',
					timeFrom: '2020-01-01T00:00:00+02:00',
					timeTo: 1893456000,
					orderColumn: 'id',
					orderBy: 'desc',
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'GET',
					path: '/v1/contacts',
					query: {
						search: 'ada',
						userId: String(seed.closer.id),
						statuses: 'POTENTIAL,QUALIFIED',
						eventIds: '12,15',
						timeFrom: '2019-12-31T22:00:00.000Z',
						timeTo: '2030-01-01T00:00:00.000Z',
						orderColumn: 'id',
						orderBy: 'desc',
						page: '0',
						limit: '5',
					},
					body: undefined,
				},
			]);
			// eventIds 12/15 do not exist in the fake account: nothing matches.
			expect(json).toEqual([]);
		});

		it('returns the matching contacts, unwrapped from data.contacts', async () => {
			const { json } = await runAction(fake(), { resource: 'contact', operation: 'getMany', filters: { search: 'lovelace' } });
			expect(json).toEqual([expect.objectContaining({ id: seed.contact.id, email: 'ada@example.com' })]);
		});
	});

	describe('Get', () => {
		it('reads one contact by numeric ID and unwraps it', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'get',
				contactId: byId(seed.contact.id),
				options: { includeUtms: true },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/contacts/detail', query: { contactId: String(seed.contact.id), includeUtms: 'true' }, body: undefined },
			]);
			expect(json).toEqual([expect.objectContaining({ id: seed.contact.id, email: 'ada@example.com' })]);
		});

		it('returns the raw body with Simplify off', async () => {
			const { json } = await runAction(fake(), {
				resource: 'contact',
				operation: 'get',
				contactId: byId(seed.contact.id),
				simplify: false,
			});
			expect(json).toEqual([{ data: expect.objectContaining({ id: seed.contact.id }) }]);
		});

		it('finds a contact from its app URL (the contact_… preview ID)', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'get',
				contactId: byMode('url', `https://app.iclosed.io/app/contacts?preview=${seed.contact.previewId}`),
			});
			expect(error).toBeUndefined();
			expect(json).toEqual([expect.objectContaining({ id: seed.contact.id })]);
			expect(sent(fake()).at(-1)).toMatchObject({ path: '/v1/contacts/detail', query: { contactId: String(seed.contact.id) } });
		});

		it('finds a contact without calls from its preview ID by scanning the contact list', async () => {
			const loner = fake().state.addContact({ email: 'loner@example.com' });
			const { json, error } = await runAction(fake(), { resource: 'contact', operation: 'get', contactId: byId(loner.previewId) });
			expect(error).toBeUndefined();
			expect(json).toEqual([expect.objectContaining({ id: loner.id })]);
			expect(sent(fake()).map((r) => r.path)).toEqual(['/v1/eventCalls', '/v1/contacts', '/v1/contacts/detail']);
		});

		it('asks again with `id` when iClosed wants that instead of `contactId` (§6.11)', async () => {
			fake().setVariants({ contactDetailParam: 'id' });
			try {
				const { json, error } = await runAction(fake(), { resource: 'contact', operation: 'get', contactId: byId(seed.contact.id) });
				expect(error).toBeUndefined();
				expect(json).toEqual([expect.objectContaining({ id: seed.contact.id })]);
				expect(sent(fake()).map((r) => r.query)).toEqual([{ contactId: String(seed.contact.id) }, { id: String(seed.contact.id) }]);
			} finally {
				fake().setVariants({ contactDetailParam: 'contactId' });
			}
		});
		it('asks once, without a retry, when the answer is about something else (404)', async () => {
			const { error } = await runAction(fake(), { resource: 'contact', operation: 'get', contactId: byId(999999) });
			expect(error?.httpCode).toBe('404');
			expect(sent(fake())).toHaveLength(1);
		});

		it('reports iClosed’s answer to `id` when that is the parameter it wanted (§6.11)', async () => {
			fake().setVariants({ contactDetailParam: 'id' });
			try {
				const { error } = await runAction(fake(), { resource: 'contact', operation: 'get', contactId: byId(999999) });
				expect(fake().requests.map((r) => [r.query, r.status])).toEqual([
					[{ contactId: '999999' }, 400],
					[{ id: '999999' }, 404],
				]);
				expect(error?.httpCode).toBe('404');
			} finally {
				fake().setVariants({ contactDetailParam: 'contactId' });
			}
		});
	});

	describe('Create', () => {
		it('sends the contact in the body, dates as UTC and the event as its link prefix', async () => {
			const { json, error } = await runAction(
				fake(),
				{
					resource: 'contact',
					operation: 'create',
					email: 'grace@example.com',
					additionalFields: {
						firstName: 'Grace',
						lastName: 'Hopper',
						phoneNumber: '+1 (415) 555-0123',
						status: 'QUALIFIED',
						tag: 'webinar',
						joinedTime: '2026-03-01 09:30',
						eventId: fromList(seed.event.id),
						utm: 'utm_source=google',
						country: 'US',
						timeZone: 'America/New_York',
						ipAddress: '203.0.113.7',
						referrerUrl: 'https://example.com/landing',
					},
				},
				{ timezone: 'Europe/Berlin' },
			);
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/events/detail', query: { id: String(seed.event.id) }, body: undefined },
				{
					method: 'POST',
					path: '/v1/contacts',
					query: {},
					body: {
						email: 'grace@example.com',
						firstName: 'Grace',
						lastName: 'Hopper',
						phoneNumber: '+14155550123',
						status: 'QUALIFIED',
						tag: 'webinar',
						joinedTime: '2026-03-01T08:30:00.000Z',
						linkPrefix: 'ava/strategy-call',
						utm: 'utm_source=google',
						country: 'US',
						timeZone: 'America/New_York',
						ipAddress: '203.0.113.7',
						referrerUrl: 'https://example.com/landing',
					},
				},
			]);
			expect(json).toEqual([expect.objectContaining({ email: 'grace@example.com', firstName: 'Grace', id: expect.any(Number) })]);
		});

		it('refuses a contact with neither email nor phone before sending anything', async () => {
			const { error } = await runAction(fake(), { resource: 'contact', operation: 'create', email: '' });
			expect(error?.message).toBe('Email or Phone Number is required');
			expect(fake().requests).toHaveLength(0);
		});
	});

	describe('Update', () => {
		it('puts the changed fields with the contact ID as `id`', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'update',
				contactId: byId(seed.contact.id),
				additionalFields: {
					firstName: 'Augusta Ada',
					secondary_email: 'ada@analytical.example.com',
					secondary_phoneNumber: '+44 20 7946 0000',
					status: 'DISQUALIFIED',
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'PUT',
					path: '/v1/contacts',
					query: {},
					body: {
						id: seed.contact.id,
						firstName: 'Augusta Ada',
						secondary_email: 'ada@analytical.example.com',
						secondary_phoneNumber: '+442079460000',
						status: 'DISQUALIFIED',
					},
				},
			]);
			expect(json).toEqual([expect.objectContaining({ id: seed.contact.id, firstName: 'Augusta Ada', status: 'DISQUALIFIED' })]);
		});
	});

	describe('Notes', () => {
		it('Add Note posts the note and returns iClosed’s confirmation', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'addNote',
				contactId: byId(seed.contact.id),
				note: '<p>Asked about pricing</p>',
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'POST', path: '/v1/contacts/notes', query: {}, body: { contactId: seed.contact.id, note: '<p>Asked about pricing</p>' } },
			]);
			expect(json).toEqual([{ message: 'Note added successfully', status: 201 }]);
		});

		it('Get Notes lists the contact’s notes, one item each', async () => {
			fake().state.addNote(seed.contact.id, '<p>Asked about pricing</p>');
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'getNotes',
				contactId: byId(seed.contact.id),
				returnAll: true,
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/contacts/notes', query: { contactId: String(seed.contact.id), page: '0', limit: '100' }, body: undefined },
			]);
			expect(json).toEqual([expect.objectContaining({ contactId: seed.contact.id, note: '<p>Asked about pricing</p>' })]);
		});
	});

	describe('Get Journey', () => {
		it('lists the contact’s timeline, filtered by user', async () => {
			fake().state.addNote(seed.contact.id, '<p>Asked about pricing</p>');
			const { json, error } = await runAction(fake(), {
				resource: 'contact',
				operation: 'getJourney',
				contactId: byId(seed.contact.id),
				limit: 10,
				filters: { userId: byId(seed.closer.id) },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'GET',
					path: '/v1/contacts/journey',
					query: { contactId: String(seed.contact.id), userId: String(seed.closer.id), page: '0', limit: '10' },
					body: undefined,
				},
			]);
			expect(json.map((e) => e.type)).toEqual(expect.arrayContaining(['CONTACT_CREATED', 'NOTE_ADDED', 'CALL_SCHEDULED']));
		});
	});
});
