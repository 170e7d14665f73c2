// Test code (never shipped): a bookable calendar in the fake iClosed and a supply of its free slots,
// for anything that books many calls (robustness suites, the bulk-write benchmark).
import { DateTime } from 'luxon';

import { freeSlots } from './availability';
import type { FakeState } from './state';

export interface BookableEvent {
	eventId: number;
	/** How many free slots the seeded range holds. */
	slotCount: number;
	/** A free slot's UTC start (ISO), a different one on every call. */
	nextSlot(): string;
}

/** One host (New York hours) and one event, with the free slots of the next `days` days from tomorrow. */
export function seedBookableEvent(state: FakeState, days = 30): BookableEvent {
	const host = state.addUser({ firstName: 'Seeded', lastName: 'Closer', email: 'closer@seeded.example.com' });
	state.addAvailability(host.id, 'America/New_York');
	const event = state.addEvent({ name: 'Seeded Call', linkPrefix: 'seeded/call', hostIds: [host.id] });
	const from = DateTime.utc().plus({ days: 1 }).startOf('day');
	const slots = [...freeSlots(state, event, { fromUtc: from, toUtc: from.plus({ days }), hidePast: true }).keys()];
	let next = 0;
	return {
		eventId: event.id,
		slotCount: slots.length,
		nextSlot: () => {
			if (next >= slots.length) throw new Error('out of free slots');
			return new Date(slots[next++]).toISOString();
		},
	};
}
