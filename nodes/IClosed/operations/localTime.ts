import { DateTime, IANAZone } from 'luxon';

import { IClosedInputError } from '../../shared/inputError';

/**
 * Wall-clock time in a named zone ↔ UTC instants, without luxon's silent guesses.
 *
 * luxon moves a local time that does not exist (the hour skipped when clocks spring forward) to a
 * time that does, and picks one of the two instants of a time that happens twice (when clocks fall
 * back). Both would book a call at an hour nobody asked for, so here a gap yields no instant and an
 * overlap yields both, earlier first, and the caller decides.
 */
export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second?: number;
	millisecond?: number;
}

const DAY_MS = 86_400_000;

/** Every UTC instant at which clocks in `zone` show `wall`: [] in a gap, two in an overlap. */
export function instantsForWallClock(wall: WallClock, zone: string): DateTime[] {
	const tz = IANAZone.create(zone);
	const naive = Date.UTC(
		wall.year,
		wall.month - 1,
		wall.day,
		wall.hour,
		wall.minute,
		wall.second ?? 0,
		wall.millisecond ?? 0,
	);
	// No zone changes its offset twice within two days, so the offsets a day either side are the
	// only candidates; each is kept if the zone really uses that offset at the instant it gives.
	const offsets = new Set([tz.offset(naive - DAY_MS), tz.offset(naive + DAY_MS)]);
	const instants: number[] = [];
	for (const offsetMinutes of offsets) {
		const instant = naive - offsetMinutes * 60_000;
		if (tz.offset(instant) === offsetMinutes) instants.push(instant);
	}
	return instants
		.sort((a, b) => a - b)
		.map((ms) => DateTime.fromMillis(ms, { zone: 'utc' }));
}

export interface ClockTime {
	hour: number;
	minute: number;
	second: number;
}

const CLOCK_24H = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const CLOCK_12H = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i;

/** `09:30`, `9:30:00`, `9:30 am`, `9:30PM`, `9 a.m.` → hours, minutes, seconds; else undefined. */
export function parseClockTime(text: string): ClockTime | undefined {
	const trimmed = text.trim();
	let hour: number;
	let minute: number;
	let second: number;
	const h24 = CLOCK_24H.exec(trimmed);
	const h12 = h24 ? null : CLOCK_12H.exec(trimmed);
	if (h24) {
		[hour, minute, second] = [Number(h24[1]), Number(h24[2]), Number(h24[3] ?? 0)];
	} else if (h12) {
		const raw = Number(h12[1]);
		if (raw < 1 || raw > 12) return undefined;
		const pm = h12[4].toLowerCase() === 'p';
		hour = (raw % 12) + (pm ? 12 : 0);
		[minute, second] = [Number(h12[2] ?? 0), Number(h12[3] ?? 0)];
	} else {
		return undefined;
	}
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	return { hour, minute, second };
}

/** `2026-03-09` → its parts, only for real calendar dates. */
export function parseIsoDate(text: string): Pick<WallClock, 'year' | 'month' | 'day'> | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (!match) return undefined;
	const date = DateTime.fromObject(
		{ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
		{ zone: 'utc' },
	);
	return date.isValid ? { year: date.year, month: date.month, day: date.day } : undefined;
}

/** A date-time written with `Z` or a numeric offset names one instant whatever the zone. */
export function hasExplicitOffset(text: string): boolean {
	return /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(text.trim());
}

/** `2026-03-09T09:00`, `2026-03-09 09:00:00.000` (no offset) → wall clock; else undefined. */
export function parseNaiveDateTime(text: string): WallClock | undefined {
	const trimmed = text.trim();
	if (hasExplicitOffset(trimmed)) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](.+)$/.exec(trimmed);
	if (!match) return undefined;
	const date = parseIsoDate(match[1]);
	const clock = parseClockTime(match[2]);
	return date && clock ? { ...date, ...clock } : undefined;
}

function describeWall(wall: WallClock): string {
	return DateTime.fromObject(wall, { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm");
}

/**
 * The one instant a user's local date-time means, or an input error when clocks skip it or show it
 * twice that day. Strings with an offset, epochs and n8n dates are left to `toIClosedDateTime`.
 */
export function assertUnambiguousWallClock(value: unknown, zone: string, field: string): void {
	if (typeof value !== 'string') return;
	const wall = parseNaiveDateTime(value);
	if (!wall) return;
	const instants = instantsForWallClock(wall, zone);
	if (instants.length === 1) return;
	const when = `${describeWall(wall)} in ${zone}`;
	if (instants.length === 0) {
		throw new IClosedInputError(
			`${field}: ${when} does not exist (the clocks skip that hour when daylight saving time starts)`,
			'Pick a time outside the skipped hour, add an offset (e.g. 2026-03-08T03:30:00-04:00), or use the "start" of a slot from Get Available Slots.',
		);
	}
	throw new IClosedInputError(
		`${field}: ${when} happens twice (the clocks repeat that hour when daylight saving time ends)`,
		'Add an offset to say which one you mean (e.g. 2026-11-01T01:30:00-04:00 or -05:00), or use the "start" of a slot from Get Available Slots.',
	);
}
