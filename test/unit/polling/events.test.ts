import type { IDataObject } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import { CallActions, T0, pollingWorkflow, startFake, updateContact } from './support';

/** Every event against the fake: one item per change, with the event's name and the right record. */
describe('iClosed Polling Trigger: each event', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	const callIds = (items: IDataObject[]) => items.map((i) => [i.event, (i.call as IDataObject).id]);

	it('starts from now at activation: history is not emitted, then each new contact once', async () => {
		fake.state.addContact({ email: 'old@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		expect(await wf.activate()).toEqual([]);
		fake.clock.advance(60_000);
		const fresh = fake.state.addContact({ email: 'new@example.com', firstName: 'New' });
		const { items, error } = await wf.poll();
		expect(error).toBeUndefined();
		expect(items).toEqual([expect.objectContaining({ event: 'contact.created', contact: expect.objectContaining({ id: fresh.id, email: 'new@example.com' }) })]);
		fake.clock.advance(60_000);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('call.booked, call.rescheduled, call.cancelled and call.outcome_added each fire once per change', async () => {
		const calls = new CallActions(fake);
		const wf = pollingWorkflow(fake, { events: ['call.booked', 'call.rescheduled', 'call.cancelled', 'call.outcome_added'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const a = await calls.book('a@example.com');
		const b = await calls.book('b@example.com');
		expect(callIds((await wf.poll()).items)).toEqual([['call.booked', a], ['call.booked', b]]);
		fake.clock.advance(60_000);
		await calls.reschedule(a);
		fake.clock.advance(1_000);
		await calls.outcome(b, 'WON');
		expect(callIds((await wf.poll()).items).sort()).toEqual([['call.outcome_added', b], ['call.rescheduled', a]].sort());
		fake.clock.advance(60_000);
		await calls.cancel(a);
		fake.clock.advance(1_000);
		await calls.outcome(b, 'WON', 'Paid in full');
		expect(callIds((await wf.poll()).items).sort()).toEqual([['call.cancelled', a], ['call.outcome_added', b]].sort());
		fake.clock.advance(60_000);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('contact.updated fires for edits only, contact.status_changed only into the chosen statuses', async () => {
		const c = fake.state.addContact({ email: 'c@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.updated', 'contact.status_changed'], statuses: ['QUALIFIED'] });
		await wf.activate();
		fake.clock.advance(60_000);
		fake.state.addContact({ email: 'brand-new@example.com' });
		await updateContact(fake, c.id, { firstName: 'Renamed' });
		const first = (await wf.poll()).items;
		expect(first.map((i) => [i.event, (i.contact as IDataObject).id])).toEqual([['contact.updated', c.id]]);
		fake.clock.advance(60_000);
		await updateContact(fake, c.id, { status: 'QUALIFIED' });
		const second = (await wf.poll()).items;
		expect(second.map((i) => i.event).sort()).toEqual(['contact.status_changed', 'contact.updated']);
		expect(second.find((i) => i.event === 'contact.status_changed')).toMatchObject({ contact: { id: c.id, status: 'QUALIFIED' } });
		fake.clock.advance(60_000);
		await updateContact(fake, c.id, { lastName: 'Again' });
		expect((await wf.poll()).items.map((i) => i.event)).toEqual(['contact.updated']);
	});

	it('deal.created and transaction.created fire once per new record', async () => {
		const wf = pollingWorkflow(fake, { events: ['deal.created', 'transaction.created'] });
		fake.state.addDeal({ value: 1 });
		await wf.activate();
		fake.clock.advance(60_000);
		const deal = fake.state.addDeal({ value: 500 });
		const payment = fake.state.addTransaction({ value: 99, source: 'Stripe' });
		const { items } = await wf.poll();
		expect(items).toEqual([
			expect.objectContaining({ event: 'deal.created', id: deal.id, value: 500 }),
			expect.objectContaining({ event: 'transaction.created', id: payment.id, value: 99 }),
		]);
		expect(items[0].receivedAt).toEqual(expect.any(String));
		fake.clock.advance(60_000);
		expect((await wf.poll()).items).toEqual([]);
	});

	it('Start From with nothing since then starts from that date, not from the beginning of history', async () => {
		fake.state.addContact({ email: 'history@example.com' });
		fake.clock.advance(60 * 60_000);
		const wf = pollingWorkflow(fake, { events: ['contact.created'], options: { startFrom: fake.clock.now().toISOString() } });
		expect(await wf.activate()).toEqual([]);
		fake.clock.advance(60_000);
		const fresh = fake.state.addContact({ email: 'fresh@example.com' });
		expect((await wf.poll()).items.map((i) => (i.contact as IDataObject).id)).toEqual([fresh.id]);
	});

	it('Start From backfills on purpose at activation', async () => {
		const old = fake.state.addContact({ email: 'old@example.com' });
		fake.clock.advance(60_000);
		const wf = pollingWorkflow(fake, { events: ['contact.created'], options: { startFrom: T0 } });
		const items = await wf.activate();
		expect(items.map((i) => (i.contact as IDataObject).id)).toEqual([old.id]);
	});
});
