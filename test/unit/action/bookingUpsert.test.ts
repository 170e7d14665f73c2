import { runAction, sent, useFakeIClosed } from './support';

describe('Contact → Create or Update', () => {
	const fake = useFakeIClosed();
	const upsert = (email: string, additionalFields = {}, extra = {}) => ({
		resource: 'contact',
		operation: 'upsert',
		email,
		additionalFields,
		...extra,
	});

	it('creates the contact when no contact has the email, after looking it up', async () => {
		const f = fake();
		const { json, error } = await runAction(f, upsert('new.lead@example.com', { firstName: 'Nia', phoneNumber: '+1 415 555 0100' }));
		expect(error).toBeUndefined();
		expect(sent(f)).toEqual([
			{ method: 'GET', path: '/v1/contacts', query: { search: 'new.lead@example.com', page: '0', limit: '100' }, body: undefined },
			{ method: 'POST', path: '/v1/contacts', query: {}, body: { email: 'new.lead@example.com', firstName: 'Nia', phoneNumber: '+14155550100' } },
		]);
		const created = f.state.contactByEmail('new.lead@example.com');
		expect(json).toEqual([expect.objectContaining({ id: created?.id, email: 'new.lead@example.com', firstName: 'Nia', action: 'created' })]);
	});

	it('updates the contact with that email (matched case-insensitively) with PUT, by its ID', async () => {
		const f = fake();
		const grace = f.state.addContact({ email: 'Grace.Hopper@Example.com', firstName: 'Grace', lastName: 'H' });
		const { json, error } = await runAction(f, upsert('grace.hopper@example.COM', { lastName: 'Hopper', status: 'QUALIFIED' }));
		expect(error).toBeUndefined();
		expect(sent(f)).toEqual([
			{ method: 'GET', path: '/v1/contacts', query: { search: 'grace.hopper@example.COM', page: '0', limit: '100' }, body: undefined },
			{ method: 'PUT', path: '/v1/contacts', query: {}, body: { id: grace.id, lastName: 'Hopper', status: 'QUALIFIED' } },
		]);
		expect(json).toEqual([expect.objectContaining({ id: grace.id, lastName: 'Hopper', status: 'QUALIFIED', action: 'updated' })]);
		// The email found the contact; it is not rewritten in another letter case.
		expect(f.state.contact(grace.id)?.email).toBe('Grace.Hopper@Example.com');
		expect(f.state.contacts.filter((c) => c.email?.toLowerCase() === 'grace.hopper@example.com')).toHaveLength(1);
	});

	it('does not take a contact whose email merely contains the one asked for', async () => {
		const f = fake();
		f.state.addContact({ email: 'joann@example.com', firstName: 'Joann' });
		const { json } = await runAction(f, upsert('ann@example.com'));
		expect(sent(f).map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(json[0]).toMatchObject({ email: 'ann@example.com', action: 'created' });
		expect(f.state.contactByEmail('joann@example.com')?.firstName).toBe('Joann');
	});

	it('names the fields an update cannot change instead of sending them', async () => {
		const f = fake();
		const lin = f.state.addContact({ email: 'lin@example.com', firstName: 'Lin' });
		const { json, error } = await runAction(f, upsert('lin@example.com', { firstName: 'Lin Y', tag: 'webinar', timeZone: 'Asia/Tokyo' }));
		expect(error).toBeUndefined();
		expect(sent(f)[1]).toEqual({ method: 'PUT', path: '/v1/contacts', query: {}, body: { id: lin.id, firstName: 'Lin Y' } });
		expect(json[0]).toMatchObject({ action: 'updated', fieldsNotUpdated: ['tag', 'timeZone'] });
	});

	it('returns iClosed’s answer plus the action when Simplify is off', async () => {
		const f = fake();
		const { json } = await runAction(f, upsert('raw@example.com', {}, { simplify: false }));
		expect(json).toEqual([{ data: { contact: expect.objectContaining({ email: 'raw@example.com' }) }, action: 'created' }]);
	});

	it('refuses a bad email before asking iClosed anything', async () => {
		const f = fake();
		const { error } = await runAction(f, upsert('not-an-email'));
		expect(error?.message).toMatch(/Email is not a valid email address/);
		expect(f.requests).toHaveLength(0);
	});
});
