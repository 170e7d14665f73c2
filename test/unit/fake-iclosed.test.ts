import { startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';
import { sleep } from '../fake-iclosed/faults';

describe('fake iClosed: auth (§1.2)', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({
			apiKeys: ['iclosed_good'],
			expiredKeys: ['iclosed_old'],
			noPlanKeys: ['iclosed_startup'],
		});
	});
	afterEach(() => fake.close());

	it('answers 401 "API key is required" without a header or with a key lacking the iclosed_ prefix', async () => {
		for (const key of [null, 'iclosed-good', 'good']) {
			const r = await callFake(fake, 'GET', '/v1/users', { key });
			expect(r.status).toBe(401);
			expect(r.body).toEqual({ message: 'API key is required' });
		}
		const basic = await callFake(fake, 'GET', '/v1/users', {
			key: null,
			headers: { authorization: 'Basic iclosed_good' },
		});
		expect(basic.status).toBe(401);
	});

	it('answers 401 "Invalid API key" for a well-formed unknown key', async () => {
		const r = await callFake(fake, 'GET', '/v1/users', { key: 'iclosed_unknown' });
		expect(r).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
	});

	it('answers 401 "API key expired" for an expired key', async () => {
		const r = await callFake(fake, 'GET', '/v1/users', { key: 'iclosed_old' });
		expect(r).toMatchObject({ status: 401, body: { message: 'API key expired' } });
	});

	it('answers 403 when the plan has no API access', async () => {
		const r = await callFake(fake, 'GET', '/v1/users', { key: 'iclosed_startup' });
		expect(r.status).toBe(403);
		expect(r.body).toEqual({ message: 'Your plan does not include API access', code: 'FORBIDDEN' });
	});

	it('accepts the valid key and exposes it as apiKey', async () => {
		expect(fake.apiKey).toBe('iclosed_good');
		const r = await callFake(fake, 'GET', '/v1/users');
		expect(r.status).toBe(200);
	});
});

describe('fake iClosed: envelopes, paging and records', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({ seed: 'demo' });
	});
	afterEach(() => fake.close());

	it('answers GET /v1/eventCalls with 201 and {data:{eventCalls,count}}', async () => {
		const r = await callFake(fake, 'GET', '/v1/eventCalls', { query: { limit: 3 } });
		expect(r.status).toBe(201);
		expect(r.body.data.count).toBe(fake.state.calls.length);
		expect(r.body.data.eventCalls).toHaveLength(3);
		expect(r.body.data.eventCalls[0]).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				dateTimeUTC: expect.stringMatching(/Z$/),
				callType: expect.any(String),
			}),
		);
	});

	it('uses each documented envelope', async () => {
		const contacts = await callFake(fake, 'GET', '/v1/contacts');
		expect(contacts.body.data).toEqual({ count: 25, contacts: expect.any(Array) });
		expect(contacts.body.data.contacts).toHaveLength(20); // default limit
		const users = await callFake(fake, 'GET', '/v1/users');
		expect(users.body.data).toEqual({ users: expect.any(Array), count: 3 });
		const events = await callFake(fake, 'GET', '/v1/events');
		expect(Array.isArray(events.body.data)).toBe(true);
		const deals = await callFake(fake, 'GET', '/v1/deals');
		expect(deals.body.data).toEqual({ count: 3, deals: expect.any(Array) });
		const products = await callFake(fake, 'GET', '/v1/products');
		expect(products.body.data).toEqual({ count: 3, products: expect.any(Array) });
		const tx = await callFake(fake, 'GET', '/v1/transactions');
		expect(tx.body).toEqual({ count: 5, data: expect.any(Array) });
		const stage = await callFake(fake, 'GET', '/v1/fields/contact-stage');
		expect(stage.body.data).toBeUndefined();
		expect(stage.body.identifier).toBe('contact_stage');
		expect(stage.body.CustomFieldOptions.map((o: { name: string }) => o.name)).toContain(
			'Qualified',
		);
		const fields = await callFake(fake, 'GET', '/v1/fields/objects', {
			query: { objectType: 'CONTACT', limit: 2 },
		});
		expect(fields.body).toEqual({ count: 3, data: expect.any(Array), hasMore: true, nextPage: 1 });
		const id = contacts.body.data.contacts[0].id;
		const notes = await callFake(fake, 'GET', '/v1/contacts/notes', { query: { contactId: id } });
		expect(notes.body).toEqual({ count: 2, data: expect.any(Array) });
		const detail = await callFake(fake, 'GET', '/v1/contacts/detail', { query: { contactId: id } });
		expect(detail.body.data.id).toBe(id);
	});

	it('pages from zero with count and stops on a short page', async () => {
		fake.addContacts(30);
		const total = fake.state.contacts.length;
		const seen: number[] = [];
		for (let page = 0; page < 10; page++) {
			const r = await callFake(fake, 'GET', '/v1/contacts', { query: { page, limit: 20 } });
			expect(r.body.data.count).toBe(total);
			seen.push(...r.body.data.contacts.map((c: { id: number }) => c.id));
			if (r.body.data.contacts.length < 20) break;
		}
		expect(seen).toEqual(fake.state.contacts.map((c) => c.id));
		expect(new Set(seen).size).toBe(total);
	});

	it('refuses a limit above the maximum (100; 200 for deals and products)', async () => {
		expect((await callFake(fake, 'GET', '/v1/contacts', { query: { limit: 100 } })).status).toBe(
			200,
		);
		const r = await callFake(fake, 'GET', '/v1/contacts', { query: { limit: 101 } });
		expect(r.status).toBe(400);
		expect(r.body.message.details.fieldErrors.limit).toBeDefined();
		expect((await callFake(fake, 'GET', '/v1/deals', { query: { limit: 200 } })).status).toBe(200);
		expect((await callFake(fake, 'GET', '/v1/products', { query: { limit: 201 } })).status).toBe(
			400,
		);
	});

	it('filters with CSV multi-values and search', async () => {
		const [a, b] = fake.state.calls;
		const r = await callFake(fake, 'GET', '/v1/eventCalls', { query: { ids: `${a.id},${b.id}` } });
		expect(r.body.data.eventCalls.map((c: { id: number }) => c.id)).toEqual([a.id, b.id]);
		const s = await callFake(fake, 'GET', '/v1/contacts', { query: { search: 'BENNETT' } });
		expect(s.body.data.contacts.map((c: { lastName: string }) => c.lastName)).toEqual(['Bennett']);
		const q = await callFake(fake, 'GET', '/v1/contacts', {
			query: { statuses: 'QUALIFIED,DISQUALIFIED' },
		});
		expect(
			q.body.data.contacts.every((c: { status: string }) =>
				['QUALIFIED', 'DISQUALIFIED'].includes(c.status),
			),
		).toBe(true);
		expect(q.body.data.count).toBeGreaterThan(0);
	});

	it('answers 404 {"message":"… not found"} for unknown ids', async () => {
		const r = await callFake(fake, 'GET', '/v1/contacts/detail', { query: { contactId: 1 } });
		expect(r).toMatchObject({ status: 404, body: { message: 'Contact not found' } });
		const c = await callFake(fake, 'PUT', '/v1/eventCalls/cancel', { body: { id: 42 } });
		expect(c).toMatchObject({ status: 404, body: { message: 'Event call not found' } });
		const d = await callFake(fake, 'DELETE', '/v1/transactions', { query: { id: 42 } });
		expect(d).toMatchObject({ status: 404, body: { message: 'Transaction not found' } });
	});

	it('answers 404 for a path that is not in the API', async () => {
		const r = await callFake(fake, 'GET', '/v1/contact');
		expect(r.status).toBe(404);
	});

	it('records every request with method, path, query, headers, body and status', async () => {
		fake.clearRequests();
		await callFake(fake, 'POST', '/v1/contacts', { query: { x: '1' }, body: { email: 'nope' } });
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/contacts',
			query: { x: '1' },
			body: { email: 'nope' },
			status: 400,
		});
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.apiKey}`);
	});
});

describe('fake iClosed: validation (zod-shaped 400)', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed();
	});
	afterEach(() => fake.close());

	it('rejects a bad email with iClosed’s zod shape', async () => {
		const r = await callFake(fake, 'POST', '/v1/contacts', { body: { email: 'not-an-email' } });
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			message: {
				status: 400,
				details: { formErrors: [], fieldErrors: { email: ['Invalid email format'] } },
				endpoint: '/v1/contacts',
				method: 'POST',
			},
		});
	});

	it('rejects a date-time with an offset instead of Z', async () => {
		const r = await callFake(fake, 'POST', '/v1/contacts', {
			body: { email: 'a@example.com', joinedTime: '2026-01-15T10:00:00+01:00' },
		});
		expect(r.status).toBe(400);
		expect(Object.keys(r.body.message.details.fieldErrors)).toEqual(['joinedTime']);
		const ok = await callFake(fake, 'POST', '/v1/contacts', {
			body: { email: 'a@example.com', joinedTime: '2026-01-15T10:00:00.000Z' },
		});
		expect(ok.status).toBe(201);
	});

	it('rejects an unknown time zone, empty strings, a bad phone, too-long names and unknown fields', async () => {
		const r = await callFake(fake, 'POST', '/v1/contacts', {
			body: {
				email: 'b@example.com',
				timeZone: 'Mars/Olympus',
				firstName: '',
				lastName: 'x'.repeat(26),
				phoneNumber: '555-1234',
				phone: '+1555',
			},
		});
		expect(r.status).toBe(400);
		const { fieldErrors, formErrors } = r.body.message.details;
		expect(Object.keys(fieldErrors).sort()).toEqual([
			'firstName',
			'lastName',
			'phoneNumber',
			'timeZone',
		]);
		expect(formErrors.join(' ')).toMatch(/phone/);
	});

	it('requires ints and enums', async () => {
		const r = await callFake(fake, 'PUT', '/v1/contacts', { body: { id: '12', status: 'HOT' } });
		expect(Object.keys(r.body.message.details.fieldErrors).sort()).toEqual(['id', 'status']);
	});

	it('answers the "standard validation" shape when the variant asks', async () => {
		fake.setVariants({ validationShape: 'standard' });
		try {
			const r = await callFake(fake, 'POST', '/v1/contacts', { body: { email: 'bad' } });
			expect(r.body).toEqual({
				message: 'Invalid request',
				errors: { email: ['Invalid email format'] },
			});
		} finally {
			fake.setVariants({ validationShape: 'zod' });
		}
	});

	it('upserts contacts on email', async () => {
		const first = await callFake(fake, 'POST', '/v1/contacts', {
			body: { email: 'Up@Example.com', firstName: 'Ann' },
		});
		const again = await callFake(fake, 'POST', '/v1/contacts', {
			body: { email: 'up@example.com', lastName: 'Lee' },
		});
		expect(again.status).toBe(200);
		expect(again.body.data.contact.id).toBe(first.body.data.contact.id);
		expect(again.body.data.contact).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
	});
});

describe('fake iClosed: rate limits (§1.3)', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({
			rateLimit: { points: 2, windowSec: 1, retryAfterHeader: true },
		});
	});
	afterEach(() => fake.close());

	it('answers 429 with retryAfter and Retry-After past the limit, per endpoint, then recovers', async () => {
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
		const limited = await callFake(fake, 'GET', '/v1/users');
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({
			code: 'RATE_LIMIT_EXCEEDED',
			message: 'Too many requests, please try again later.',
			retryAfter: 1,
			limit: { points: 2, windowSec: 1 },
		});
		expect(limited.headers.get('retry-after')).toBe('1');
		// Another endpoint (method + path) has its own budget.
		expect((await callFake(fake, 'GET', '/v1/products')).status).toBe(200);
		await sleep(1100);
		expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
	});

	it('does not execute a refused request', async () => {
		fake.setRateLimit({ points: 1, windowSec: 1 }, 'POST /v1/contacts');
		expect(
			(await callFake(fake, 'POST', '/v1/contacts', { body: { email: 'one@example.com' } })).status,
		).toBe(201);
		const r = await callFake(fake, 'POST', '/v1/contacts', { body: { email: 'two@example.com' } });
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBeNull();
		expect(fake.state.contactByEmail('two@example.com')).toBeUndefined();
		expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/contacts', status: 429 });
	});

	it('sends RateLimit-* or X-RateLimit-* headers when the variant asks', async () => {
		fake.setRateLimit({ points: 5, windowSec: 10 });
		fake.setVariants({ rateLimitHeaders: 'ratelimit' });
		const a = await callFake(fake, 'GET', '/v1/events');
		expect(a.headers.get('ratelimit-limit')).toBe('5');
		expect(a.headers.get('ratelimit-remaining')).toBe('4');
		expect(Date.parse(a.headers.get('ratelimit-reset') ?? '')).toBeGreaterThan(Date.now());
		fake.setVariants({ rateLimitHeaders: 'x-ratelimit' });
		const b = await callFake(fake, 'GET', '/v1/events');
		expect(b.headers.get('x-ratelimit-remaining')).toBe('3');
		fake.setVariants({ rateLimitHeaders: 'none' });
		expect(
			(await callFake(fake, 'GET', '/v1/events')).headers.get('x-ratelimit-remaining'),
		).toBeNull();
	});

	it('is off once set to null', async () => {
		fake.setRateLimit(null);
		for (let i = 0; i < 5; i++) expect((await callFake(fake, 'GET', '/v1/users')).status).toBe(200);
	});
});
