import type { IDataObject } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import { CallActions, ids, pollingWorkflow, startFake } from './support';

/**
 * Issue 18, points 7, 8, 10 and 11: a list that changes between two pages, deals and payments without
 * leaning on a field a list may lack, one event's lasting error, and errors that always reach n8n.
 */
describe('iClosed Polling Trigger: lists that change under a read', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('a record leaving the list between two pages of one poll costs no other record', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const made = Array.from({ length: 250 }, (_, i) => {
			fake.clock.advance(100);
			return fake.state.addContact({ email: `rank${i}@example.com` });
		});
		// After the first page was read, a contact on it is deleted: everything below moves up one place.
		fake.injectFault('GET /v1/contacts', {
			kind: 'before',
			times: 1,
			run: () =>
				fake.injectFault('GET /v1/contacts', {
					kind: 'before',
					times: 1,
					run: () => {
						made[240].deletedAt = fake.state.nowIso();
					},
				}),
		});
		const seen = ids((await wf.poll()).items);
		const survivors = made.filter((c, i) => i !== 240).map((c) => c.id);
		expect(seen.filter((id) => id !== made[240].id)).toEqual(survivors);
	});

	it('a rescheduled call cancelled out of the rescheduled list while a poll pages costs no other reschedule', async () => {
		const calls = new CallActions(fake);
		const booked: number[] = [];
		for (let i = 0; i < 130; i++) booked.push(await calls.book(`r${i}@example.com`));
		const wf = pollingWorkflow(fake, { events: ['call.rescheduled'] });
		await wf.activate();
		for (const id of booked) {
			fake.clock.advance(1_000);
			await calls.reschedule(id);
		}
		const leaving = booked[booked.length - 5];
		fake.injectFault('GET /v1/eventCalls', {
			kind: 'before',
			times: 1,
			run: () =>
				fake.injectFault('GET /v1/eventCalls', {
					kind: 'before',
					times: 1,
					run: () => {
						const call = fake.state.call(leaving);
						if (call) Object.assign(call, { status: 'CANCELLED', updatedAt: fake.state.nowIso() });
					},
				}),
		});
		const seen = (await wf.poll()).items.map((i) => (i.call as IDataObject).id);
		expect(seen.filter((id) => id !== leaving).sort()).toEqual(booked.filter((id) => id !== leaving).sort());
	}, 60_000);
});

describe('iClosed Polling Trigger: deals and payments', () => {
	let fake: FakeIClosed;
	afterEach(() => fake.close());

	it('a new deal dated in the past is deal.created; an old deal edited today is not', async () => {
		fake = await startFake();
		const old = fake.state.addDeal({ value: 100 });
		const wf = pollingWorkflow(fake, { events: ['deal.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		Object.assign(old, { value: 150, updatedAt: fake.state.nowIso() });
		const backdated = fake.state.addDeal({ value: 900, time: '2025-01-15T10:00:00.000Z' });
		expect((await wf.poll()).items.map((i) => i.id)).toEqual([backdated.id]);
		fake.clock.advance(60_000);
		expect((await wf.poll()).items).toEqual([]);
	});

	it.each([
		['without createdAt', { listsCarryCreatedAt: false }],
		['without createdAt or updatedAt', { listsCarryCreatedAt: false, listsCarryUpdatedAt: false }],
	])('deals from a list %s: a new deal dated in the past is deal.created, an old one edited today is not', async (_, variants) => {
		fake = await startFake({ variants });
		// The oldest of 250 deals: beyond any first page.
		const old = fake.state.addDeal({ value: 100 });
		for (let i = 0; i < 249; i++) fake.state.addDeal({ value: 200 + i });
		const wf = pollingWorkflow(fake, { events: ['deal.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		Object.assign(old, { value: 150, time: fake.state.nowIso(), updatedAt: fake.state.nowIso() });
		const backdated = fake.state.addDeal({ value: 900, time: '2025-01-15T10:00:00.000Z' });
		expect((await wf.poll()).items.map((i) => i.id)).toEqual([backdated.id]);
		fake.clock.advance(60_000);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('a payment list without createdAt fails loudly on every poll, naming the field, and pages nothing', async () => {
		fake = await startFake({ variants: { listsCarryCreatedAt: false } });
		for (let i = 0; i < 250; i++) fake.state.addTransaction({ value: i + 1 });
		const wf = pollingWorkflow(fake, { events: ['transaction.created'] });
		await wf.activate();
		expect(wf.errorExecutions[0]?.message).toMatch(/^transaction\.created: .*createdAt/);
		for (let i = 0; i < 3; i++) {
			fake.requests.length = 0;
			fake.clock.advance(60_000);
			fake.state.addTransaction({ value: 1000 + i });
			const { error, items } = await wf.poll();
			expect(items).toEqual([]);
			expect(error?.message).toMatch(/^transaction\.created: .*\/v1\/transactions.*createdAt/);
			expect(fake.requests.filter((r) => r.path === '/v1/transactions')).toHaveLength(1);
		}
	});
});

describe('iClosed Polling Trigger: errors', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('a lasting 403 on payments holds back neither calls nor contacts; payments report it every poll and keep their cursor', async () => {
		const calls = new CallActions(fake);
		const wf = pollingWorkflow(fake, { events: ['call.booked', 'contact.created', 'transaction.created'] });
		await wf.activate();
		fake.injectFault('GET /v1/transactions', { kind: 'status', status: 403, body: { message: 'Forbidden', code: 'FORBIDDEN' } });
		const payments = (wf.memory().iClosedPolling as IDataObject)['transaction.created'];
		for (let round = 0; round < 3; round++) {
			fake.clock.advance(60_000);
			const call = await calls.book(`b${round}@example.com`);
			const { items, error, reported } = await wf.poll();
			expect(error).toBeUndefined();
			expect(items.filter((i) => i.event === 'call.booked').map((i) => (i.call as IDataObject).id)).toEqual([call]);
			expect(items.filter((i) => i.event === 'contact.created')).toHaveLength(1);
			expect(reported.map((e) => e.message)).toEqual([expect.stringMatching(/^transaction\.created: .*403/)]);
			expect((wf.memory().iClosedPolling as IDataObject)['transaction.created']).toEqual(payments);
		}
		fake.clearFaults();
		fake.clock.advance(60_000);
		const paid = fake.state.addTransaction({ value: 500 });
		expect((await wf.poll()).items.map((i) => i.id)).toEqual([paid.id]);
	}, 30_000);

	it('when every event fails, the poll fails: an error execution with n8n\'s failure declaration (rate-limited, credential-invalid)', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created', 'call.booked'] });
		await wf.activate();
		fake.injectFault('*', { kind: 'status', status: 429, times: 2, body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests, please try again later.', retryAfter: 900, limit: { points: 20, windowSec: 10 } } });
		const limited = await wf.poll();
		expect(limited.error?.message).toMatch(/429/);
		expect(limited.error?.failure).toEqual(expect.objectContaining({ cause: 'rate-limited', retryAfterMs: 900_000 }));
		fake.injectFault('*', { kind: 'status', status: 401, times: 2, body: { message: 'Invalid API key' } });
		const wrongKey = await wf.poll();
		expect(wrongKey.error?.failure).toEqual({ cause: 'credential-invalid' });
		expect(wf.errorExecutions).toHaveLength(2);
		const next = await wf.poll();
		expect(next.error).toBeUndefined();
	}, 30_000);

	it('an unreadable list is an error that names what is missing, with a failure declaration of its own', async () => {
		fake.close();
		fake = await startFake({ variants: { listsCarryUpdatedAt: false } });
		fake.state.addContact({ email: 'known@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.updated'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const { error } = await wf.poll();
		expect(error?.message).toMatch(/^contact\.updated: .*\/v1\/contacts.*updatedAt/);
		expect(error?.failure).toEqual({ cause: 'configuration-invalid' });
	});
});
