import type { IDataObject } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import { T0, ids, pollingWorkflow, startFake } from './support';

/**
 * Issue 18, points 1 and 2: what a user edits on a published workflow never replays history and never
 * drops a change (docs/polling-state-model.md, "Parameter edits").
 */
describe('iClosed Polling Trigger: Start From is a one-shot backfill', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	const contacts = (items: IDataObject[]) => ids(items);

	it('written as an expression ($now minus a day), delivers the backfill once, not on every poll', async () => {
		fake.clock.advance(-3 * 3600_000);
		const old = [1, 2, 3].map((i) => fake.state.addContact({ email: `old${i}@example.com` }).id);
		fake.clock.advance(3 * 3600_000);
		const wf = pollingWorkflow(fake, { events: ['contact.created'], options: { startFrom: '={{ $now.minus({ days: 1 }).toISO() }}' } });
		expect(contacts(await wf.activate())).toEqual(old);
		const later: number[] = [];
		for (let round = 0; round < 3; round++) {
			fake.clock.advance(60_000);
			later.push(fake.state.addContact({ email: `new${round}@example.com` }).id);
			expect(contacts((await wf.poll()).items)).toEqual([later[round]]);
		}
		// An n8n restart reads the expression again: still no replay.
		const restarted = wf.restart();
		expect(await restarted.activate()).toEqual([]);
		expect((await restarted.poll()).items).toEqual([]);
	});

	it('editing Start From, or the workflow time zone, on a published workflow replays nothing', async () => {
		fake.state.addContact({ email: 'history@example.com' });
		fake.clock.advance(60_000);
		const wf = pollingWorkflow(fake, { events: ['contact.created'], options: { startFrom: T0 } });
		expect(await wf.activate()).toHaveLength(1);
		const edited = wf.restart({ parameters: { events: ['contact.created'], options: { startFrom: new Date(Date.parse(T0) - 86_400_000).toISOString() } } });
		expect(await edited.activate()).toEqual([]);
		const moved = edited.restart({ timezone: 'Pacific/Kiritimati' });
		expect(await moved.activate()).toEqual([]);
		fake.clock.advance(60_000);
		const fresh = fake.state.addContact({ email: 'fresh@example.com' }).id;
		expect(contacts((await moved.poll()).items)).toEqual([fresh]);
	});

	it('clearing Start From keeps a change made since the last poll (it is not filed as history)', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'], options: { startFrom: T0 } });
		await wf.activate();
		fake.clock.advance(60_000);
		const made = fake.state.addContact({ email: 'between@example.com' }).id;
		// The user clears Start From and publishes again before the next poll.
		const cleared = wf.restart({ parameters: { events: ['contact.created'] } });
		const seen = [...(await cleared.activate()), ...(await cleared.poll()).items];
		expect(contacts(seen)).toEqual([made]);
	});
});

describe('iClosed Polling Trigger: Events and Filters edited on a published workflow', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('adding an event keeps the cursor of the one that stays; the new one starts from now', async () => {
		fake.state.addContact({ email: 'before-publish@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const pending = fake.state.addContact({ email: 'made-before-the-edit@example.com' }).id;
		const edited = wf.restart({ parameters: { events: ['contact.created', 'contact.updated'] } });
		const items = [...(await edited.activate()), ...(await edited.poll()).items];
		expect(items.map((i) => [i.event, (i.contact as IDataObject).id])).toEqual([['contact.created', pending]]);
	});

	it('narrowing a filter while a backlog is drained skips nothing that still matches', async () => {
		const pageA = fake.state.addEvent({ name: 'A', linkPrefix: 'host/a', hostIds: [] }).id;
		const pageB = fake.state.addEvent({ name: 'B', linkPrefix: 'host/b', hostIds: [] }).id;
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		// More than one poll reads (20 pages): the rest is left for the next poll.
		const made = Array.from({ length: 2600 }, (_, i) => {
			fake.clock.advance(10);
			return fake.state.addContact({ email: `lead${i}@example.com`, eventId: i % 2 === 0 ? pageA : pageB });
		});
		const first = (await wf.poll()).items;
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(made.length);
		const narrowed = wf.restart({ parameters: { events: ['contact.created'], filters: { bookingPages: [String(pageA)] } } });
		const rest: IDataObject[] = [...(await narrowed.activate())];
		for (let i = 0; i < 5; i++) rest.push(...(await narrowed.poll()).items);
		const all = ids([...first, ...rest]);
		expect(new Set(all).size).toBe(all.length);
		const wantedA = made.filter((c) => c.eventId === pageA).map((c) => c.id);
		expect(all.filter((id) => wantedA.includes(id as number)).sort()).toEqual([...wantedA].sort());
	}, 60_000);
});
