import type { DateTime } from 'luxon';

import { addDays, daysBetween } from './calendarDays';
import type { DateRange } from './dateRange';
import { parseEventDatesResponse } from './slotResponse';
import type { Slot } from './slotTimes';
import { slotsOfDays } from './slotTimes';

/**
 * Covers a date range with as many eventDates requests as it takes.
 *
 * iClosed answers each request with an undocumented window of days starting at `currentDate`
 * (§2.4); integrators re-query to see further. So: ask from the first day, then from the day after
 * the last day the answer covered, until the range end is passed. Each request moves the start at
 * least one day forward, so the number of requests never exceeds the days in the range.
 */
export interface CollectSlotsOptions {
	range: DateRange;
	/** The zone local times are read in (the one the slots were asked for). */
	zone: string;
	/** Slots starting at or before this instant are dropped. */
	now: DateTime;
	/** Sends one eventDates request for the window starting at `currentDate`; returns the raw answer. */
	fetchWindow: (currentDate: string) => Promise<unknown>;
	/** Told about answers that need a human look (skipped local times, a window going backwards). */
	warn: (message: string) => void;
}

export async function collectSlots(options: CollectSlotsOptions): Promise<Slot[]> {
	const { range, zone, fetchWindow, warn } = options;
	const nowMs = options.now.toMillis();
	const byStart = new Map<number, Slot>();
	let currentDate = range.startDate;
	// The longest window seen so far. An answer without any day says nothing about its own length,
	// so the next request starts this many days later: never further than a window known to reach.
	let knownWindowDays = 1;

	while (currentDate <= range.endDate) {
		const answer = await fetchWindow(currentDate);
		const { slots, lastDay, skipped } = slotsOfDays(parseEventDatesResponse(answer), zone);
		if (skipped.length > 0) {
			warn(`iClosed listed local times that do not exist in ${zone} (clocks spring forward); skipped: ${skipped.join(', ')}`);
		}
		for (const slot of slots) {
			const inRange = slot.date >= range.startDate && slot.date <= range.endDate;
			if (inRange && slot.startMs > nowMs && !byStart.has(slot.startMs)) byStart.set(slot.startMs, slot);
		}

		if (lastDay === undefined) {
			currentDate = addDays(currentDate, knownWindowDays);
			continue;
		}
		if (lastDay < currentDate) {
			warn(`iClosed answered eventDates from ${currentDate} with days up to ${lastDay} only; stopped searching there`);
			break;
		}
		knownWindowDays = Math.max(knownWindowDays, daysBetween(currentDate, lastDay) + 1);
		currentDate = addDays(lastDay, 1);
	}
	return [...byStart.values()].sort((a, b) => a.startMs - b.startMs);
}
