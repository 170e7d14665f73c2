import type { IDataObject } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import { CallActions, pollingWorkflow, requestsTo, startFake, updateContact } from './support';

/**
 * "What must hold" (issue 11): no change missed, none emitted twice, across restarts, equal
 * timestamps, changes during paging, double changes, clock skew and a briefly inconsistent list.
 */
describe('iClosed Polling Trigger: no change missed, none twice', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	const contactIds = (items: IDataObject[]) => items.map((i) => (i.contact as IDataObject).id);

	it('across n8n restarts, including one after quiet polls whose cursor n8n never saved', async () => {
		let wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		const seen: unknown[] = [];
		const created: number[] = [];
		for (let round = 0; round < 4; round++) {
			fake.clock.advance(60_000);
			created.push(fake.state.addContact({ email: `r${round}@example.com` }).id);
			seen.push(...contactIds((await wf.poll()).items));
			fake.clock.advance(60_000);
			seen.push(...contactIds((await wf.poll()).items)); // quiet: nothing saved
			fake.clock.advance(10 * 60_000);
			created.push(fake.state.addContact({ email: `during-restart-${round}@example.com` }).id);
			wf = wf.restart();
			seen.push(...contactIds(await wf.activate()));
		}
		expect(seen).toEqual(created);
	});

	it('emits every record sharing one timestamp, across a page boundary and a poll boundary', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const batch1 = Array.from({ length: 150 }, (_, i) => fake.state.addContact({ email: `same-${i}@example.com` }).id);
		const first = contactIds((await wf.poll()).items);
		// Same instant, after the poll read it.
		const batch2 = Array.from({ length: 30 }, (_, i) => fake.state.addContact({ email: `same-late-${i}@example.com` }).id);
		const second = contactIds((await wf.poll()).items);
		expect(first).toEqual(batch1);
		expect(second).toEqual(batch2);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('misses nothing when records change while a poll is paging', async () => {
		const contacts = Array.from({ length: 250 }, (_, i) => fake.state.addContact({ email: `p${i}@example.com` }));
		const wf = pollingWorkflow(fake, { events: ['contact.updated'] });
		await wf.activate();
		fake.clock.advance(60_000);
		for (const c of contacts) await updateContact(fake, c.id, { firstName: 'Edited' });
		// While the poll reads page 1, a contact from page 2 changes again and jumps to the top.
		const mover = contacts[10];
		fake.injectFault('GET /v1/contacts', {
			kind: 'before',
			times: 1,
			run: () => {
				fake.injectFault('GET /v1/contacts', {
					kind: 'before',
					times: 1,
					run: () => {
						fake.clock.advance(1_000);
						const c = fake.state.contact(mover.id);
						if (c) Object.assign(c, { lastName: 'Moved', updatedAt: fake.state.nowIso() });
					},
				});
			},
		});
		const first = (await wf.poll()).items;
		const second = (await wf.poll()).items;
		const third = (await wf.poll()).items;
		// Every contact exactly once over the two polls; the one that moved, in its latest state.
		const all = contactIds([...first, ...second]);
		expect(new Set(all).size).toBe(all.length);
		expect([...all].sort()).toEqual(contacts.map((c) => c.id).sort());
		const moved = [...first, ...second].filter((i) => (i.contact as IDataObject).id === mover.id);
		expect(moved.map((i) => (i.contact as IDataObject).lastName)).toEqual(['Moved']);
		expect(third).toEqual([]);
	});

	it('emits a record changed twice between polls once, in its latest state', async () => {
		const c = fake.state.addContact({ email: 'twice@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.updated'] });
		await wf.activate();
		fake.clock.advance(60_000);
		await updateContact(fake, c.id, { firstName: 'First' });
		fake.clock.advance(1_000);
		await updateContact(fake, c.id, { firstName: 'Second' });
		const { items } = await wf.poll();
		expect(items.map((i) => (i.contact as IDataObject).firstName)).toEqual(['Second']);
	});

	it.each([
		['behind', -7 * 60_000],
		['ahead of', 9 * 60_000],
	])('follows iClosed’s clock when it runs minutes %s n8n’s', async (_label, skew) => {
		fake.clock.skew(skew);
		const calls = new CallActions(fake);
		const wf = pollingWorkflow(fake, { events: ['call.booked', 'contact.created'] });
		await wf.activate();
		const booked: number[] = [];
		const emitted: unknown[] = [];
		for (let i = 0; i < 3; i++) {
			booked.push(await calls.book(`skew-${i}@example.com`));
			const { items } = await wf.poll();
			emitted.push(...items.filter((item) => item.event === 'call.booked').map((item) => (item.call as IDataObject).id));
		}
		emitted.push(...(await wf.poll()).items.map((item) => item.event));
		expect(emitted).toEqual(booked);
	});

	it('catches a record that shows up late with an older timestamp (overlap window), once', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(10 * 60_000);
		const visible = fake.state.addContact({ email: 'visible@example.com' });
		expect(contactIds((await wf.poll()).items)).toEqual([visible.id]);
		// Written two minutes ago, visible only now (a lagging replica).
		const lagging = fake.state.addContact({ email: 'late@example.com', createdAt: new Date(Date.parse(visible.createdAt) - 120_000).toISOString() });
		expect(contactIds((await wf.poll()).items)).toEqual([lagging.id]);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('keys each event kind its own way: an edited new contact is not "created" twice; a cancelled call edited later is not cancelled twice', async () => {
		const calls = new CallActions(fake);
		const wf = pollingWorkflow(fake, { events: ['contact.created', 'call.cancelled'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const c = fake.state.addContact({ email: 'k@example.com' });
		const call = await calls.book('k2@example.com');
		await calls.cancel(call);
		const first = (await wf.poll()).items.map((i) => i.event);
		fake.clock.advance(20 * 60_000);
		await updateContact(fake, c.id, { firstName: 'Edited' });
		await callFakeSlotFree(fake, call);
		const second = (await wf.poll()).items;
		expect(first.sort()).toEqual(['call.cancelled', 'contact.created', 'contact.created']);
		expect(second).toEqual([]);
	});

	it('does not let records stamped ahead of iClosed’s own clock (bad data, an import) hold back the records after them', async () => {
		const calls = new CallActions(fake);
		const wf = pollingWorkflow(fake, { events: ['contact.created', 'call.booked'] });
		await wf.activate();
		const iClosedNow = fake.clock.now().getTime();
		const soon = fake.state.addContact({ email: 'soon@example.com', createdAt: new Date(iClosedNow + 30 * 60_000).toISOString() });
		const future = fake.state.addContact({ email: 'future@example.com', createdAt: new Date(iClosedNow + 3 * 86_400_000).toISOString() });
		fake.clock.advance(60_000);
		const now = fake.state.addContact({ email: 'now@example.com' });
		expect(contactIds((await wf.poll()).items)).toEqual([now.id, soon.id, future.id]);
		fake.clock.advance(60_000);
		const later = fake.state.addContact({ email: 'later@example.com' });
		const booked = await calls.book('later-call@example.com');
		const { items } = await wf.poll();
		expect(items.map((i) => [i.event, i.event === 'call.booked' ? (i.call as IDataObject).id : (i.contact as IDataObject).id])).toEqual([
			['contact.created', later.id],
			['contact.created', fake.state.call(booked)!.contactId],
			['call.booked', booked],
		]);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('keeps its memory bounded however many changes it has seen', async () => {
		const contacts = Array.from({ length: 300 }, (_, i) => fake.state.addContact({ email: `m${i}@example.com` }));
		const wf = pollingWorkflow(fake, { events: ['contact.updated'] });
		await wf.activate();
		for (let round = 0; round < 4; round++) {
			fake.clock.advance(10 * 60_000);
			for (const c of contacts) Object.assign(c, { firstName: `R${round}`, updatedAt: fake.state.nowIso() });
			fake.clock.advance(1_000);
			expect((await wf.poll()).items).toHaveLength(300);
		}
		const stored = wf.memory().iClosedPolling as Record<string, { seen: { entries: string } }>;
		expect(stored['contact.updated'].seen.entries.split(',').length).toBeLessThanOrEqual(300);
		expect(JSON.stringify(wf.saved).length).toBeLessThan(20_000);
		expect(requestsTo(fake, '/v1/contacts').length).toBeGreaterThan(0);
	});
});

async function callFakeSlotFree(fake: FakeIClosed, id: number): Promise<void> {
	const { callFake } = await import('../../fake-iclosed/client');
	const r = await callFake(fake, 'PUT', '/v1/eventCalls/markSlotFree', { body: { id, isSlotFree: true } });
	expect(r.status).toBe(200);
}
