// Faults injected by the fake iClosed while the action node runs in n8n's engine, on reads and plain
// writes: reads recover (5xx, dropped connections, answers slower than the 30 s timeout, bursts of 429),
// writes fail clearly and are never repeated, no secret leaks. The tests that wait out the timeout run
// only in `npm run test:robustness` (ICLOSED_ROBUSTNESS_FULL=1).
import type { Fault } from '../fake-iclosed';
import { FaultWorld, RUN_SLOW_FAULTS, SLOWER_THAN_TIMEOUT_MS } from './support/faultWorld';

const itFull = RUN_SLOW_FAULTS ? it : it.skip;

describe('faults on reads and writes', () => {
	const world = new FaultWorld();
	const w = () => world;
	beforeAll(async () => await world.start());
	beforeEach(() => world.reset());
	afterAll(async () => await world.close());

	describe('reads recover', () => {
		const readAll = () => w().run({ resource: 'contact', operation: 'getMany', returnAll: true });

		async function expectEveryContact(fault?: Fault) {
			if (fault) w().fake.injectFault('GET /v1/contacts', fault);
			const { items, error } = await readAll();
			expect(error).toBeUndefined();
			expect(new Set(items.map((i) => i.json.id)).size).toBe(w().fake.state.contacts.length);
			expect(items).toHaveLength(w().fake.state.contacts.length);
		}

		it('after a 500', async () =>
			await expectEveryContact({ kind: 'status', status: 500, times: 1 }));
		it('after a dropped connection', async () =>
			await expectEveryContact({ kind: 'reset', times: 1 }));
		it('after a burst of five 429s', async () => {
			await expectEveryContact({
				kind: 'status',
				status: 429,
				body: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 0 },
				times: 5,
			});
			expect(
				w()
					.hits('GET', '/v1/contacts')
					.filter((r) => r.status === 429),
			).toHaveLength(5);
		});
		it('under a tight rate limit (2 requests per second), reading each page once', async () => {
			w().fake.setRateLimit({ points: 2, windowSec: 1 }, 'GET /v1/contacts');
			try {
				await expectEveryContact();
				expect(
					w()
						.hits('GET', '/v1/contacts')
						.filter((r) => r.status === 200),
				).toHaveLength(3);
			} finally {
				w().fake.setRateLimit(null, 'GET /v1/contacts');
			}
		});
		itFull(
			'after two 502s in a row',
			async () => await expectEveryContact({ kind: 'status', status: 502, times: 2 }),
		);
		itFull(
			'after two dropped connections in a row',
			async () => await expectEveryContact({ kind: 'reset', times: 2 }),
		);
		itFull(
			'after an answer slower than the timeout',
			async () => await expectEveryContact({ kind: 'delay', ms: SLOWER_THAN_TIMEOUT_MS, times: 1 }),
			90_000,
		);
		itFull('and fail clearly, naming the status, when iClosed keeps failing', async () => {
			w().fake.injectFault('GET /v1/contacts', { kind: 'status', status: 503, times: 10 });
			const { error, items } = await readAll();
			expect(items).toHaveLength(0);
			expect(error?.httpCode).toBe('503');
			expect(w().hits('GET', '/v1/contacts')).toHaveLength(3);
		});
	});

	describe('writes fail clearly and are never repeated', () => {
		const create = (email: string) => w().run({ resource: 'contact', operation: 'create', email });

		it.each<[string, Fault, RegExp]>([
			['a 500', { kind: 'status', status: 500, times: 1 }, /may or may not have been saved/],
			['a dropped connection', { kind: 'reset', times: 1 }, /may or may not have been carried out/],
			[
				'a connection dropped after iClosed saved it',
				{ kind: 'resetAfterCommit', times: 1 },
				/may or may not have been carried out/,
			],
		])(
			'Contact → Create after %s: one request, an error that says to check iClosed',
			async (_name, fault, says) => {
				w().fake.injectFault('POST /v1/contacts', fault);
				const email = `write-${fault.kind}@example.com`;
				const { error } = await create(email);
				expect(error).toBeDefined();
				expect(`${error?.message} ${error?.description}`).toMatch(says);
				expect(w().hits('POST', '/v1/contacts')).toHaveLength(1);
				expect(w().fake.state.contacts.filter((c) => c.email === email)).toHaveLength(
					fault.kind === 'resetAfterCommit' ? 1 : 0,
				);
			},
		);

		it('Contact → Create after three 429s: retried, saved exactly once', async () => {
			w().fake.injectFault('POST /v1/contacts', {
				kind: 'status',
				status: 429,
				body: { retryAfter: 0 },
				times: 3,
			});
			const { error } = await create('write-429@example.com');
			expect(error).toBeUndefined();
			expect(
				w()
					.hits('POST', '/v1/contacts')
					.map((r) => r.status),
			).toEqual([429, 429, 429, 201]);
			expect(
				w().fake.state.contacts.filter((c) => c.email === 'write-429@example.com'),
			).toHaveLength(1);
		});

		itFull(
			'Contact → Create slower than the timeout: one request, an error that says to check iClosed',
			async () => {
				w().fake.injectFault('POST /v1/contacts', {
					kind: 'delay',
					ms: SLOWER_THAN_TIMEOUT_MS,
					times: 1,
				});
				const { error } = await create('write-slow@example.com');
				expect(`${error?.message} ${error?.description}`).toMatch(
					/no answer before the timeout[\s\S]*may or may not have been carried out/,
				);
				expect(w().hits('POST', '/v1/contacts')).toHaveLength(1);
			},
			90_000,
		);
	});

	it('shows the API key in no output item, error or log line of these runs', () => {
		expect(w().leaks()).toEqual([]);
	});
});
