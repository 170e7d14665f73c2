import type { IDataObject } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import { PollWorkflow } from '../../harness/pollWorkflow';
import { CallActions, pollingWorkflow, requestsTo, startFake } from './support';

/** "What must hold" (issue 11): errors never move the cursor and say what to fix; what a poll costs. */
describe('iClosed Polling Trigger: errors', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake({ noPlanKeys: ['iclosed_startup_no_api'] });
	});
	afterEach(() => fake.close());

	const contactIds = (items: IDataObject[]) => items.map((i) => (i.contact as IDataObject).id);

	it('holds the failing event\'s cursor on an error in the middle of paging, reports it, and lets the other event through; the next poll catches up, nothing twice', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created', 'call.booked'] });
		await wf.activate();
		const before = JSON.stringify(wf.memory());
		fake.clock.advance(60_000);
		const created = Array.from({ length: 150 }, (_, i) => fake.state.addContact({ email: `e${i}@example.com` }).id);
		// Page 1 of contacts fails (after page 0 was read): a 500 the transport retries, then gives up.
		fake.injectFault('GET /v1/contacts', { kind: 'before', times: 1, run: () => fake.injectFault('GET /v1/contacts', { kind: 'status', status: 500, times: 3 }) });
		const failed = await wf.poll();
		expect(failed.error).toBeUndefined();
		expect(failed.reported).toHaveLength(1);
		expect(failed.reported[0].message).toMatch(/^contact\.created: iClosed answered 500/);
		expect(failed.reported[0].description).toMatch(/Nothing was lost/);
		expect(failed.items).toEqual([]);
		expect(JSON.stringify(wf.memory())).toBe(before);
		const next = await wf.poll();
		expect(next.error).toBeUndefined();
		expect(contactIds(next.items)).toEqual(created);
	}, 20_000);

	it('fails activation with what to fix: 403 (plan without API access), 401 (wrong key)', async () => {
		const noPlan = new PollWorkflow({ parameters: { events: ['call.booked'] }, credentials: { apiKey: 'iclosed_startup_no_api', baseUrl: fake.baseUrl } });
		await expect(noPlan.activate()).rejects.toMatchObject({
			message: expect.stringMatching(/^call\.booked: iClosed answered 403/),
			description: expect.stringMatching(/plan/),
		});
		const wrongKey = new PollWorkflow({ parameters: { events: ['call.booked'] }, credentials: { apiKey: 'iclosed_wrong', baseUrl: fake.baseUrl } });
		await expect(wrongKey.activate()).rejects.toMatchObject({
			message: expect.stringMatching(/401.*Invalid API key/),
			description: expect.stringMatching(/key is wrong or revoked/),
		});
	});

	it('reports a 429 it cannot wait out with the limit to respect, and catches up on the next poll', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const c = fake.state.addContact({ email: 'limited@example.com' });
		fake.injectFault('GET /v1/contacts', {
			kind: 'status',
			status: 429,
			times: 1,
			body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests, please try again later.', retryAfter: 600, limit: { points: 20, windowSec: 1 } },
		});
		const limited = await wf.poll();
		expect(limited.error?.message).toMatch(/429/);
		expect(limited.error?.description).toMatch(/20 per 10 seconds/);
		expect(contactIds((await wf.poll()).items)).toEqual([c.id]);
	});
});

describe('iClosed Polling Trigger: cost and static data', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('costs one GET per selected event when nothing changed, and leaves static data untouched', async () => {
		const calls = new CallActions(fake);
		for (let i = 0; i < 120; i++) fake.state.addContact({ email: `busy-${i}@example.com` });
		await calls.book('history@example.com');
		const events = ['contact.created', 'contact.updated', 'contact.status_changed', 'call.booked', 'call.cancelled', 'call.rescheduled', 'call.outcome_added', 'deal.created', 'transaction.created'];
		const wf = pollingWorkflow(fake, { events });
		await wf.activate();
		const saves = wf.saves;
		fake.clock.advance(60_000);
		fake.clearRequests();
		expect((await wf.poll()).items).toEqual([]);
		expect(fake.requests).toHaveLength(events.length);
		expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
		expect((wf.workflow.staticData as { __dataChanged?: boolean }).__dataChanged).not.toBe(true);
		expect(wf.saves).toBe(saves);
	});

	it('reads a bounded number of pages per poll and leaves the rest for the next, losing nothing', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const created = Array.from({ length: 4_500 }, (_, i) => fake.state.addContact({ email: `b${i}@example.com` }).id);
		const seen: unknown[] = [];
		const pagesPerPoll: number[] = [];
		for (let poll = 0; poll < 5; poll++) {
			fake.clearRequests();
			seen.push(...(await wf.poll()).items.map((i) => (i.contact as IDataObject).id));
			pagesPerPoll.push(requestsTo(fake, '/v1/contacts').length);
		}
		expect(Math.max(...pagesPerPoll)).toBeLessThanOrEqual(20);
		expect(new Set(seen).size).toBe(seen.length);
		expect([...seen].sort()).toEqual([...created].sort());
		expect(pagesPerPoll.at(-1)).toBe(1);
	}, 30_000);

	it('sends the filters iClosed can apply: call types, booking pages, outcomes, newest first', async () => {
		const wf = pollingWorkflow(fake, {
			events: ['call.booked', 'call.outcome_added'],
			filters: { callTypes: ['STRATEGY_EVENT'], bookingPages: ['7001'], outcomes: ['WON'] },
		});
		await wf.activate();
		const queries = requestsTo(fake, '/v1/eventCalls');
		expect(queries[0]).toMatchObject({ callTypes: 'STRATEGY_EVENT', eventIds: '7001', orderColumn: 'createdAt', orderBy: 'desc', page: '0' });
		expect(queries[1]).toMatchObject({ outcomes: 'WON', orderColumn: 'updatedAt', orderBy: 'desc' });
	});
});
