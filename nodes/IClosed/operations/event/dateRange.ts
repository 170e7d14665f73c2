import type { DateTime } from 'luxon';

import { parseDateTime } from '../../../shared/dates';
import { IClosedInputError } from '../../../shared/inputError';
import { addDays, daysBetween, todayIn } from './calendarDays';

/**
 * The calendar days to search for free slots, in the time zone the slots are asked for.
 * Both ends are included. Days before today are skipped: iClosed offers no slot in the past.
 */
export interface DateRange {
	/** `YYYY-MM-DD`, first day searched. */
	startDate: string;
	/** `YYYY-MM-DD`, last day searched (included). */
	endDate: string;
}

/** Without an end date the search covers the start day and the seven days after it. */
export const DEFAULT_RANGE_DAYS = 7;
/** Each window of days costs one eventDates request: a year is the most one item may ask for. */
export const MAX_RANGE_DAYS = 366;

const DATE_ADVICE =
	'Use a date such as 2026-03-09, an n8n date (e.g. {{ $today.plus(1, "week") }}) or leave it empty.';

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The calendar day `value` names in `zone`. A date or local date-time is taken as written; an
 * instant (ISO with offset, epoch, n8n date) is first moved into `zone`.
 */
export function calendarDateIn(value: unknown, zone: string, field: string): string | undefined {
	if (isEmpty(value)) return undefined;
	const parsed = parseDateTime(value, zone);
	if (!parsed) {
		throw new IClosedInputError(
			`${field} is not a date: ${JSON.stringify(value)?.slice(0, 60)}`,
			DATE_ADVICE,
		);
	}
	return parsed.setZone(zone).toISODate() as string;
}

/** The parameters' names as the user sees them, for the messages. */
export interface DateRangeLabels {
	start: string;
	end: string;
}

export function resolveDateRange(
	input: { start?: unknown; end?: unknown },
	zone: string,
	now: DateTime,
	labels: DateRangeLabels = { start: 'Start Date', end: 'End Date' },
): DateRange {
	const today = todayIn(zone, now);
	const askedStart = calendarDateIn(input.start, zone, labels.start);
	const askedEnd = calendarDateIn(input.end, zone, labels.end);
	if (askedStart && askedEnd && askedEnd < askedStart) {
		throw new IClosedInputError(
			`${labels.end} (${askedEnd}) is before ${labels.start} (${askedStart})`,
			`Swap the two dates, or leave ${labels.end} empty to search the week after ${labels.start}.`,
		);
	}
	const startDate = askedStart && askedStart > today ? askedStart : today;
	const endDate = askedEnd ?? addDays(askedStart ?? today, DEFAULT_RANGE_DAYS);
	if (endDate < startDate) {
		throw new IClosedInputError(
			`${labels.end} (${endDate}) is in the past in ${zone}, so there is no free slot to find`,
			`Pick an ${labels.end} from today on, or leave it empty to search the next week.`,
		);
	}
	const days = daysBetween(startDate, endDate) + 1;
	if (days > MAX_RANGE_DAYS) {
		throw new IClosedInputError(
			`The date range covers ${days} days; at most ${MAX_RANGE_DAYS} can be searched at once`,
			'Shorten the range, or split it over several items.',
		);
	}
	return { startDate, endDate };
}
