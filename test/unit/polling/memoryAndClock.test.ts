import type { IDataObject } from 'n8n-workflow';

import type { FakeIClosed } from '../../fake-iclosed';
import type { Call } from '../../fake-iclosed/entities';
import { T0, ids, pollingWorkflow, startFake, updateContact } from './support';

/**
 * Issue 18, points 4, 5, 6 and 9: the memories forget nothing a later read can still reach, seeding stands
 * on iClosed's clock, and no record stamped in the future can hide what follows it.
 */
describe('iClosed Polling Trigger: memory', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('emits each of 10,100 contacts imported inside the overlap window once', async () => {
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const made: number[] = [];
		for (let i = 0; i < 10_100; i++) {
			if (i % 40 === 0) fake.clock.advance(1_000);
			made.push(fake.state.addContact({ email: `import${i}@example.com` }).id);
		}
		const seen: unknown[] = [];
		for (let poll = 0; poll < 12; poll++) {
			fake.clock.advance(10_000);
			seen.push(...ids((await wf.poll()).items));
		}
		expect(seen.length).toBe(made.length);
		expect(new Set(seen).size).toBe(made.length);
		expect(JSON.stringify(wf.saved).length).toBeLessThan(80_000);
	}, 120_000);

	it('never reports a cancellation again after an unrelated edit, however many records changed in between', async () => {
		const event = fake.state.addEvent({ name: 'Demo', linkPrefix: 'host/demo', hostIds: [] });
		const contact = fake.state.addContact({ email: 'lead@example.com' });
		const wf = pollingWorkflow(fake, { events: ['call.cancelled'] });
		await wf.activate();
		let n = 0;
		const cancelOne = (): Call => {
			const at = fake.state.nowIso();
			const call = fake.state.addCall({ contactId: contact.id, userId: 1, eventId: event.id, startUtc: new Date(Date.parse(T0) + 86_400_000 + ++n * 60_000).toISOString() });
			return Object.assign(call, { status: 'CANCELLED' as const, cancelledBy: 'Lead', cancelReason: 'No time', cancelledAt: at, updatedAt: at });
		};
		fake.clock.advance(60_000);
		const first = cancelOne();
		expect((await wf.poll()).items.map((i) => (i.call as IDataObject).id)).toEqual([first.id]);
		// Then 1,500 other cancellations over the following hours.
		let reported = 0;
		for (let batch = 0; batch < 15; batch++) {
			fake.clock.advance(10 * 60_000);
			for (let i = 0; i < 100; i++) cancelOne();
			fake.clock.advance(60_000);
			reported += (await wf.poll()).items.length;
		}
		expect(reported).toBe(1_500);
		fake.clock.advance(60_000);
		Object.assign(first, { notes: 'Called back: not interested', updatedAt: fake.state.nowIso() });
		fake.clock.advance(60_000);
		expect((await wf.poll()).items).toEqual([]);
	}, 60_000);

	it('never reports a status again when only the contact\'s name changes, however many contacts changed in between', async () => {
		const contacts = Array.from({ length: 1_500 }, (_, i) => fake.state.addContact({ email: `s${i}@example.com`, status: 'POTENTIAL' }));
		const wf = pollingWorkflow(fake, { events: ['contact.status_changed'], statuses: ['QUALIFIED'] });
		await wf.activate();
		let reported = 0;
		for (let batch = 0; batch < 15; batch++) {
			fake.clock.advance(10 * 60_000);
			for (const c of contacts.slice(batch * 100, batch * 100 + 100)) Object.assign(c, { status: 'QUALIFIED', updatedAt: fake.state.nowIso() });
			fake.clock.advance(60_000);
			reported += (await wf.poll()).items.length;
		}
		expect(reported).toBe(1_500);
		fake.clock.advance(60_000);
		await updateContact(fake, contacts[0].id, { firstName: 'Renamed' });
		fake.clock.advance(1_000);
		expect((await wf.poll()).items).toEqual([]);
	}, 60_000);
});

describe('iClosed Polling Trigger: seeding and the clock', () => {
	let fake: FakeIClosed;
	afterEach(() => fake.close());

	it('an empty first page at publishing still seeds the cursor at iClosed\'s clock: no history follows', async () => {
		fake = await startFake();
		const history = Array.from({ length: 50 }, (_, i) => fake.state.addContact({ email: `h${i}@example.com` }).id);
		fake.injectFault('GET /v1/contacts', { kind: 'status', status: 200, times: 1, body: { data: { count: 0, contacts: [] } } });
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		expect(await wf.activate()).toEqual([]);
		fake.clock.advance(60_000);
		const fresh = fake.state.addContact({ email: 'fresh@example.com' }).id;
		expect(ids((await wf.poll()).items)).toEqual([fresh]);
		expect(history).toHaveLength(50);
	});

	it('an unreadable first page (records without createdAt) seeds the cursor at iClosed\'s clock too', async () => {
		fake = await startFake();
		Array.from({ length: 50 }, (_, i) => fake.state.addContact({ email: `h${i}@example.com` }));
		fake.injectFault('GET /v1/eventCalls', { kind: 'status', status: 201, times: 1, body: { data: { count: 2, eventCalls: [{ id: 1 }, { id: 2 }] } } });
		const wf = pollingWorkflow(fake, { events: ['contact.created', 'call.booked'] });
		expect(await wf.activate()).toEqual([]);
		// Said at once, as an error execution, without holding contact.created back.
		expect(wf.errorExecutions.map((e) => e.message)).toEqual([expect.stringMatching(/^call\.booked: .*createdAt/)]);
		const retried = wf.restart();
		expect(await retried.activate()).toEqual([]);
		fake.clock.advance(60_000);
		const fresh = fake.state.addContact({ email: 'fresh@example.com' }).id;
		expect(ids((await retried.poll()).items)).toEqual([fresh]);
	});

	describe('without a Date header, a record stamped 40 minutes ahead hides nothing that comes after it', () => {
		// n8n's clock runs with iClosed's here (only Date is faked: timers and sockets are real).
		beforeEach(() => jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] }));
		afterEach(() => jest.useRealTimers());
		const tick = (ms: number) => {
			fake.clock.advance(ms);
			jest.setSystemTime(Date.now() + ms);
		};

		async function run(): Promise<void> {
			const wf = pollingWorkflow(fake, { events: ['contact.created'] });
			await wf.activate();
			tick(60_000);
			const ahead = fake.state.addContact({ email: 'future@example.com', createdAt: new Date(fake.clock.now().getTime() + 40 * 60_000).toISOString() }).id;
			const seen = [...ids((await wf.poll()).items)];
			const later: number[] = [ahead];
			for (let i = 0; i < 12; i++) {
				tick(60_000);
				later.push(fake.state.addContact({ email: `next${i}@example.com` }).id);
				seen.push(...ids((await wf.poll()).items));
			}
			expect(seen).toEqual(later);
		}

		it('with the two clocks in step and an empty list at publishing', async () => {
			fake = await startFake({ variants: { dateHeader: false } });
			fake.clock.freeze(new Date());
			await run();
		});

		it('with n8n an hour ahead of iClosed and records at publishing', async () => {
			fake = await startFake({ variants: { dateHeader: false } });
			fake.state.addContact({ email: 'history@example.com' });
			await run();
		});
	});
});
