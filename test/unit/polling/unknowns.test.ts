import type { IDataObject } from 'n8n-workflow';

import { POLL_EVENTS } from '../../../nodes/IClosedPollingTrigger/sources';

import type { FakeIClosed, FakeIClosedOptions } from '../../fake-iclosed';
import { CallActions, pollingWorkflow, startFake, updateContact } from './support';

/**
 * Issue 18, point 12: whichever way iClosed's unknowns fall, each change is emitted once within minutes, or
 * the event fails loudly naming what is missing. The fake falls both ways (test/fake-iclosed/variants.ts).
 */
const EVERY_EVENT: string[] = POLL_EVENTS;

/** n8n's clock moves with iClosed's (only Date is faked: timers and sockets stay real). */
function withMovingClocks(): { start(options: FakeIClosedOptions): Promise<FakeIClosed>; tick(ms: number): void } {
	let fake: FakeIClosed | undefined;
	beforeEach(() =>
		jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] }),
	);
	afterEach(() => {
		jest.useRealTimers();
		fake?.close();
	});
	return {
		start: async (options) => (fake = await startFake(options)),
		tick: (ms) => {
			fake?.clock.advance(ms);
			jest.setSystemTime(Date.now() + ms);
		},
	};
}

const key = (i: IDataObject) => `${String(i.event)}:${String(((i.call ?? i.contact ?? i) as IDataObject).id)}`;

describe('iClosed Polling Trigger: when an outcome or a cancellation does not move the call\'s updatedAt', () => {
	const clocks = withMovingClocks();

	it('each is emitted once, by the sweep, within minutes; a reschedule and everything else as usual', async () => {
		const fake = await clocks.start({ variants: { outcomeMovesUpdatedAt: false, cancelMovesUpdatedAt: false, outcomeRules: 'lenient' } });
		const calls = new CallActions(fake);
		const a = await calls.book('a@example.com');
		const b = await calls.book('b@example.com');
		const c = await calls.book('c@example.com');
		// Lists that are not empty at publishing: an old cancellation and an old outcome.
		await calls.cancel(await calls.book('old-cancel@example.com'));
		await calls.outcome(await calls.book('old-outcome@example.com'), 'NO_SALE');
		clocks.tick(60_000);
		const wf = pollingWorkflow(fake, { events: EVERY_EVENT });
		await wf.activate();
		// The calls are old news by the time they change: outside the stream's overlap. Meanwhile a fresh
		// call is cancelled and another gets an outcome: seen at once, they carry the lists' cursors on.
		const fresh: string[] = [];
		const got: string[] = [];
		for (let i = 0; i < 10; i++) {
			clocks.tick(60_000);
			if (i === 7) {
				const x = await calls.book('x@example.com');
				const y = await calls.book('y@example.com');
				await calls.cancel(x);
				await calls.outcome(y, 'WON');
				fresh.push(`call.cancelled:${x}`, `call.outcome_added:${y}`);
			}
			got.push(...(await wf.poll()).items.map(key).filter((k) => k.startsWith('call.') && !k.startsWith('call.booked')));
		}
		expect(got.sort()).toEqual(fresh.sort());
		await calls.cancel(a);
		await calls.outcome(b, 'WON', 'Paid in full');
		await calls.reschedule(c);
		const emitted: string[] = [];
		const at: Record<string, number> = {};
		for (let minute = 1; minute <= 8; minute++) {
			clocks.tick(60_000);
			const { items, error } = await wf.poll();
			expect(error).toBeUndefined();
			for (const item of items) {
				emitted.push(key(item));
				at[key(item)] ??= minute;
			}
		}
		expect(emitted.sort()).toEqual([`call.cancelled:${a}`, `call.outcome_added:${b}`, `call.rescheduled:${c}`].sort());
		// Within a sweep interval (5 minutes) and a poll.
		expect(Math.max(...Object.values(at))).toBeLessThanOrEqual(6);
		// Once seen blind, sweeps come every 2 minutes: a second outcome edit is out within 3.
		await calls.outcome(b, 'NO_SALE', 'Changed their mind');
		const again: string[] = [];
		for (let minute = 1; minute <= 3; minute++) {
			clocks.tick(60_000);
			again.push(...(await wf.poll()).items.map(key));
		}
		expect(again).toEqual([`call.outcome_added:${b}`]);
	}, 60_000);
});

describe('iClosed Polling Trigger: when lists carry no updatedAt', () => {
	const clocks = withMovingClocks();

	it('call changes come from the sweep, created events as usual, and contact updates fail loudly, naming updatedAt', async () => {
		const fake = await clocks.start({ variants: { listsCarryUpdatedAt: false, outcomeRules: 'lenient' } });
		const calls = new CallActions(fake);
		const a = await calls.book('a@example.com');
		const b = await calls.book('b@example.com');
		const c = await calls.book('c@example.com');
		const known = fake.state.addContact({ email: 'known@example.com' });
		const wf = pollingWorkflow(fake, { events: EVERY_EVENT, statuses: ['QUALIFIED'] });
		await wf.activate();
		expect(wf.errorExecutions.map((e) => e.message).join('\n')).toMatch(/contact\.updated: .*updatedAt/);
		clocks.tick(60_000);
		await calls.cancel(a);
		await calls.outcome(b, 'WON');
		await calls.reschedule(c);
		await updateContact(fake, known.id, { status: 'QUALIFIED' });
		const d = await calls.book('d@example.com');
		const deal = fake.state.addDeal({ value: 10 });
		const paid = fake.state.addTransaction({ value: 20 });
		const emitted: string[] = [];
		const reported: string[] = [];
		for (let minute = 1; minute <= 4; minute++) {
			const { items, error, reported: errors } = await wf.poll();
			expect(error).toBeUndefined();
			emitted.push(...items.map(key));
			reported.push(...errors.map((e) => e.message));
			clocks.tick(60_000);
		}
		const contactOfD = fake.state.call(d)?.contactId;
		expect(emitted.sort()).toEqual(
			[
				`call.booked:${d}`,
				`contact.created:${contactOfD}`,
				`call.cancelled:${a}`,
				`call.outcome_added:${b}`,
				`call.rescheduled:${c}`,
				`deal.created:${deal.id}`,
				`transaction.created:${paid.id}`,
			].sort(),
		);
		// Never silent: each poll says which events cannot be read.
		expect(reported.filter((m) => /^contact\.updated: .*updatedAt/.test(m))).toHaveLength(4);
		expect(reported.filter((m) => /^contact\.status_changed: .*updatedAt/.test(m))).toHaveLength(4);
	}, 60_000);
});
