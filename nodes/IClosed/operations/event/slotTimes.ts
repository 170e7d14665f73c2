import { DateTime } from 'luxon';

import type { WallClock } from '../localTime';
import {
	hasExplicitOffset,
	instantsForWallClock,
	parseClockTime,
	parseIsoDate,
	parseNaiveDateTime,
} from '../localTime';
import type { SlotDay } from './slotResponse';
import { UnexpectedSlotResponseError } from './slotResponse';

/**
 * Turns the days and times of one eventDates answer into exact instants. Local times are read in
 * the time zone the slots were asked for (§2.4: "date → list of local times in the requested
 * timeZone"), with the DST rules of that zone on that day.
 */
export interface Slot {
	/** The instant the slot starts (UTC milliseconds). */
	startMs: number;
	/** `YYYY-MM-DD` in the requested zone. */
	date: string;
	/** `HH:mm` (24-hour) in the requested zone. */
	time: string;
}

export interface WindowSlots {
	slots: Slot[];
	/** The latest day the answer covered (a listed day or a slot's day), `YYYY-MM-DD`. */
	lastDay?: string;
	/** Local times that do not exist in the zone (a spring-forward gap), as `date time`. */
	skipped: string[];
}

/** `2026-03-09`, also when iClosed keys the day as `2026-03-09T00:00:00.000Z`. */
function dayOf(key: string | undefined, day: SlotDay): string | undefined {
	if (key === undefined) return undefined;
	const date = key.slice(0, 10);
	if (!parseIsoDate(date)) throw new UnexpectedSlotResponseError(`"${key}" is not a date`, day);
	return date;
}

type Reading = { instant: DateTime } | { wall: WallClock };

function readTime(text: string, date: string | undefined, day: SlotDay): Reading {
	if (hasExplicitOffset(text)) {
		const instant = DateTime.fromISO(text.trim(), { setZone: true });
		if (instant.isValid) return { instant };
	}
	const naive = parseNaiveDateTime(text);
	if (naive) return { wall: naive };
	const clock = parseClockTime(text);
	const calendarDay = date === undefined ? undefined : parseIsoDate(date);
	if (clock && calendarDay) return { wall: { ...calendarDay, ...clock } };
	const why = clock ? `the time "${text}" is not listed under a day` : `"${text}" is not a time`;
	throw new UnexpectedSlotResponseError(why, day);
}

function wallKey(wall: WallClock): string {
	return [wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second ?? 0].join('-');
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
	if (a === undefined) return b;
	if (b === undefined) return a;
	return a > b ? a : b;
}

/** Instants, local dates and times of every slot in `days`; gap times are skipped and reported. */
export function slotsOfDays(days: SlotDay[], zone: string): WindowSlots {
	const slots: Slot[] = [];
	const skipped: string[] = [];
	let lastDay: string | undefined;

	for (const day of days) {
		const date = dayOf(day.date, day);
		lastDay = latest(lastDay, date);
		// A local time that happens twice (clocks falling back) is listed twice when both are free:
		// the first mention is the earlier instant, the second the later one.
		const mentions = new Map<string, number>();
		for (const text of day.times) {
			const reading = readTime(text, date, day);
			let startMs: number;
			if ('instant' in reading) {
				startMs = reading.instant.toMillis();
			} else {
				const instants = instantsForWallClock(reading.wall, zone);
				if (instants.length === 0) {
					skipped.push(`${date ?? ''} ${text}`.trim());
					continue;
				}
				const key = wallKey(reading.wall);
				const mention = mentions.get(key) ?? 0;
				mentions.set(key, mention + 1);
				startMs = instants[Math.min(mention, instants.length - 1)].toMillis();
			}
			const local = DateTime.fromMillis(startMs, { zone });
			const slot = { startMs, date: local.toISODate() as string, time: local.toFormat('HH:mm') };
			slots.push(slot);
			lastDay = latest(lastDay, slot.date);
		}
	}
	return { slots, lastDay, skipped };
}
