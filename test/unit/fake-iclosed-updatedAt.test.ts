import { seedBookableEvent, startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

/**
 * The fake's switches for the updatedAt questions no public source settles (iclosed-api.md §2.2, §2.3,
 * §3.5): whether an outcome or a cancel moves the call's updatedAt.
 */
const T0 = '2026-11-30T10:00:00.000Z';

describe('fake iClosed: updatedAt switches', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({ variants: { outcomeRules: 'lenient' } });
		fake.clock.freeze(T0);
	});
	afterEach(() => fake.close());

	async function bookedCall(): Promise<number> {
		const { eventId, nextSlot } = seedBookableEvent(fake.state);
		const booked = await callFake(fake, 'POST', '/v1/eventCalls', {
			body: { dateTime: nextSlot(), timeZone: 'UTC', email: 'lead@example.com', eventId },
		});
		return booked.body.data.eventCall.data.id as number;
	}

	const listedCall = async (callId: number) =>
		(await callFake(fake, 'GET', '/v1/eventCalls', { query: { ids: String(callId) } })).body.data
			.eventCalls[0];

	it.each([
		[true, '2026-11-30T10:00:01.000Z'],
		[false, T0],
	])('outcomeMovesUpdatedAt %s: recording an outcome leaves the call at %s', async (moves, expected) => {
		fake.setVariants({ outcomeMovesUpdatedAt: moves });
		const callId = await bookedCall();
		fake.clock.advance(1_000);
		const answer = await callFake(fake, 'POST', '/v1/outcomes', { body: { eventCallId: callId, outcome: 'WON' } });
		expect(answer.status).toBe(200);
		// The task row moves either way: only the call's own stamp is in question.
		expect(answer.body.data.updatedAt).toBe('2026-11-30T10:00:01.000Z');
		const call = await listedCall(callId);
		expect(call.task[0].outcome).toBe('WON');
		expect(call.updatedAt).toBe(expected);
	});

	it.each([
		[true, '2026-11-30T10:00:01.000Z'],
		[false, T0],
	])('cancelMovesUpdatedAt %s: cancelling leaves the call at %s', async (moves, expected) => {
		fake.setVariants({ cancelMovesUpdatedAt: moves });
		const callId = await bookedCall();
		fake.clock.advance(1_000);
		expect((await callFake(fake, 'PUT', '/v1/eventCalls/cancel', { body: { id: callId } })).status).toBe(200);
		const cancelled = await callFake(fake, 'GET', '/v1/eventCalls', { query: { types: 'cancelled_events' } });
		expect(cancelled.body.data.eventCalls.map((c: { id: number }) => c.id)).toEqual([callId]);
		expect((await listedCall(callId)).updatedAt).toBe(expected);
	});
});
