import { DateTime } from 'luxon';

/**
 * Arithmetic on calendar days written `YYYY-MM-DD`. A calendar day has no time zone, so it is done
 * in UTC, where every day has 24 hours; strings of this form also sort in date order.
 */
function asUtcDay(date: string): DateTime {
	return DateTime.fromISO(date, { zone: 'utc' });
}

export function addDays(date: string, days: number): string {
	return asUtcDay(date).plus({ days }).toISODate() as string;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round(asUtcDay(to).diff(asUtcDay(from), 'days').days);
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now: DateTime): string {
	return now.setZone(zone).toISODate() as string;
}
