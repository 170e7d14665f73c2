// Test code (never shipped): a bookable calendar in the fake iClosed and a supply of free slots.
import { DateTime } from 'luxon';

import { freeSlots } from '../../fake-iclosed';
import type { FakeIClosed } from '../../fake-iclosed';

export interface BookingSeed {
	eventId: number;
	/** A free slot's UTC start (ISO), a different one on every call. */
	nextSlot(): string;
}

export function seedBookableEvent(fake: FakeIClosed): BookingSeed {
	const { state } = fake;
	const host = state.addUser({
		firstName: 'Robust',
		lastName: 'Closer',
		email: 'closer@robustness.example.com',
	});
	state.addAvailability(host.id, 'America/New_York');
	const event = state.addEvent({
		name: 'Robustness Call',
		linkPrefix: 'robust/call',
		hostIds: [host.id],
	});
	const from = DateTime.utc().plus({ days: 1 }).startOf('day');
	const slots = [
		...freeSlots(state, event, {
			fromUtc: from,
			toUtc: from.plus({ days: 30 }),
			hidePast: true,
		}).keys(),
	];
	let next = 0;
	return {
		eventId: event.id,
		nextSlot: () => {
			if (next >= slots.length) throw new Error('out of free slots');
			return new Date(slots[next++]).toISOString();
		},
	};
}
