// Faults injected by the fake iClosed while the action node books calls and writes many items: a
// booking is never sent twice and says whether it may exist, no item is silently dropped, no secret
// leaks. The test that waits out the 30 s timeout runs only in `npm run test:robustness`.
import { sleep } from 'n8n-workflow';

import type { Fault } from '../fake-iclosed';
import { FaultWorld, RUN_SLOW_FAULTS, SLOWER_THAN_TIMEOUT_MS } from './support/faultWorld';

const itFull = RUN_SLOW_FAULTS ? it : it.skip;

describe('faults on bookings and batches', () => {
	const world = new FaultWorld();
	const w = () => world;
	beforeAll(async () => await world.start());
	beforeEach(() => world.reset());
	afterAll(async () => await world.close());

	describe('a booking is never sent twice', () => {
		const book = (start: string, email = 'invitee@example.com') =>
			w().run({
				resource: 'call',
				operation: 'book',
				eventId: { __rl: true, mode: 'id', value: String(w().booking.eventId) },
				dateTime: start,
				timeZone: 'America/New_York',
				additionalFields: { email },
			});
		it.each<[string, Fault, 0 | 1]>([
			['a 500', { kind: 'status', status: 500, times: 1 }, 0],
			['a 503', { kind: 'status', status: 503, times: 1 }, 0],
			['a dropped connection', { kind: 'reset', times: 1 }, 0],
			[
				'a connection dropped after the booking was saved',
				{ kind: 'resetAfterCommit', times: 1 },
				1,
			],
		])('after %s: one request, "may or may not have been booked"', async (_name, fault, saved) => {
			const start = w().booking.nextSlot();
			w().fake.injectFault('POST /v1/eventCalls', fault);
			const { error } = await book(start);
			expect(error?.message).toMatch(/^The call may or may not have been booked/);
			expect(error?.description).toMatch(/before running this again/);
			expect(w().hits('POST', '/v1/eventCalls')).toHaveLength(1);
			expect(w().callsAt(start)).toHaveLength(saved);
		});

		it('after a refusal (400): one request, "was not booked"', async () => {
			const start = w().booking.nextSlot();
			w().fake.injectFault('POST /v1/eventCalls', {
				kind: 'status',
				status: 400,
				body: { message: 'Invalid request', errors: { dateTime: ['Slot taken'] } },
				times: 1,
			});
			const { error } = await book(start);
			expect(error?.message).toMatch(/^The call was not booked/);
			expect(w().hits('POST', '/v1/eventCalls')).toHaveLength(1);
			expect(w().callsAt(start)).toHaveLength(0);
		});

		it('after a burst of 429s: retried (iClosed did nothing) and booked exactly once', async () => {
			const start = w().booking.nextSlot();
			w().fake.injectFault('POST /v1/eventCalls', {
				kind: 'status',
				status: 429,
				body: { retryAfter: 0 },
				times: 4,
			});
			const { error } = await book(start);
			expect(error).toBeUndefined();
			expect(
				w()
					.hits('POST', '/v1/eventCalls')
					.map((r) => r.status),
			).toEqual([429, 429, 429, 429, 201]);
			expect(w().callsAt(start)).toHaveLength(1);
		});

		itFull(
			'slower than the timeout: one request, "may or may not have been booked", and it was',
			async () => {
				const start = w().booking.nextSlot();
				w().fake.injectFault('POST /v1/eventCalls', {
					kind: 'delay',
					ms: SLOWER_THAN_TIMEOUT_MS,
					times: 1,
				});
				const { error } = await book(start);
				expect(error?.message).toMatch(/^The call may or may not have been booked/);
				await sleep(1500); // the fake saves once its delay is over
				expect(w().hits('POST', '/v1/eventCalls')).toHaveLength(1);
				expect(w().callsAt(start)).toHaveLength(1);
			},
			90_000,
		);
	});

	describe('no item is silently dropped', () => {
		it('Contact → Create over 6 items with a 500 on the first: 6 output items, the failed one an error paired to its input', async () => {
			w().fake.injectFault('POST /v1/contacts', { kind: 'status', status: 500, times: 1 });
			const items = Array.from({ length: 6 }, (_, i) => ({ email: `batch-${i}@example.com` }));
			const { items: out, error } = await w().run(
				{ resource: 'contact', operation: 'create', email: '={{ $json.email }}' },
				{ items, continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(out).toHaveLength(6);
			expect(out[0].json).toEqual({ error: expect.objectContaining({ statusCode: 500, message: expect.any(String) }) });
			expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3, 4, 5]);
			expect(out.slice(1).map((o) => o.json.email)).toEqual(items.slice(1).map((i) => i.email));
		});

		it('Call → Book over 4 items with a dropped connection on the second: 4 output items, 3 calls booked, none twice', async () => {
			const starts = [
				w().booking.nextSlot(),
				w().booking.nextSlot(),
				w().booking.nextSlot(),
				w().booking.nextSlot(),
			];
			const items = starts.map((start, i) => ({ start, email: `guest-${i}@example.com` }));
			// The first booking goes through, the second is dropped before iClosed saw it.
			w().fake.injectFault('POST /v1/eventCalls', { kind: 'delay', ms: 0, times: 1 });
			w().fake.injectFault('POST /v1/eventCalls', { kind: 'reset', times: 1 });
			const { items: out, error } = await w().run(
				{
					resource: 'call',
					operation: 'book',
					eventId: { __rl: true, mode: 'id', value: String(w().booking.eventId) },
					dateTime: '={{ $json.start }}',
					timeZone: 'America/New_York',
					additionalFields: { email: '={{ $json.email }}' },
				},
				{ items, continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(out).toHaveLength(4);
			expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
			expect(String((out[1].json.error as { message?: string }).message)).toMatch(/^The call may or may not have been booked/);
			expect(w().hits('POST', '/v1/eventCalls')).toHaveLength(4);
			expect(starts.map((s) => w().callsAt(s).length)).toEqual([1, 0, 1, 1]);
		});

		it('without Continue On Fail, the run stops with an error naming the failed item', async () => {
			w().fake.injectFault('POST /v1/contacts', { kind: 'status', status: 500, times: 1 });
			const items = [{ email: 'stop-0@example.com' }, { email: 'stop-1@example.com' }];
			const { error } = await w().run(
				{ resource: 'contact', operation: 'create', email: '={{ $json.email }}' },
				{ items },
			);
			expect(error).toBeDefined();
			expect(error?.context?.itemIndex).toBe(0);
		});
	});

	it('shows the API key in no output item, error or log line of these runs', () => {
		expect(w().leaks()).toEqual([]);
	});
});
