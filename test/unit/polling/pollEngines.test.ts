import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import { PollWorkflow } from '../../harness/pollWorkflow';
import { CallActions, ids, pollingWorkflow, startFake } from './support';

/**
 * Issue 18, points 3 and 13: one poll at a time per node, a poll that ends within its budget, and the
 * durable engine's rules (the harness models both engines from n8n's code: harness/pollWorkflow.ts).
 */
describe('iClosed Polling Trigger: two polls of one node at once', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('classic engine: a poll started while the last one still reads (slow answers) emits nothing twice and loses nothing', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created', 'call.booked'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const made = Array.from({ length: 30 }, (_, i) => fake.state.addContact({ email: `slow${i}@example.com` }).id);
		fake.injectFault('GET /v1/contacts', { kind: 'delay', ms: 600, times: 1 });
		const [a, b] = await Promise.all([wf.poll(), wf.poll()]);
		const later = (await wf.poll()).items;
		const all = ids([...a.items, ...b.items, ...later]);
		expect(all).toEqual(made);
	});

	it('durable engine: two occurrences at once, or one handed the state from before the last commit, emit nothing twice', async () => {
		const wf = new PollWorkflow({ parameters: { events: ['contact.created'] }, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl }, engine: 'durable' });
		await wf.activate();
		expect((await wf.poll()).items).toEqual([]);
		fake.clock.advance(60_000);
		const made = Array.from({ length: 20 }, (_, i) => fake.state.addContact({ email: `d${i}@example.com` }).id);
		// Both read their state before either commits; the first finishes before the second starts.
		const first = wf.pendingPoll();
		const second = wf.pendingPoll();
		const one = await first.run();
		const two = await second.run();
		// And two that run side by side.
		fake.clock.advance(60_000);
		const more = Array.from({ length: 5 }, (_, i) => fake.state.addContact({ email: `e${i}@example.com` }).id);
		const [three, four] = await Promise.all([wf.pendingPoll().run(), wf.pendingPoll().run()]);
		const five = await wf.poll();
		expect(ids([...one.items, ...two.items])).toEqual(made);
		expect(ids([...three.items, ...four.items, ...five.items])).toEqual(more);
	});
});

describe('iClosed Polling Trigger: a poll ends within its budget', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('stops fetching when n8n says its time is up (getPollBudgetMs), returns what it has, and the next poll goes on', async () => {
		const wf = new PollWorkflow({ parameters: { events: ['contact.created'] }, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl }, engine: 'durable', budgetMs: 5_000 });
		await wf.activate();
		fake.clock.advance(60_000);
		const made = Array.from({ length: 1200 }, (_, i) => {
			fake.clock.advance(5);
			return fake.state.addContact({ email: `b${i}@example.com` }).id;
		});
		// Each answer takes 700 ms: 5 s cannot read 13 pages.
		fake.injectFault('GET /v1/contacts', { kind: 'delay', ms: 700 });
		const started = Date.now();
		const first = await wf.poll();
		const took = Date.now() - started;
		expect(first.error).toBeUndefined();
		expect(took).toBeLessThan(5_000);
		expect(first.items.length).toBeGreaterThan(0);
		expect(first.items.length).toBeLessThan(made.length);
		const seen = [...first.items];
		for (let i = 0; i < 6 && seen.length < made.length; i++) seen.push(...(await wf.poll()).items);
		expect(ids(seen).sort()).toEqual([...made].sort());
		expect(new Set(ids(seen)).size).toBe(made.length);
	}, 60_000);
});

describe('iClosed Polling Trigger: the durable engine', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	const durable = (parameters: INodeParameters) =>
		new PollWorkflow({ parameters, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl }, engine: 'durable' });

	it('does not lose the first changes after publishing, though n8n drops the publish poll\'s state', async () => {
		fake.state.addContact({ email: 'history@example.com' });
		const wf = durable({ events: ['contact.created', 'call.booked'] });
		expect(await wf.activate()).toEqual([]);
		fake.clock.advance(30_000);
		const burst = Array.from({ length: 150 }, (_, i) => fake.state.addContact({ email: `burst${i}@example.com` }).id);
		expect(ids((await wf.poll()).items)).toEqual(burst);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('emits each change made while n8n was down once after the restart', async () => {
		const wf = durable({ events: ['contact.created'] });
		await wf.activate();
		await wf.poll();
		fake.clock.advance(5 * 60_000);
		const whileDown = Array.from({ length: 12 }, (_, i) => fake.state.addContact({ email: `down${i}@example.com` }).id);
		const restarted = wf.restart();
		// At boot a missed occurrence and the next one may both fire, on the same committed state.
		const late = restarted.pendingPoll();
		const next = restarted.pendingPoll();
		const seen = [...(await late.run()).items, ...(await next.run()).items, ...(await restarted.poll()).items];
		expect(ids(seen)).toEqual(whileDown);
	});

	it('re-publishing with an added event keeps the first changes of that event too', async () => {
		const wf = durable({ events: ['contact.created'] });
		await wf.activate();
		await wf.poll();
		const edited = wf.restart({ parameters: { events: ['contact.created', 'call.booked'], filters: {} } });
		expect(await edited.activate()).toEqual([]);
		fake.clock.advance(60_000);
		const contact = fake.state.addContact({ email: 'after-edit@example.com' }).id;
		const call = await new CallActions(fake).book('booked-after-edit@example.com');
		const items = (await edited.poll()).items;
		expect(items.map((i) => [i.event, i.event === 'call.booked' ? (i.call as IDataObject).id : ids([i])[0]])).toEqual([
			['contact.created', contact],
			['contact.created', fake.state.call(call)?.contactId],
			['call.booked', call],
		]);
	});
});
