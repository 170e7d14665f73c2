import { DateTime, IANAZone } from 'luxon';

import { IClosedInputError } from './inputError';

/**
 * iClosed accepts request date-times only as ISO-8601 in UTC with a trailing `Z` (iclosed-api.md §4:
 * the v1 schema's regex rejects offsets). This converts whatever an n8n user may hand us.
 */

/** Below this an epoch number is taken as seconds, above it as milliseconds (year 5138 vs 1973). */
const EPOCH_SECONDS_LIMIT = 1e11;

function fromEpoch(value: number): DateTime {
	return DateTime.fromMillis(Math.abs(value) < EPOCH_SECONDS_LIMIT ? value * 1000 : value, { zone: 'utc' });
}

function parseDateString(text: string, zone: string): DateTime {
	if (/^-?\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
	const options = { zone, setZone: true };
	const candidates = [
		() => DateTime.fromISO(text, options),
		() => DateTime.fromSQL(text, options),
		() => DateTime.fromRFC2822(text, options),
		() => DateTime.fromHTTP(text, options),
	];
	for (const parse of candidates) {
		const parsed = parse();
		if (parsed.isValid) return parsed;
	}
	return DateTime.invalid('unparsable');
}

/** Any luxon DateTime (n8n's `$now`, `DateTime.fromISO(…)`), JS Date, ISO/SQL string or epoch → DateTime. */
export function parseDateTime(value: unknown, defaultZone = 'utc'): DateTime | undefined {
	if (DateTime.isDateTime(value)) return value.isValid ? value : undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : DateTime.fromJSDate(value);
	if (typeof value === 'number' && Number.isFinite(value)) return fromEpoch(value);
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = parseDateString(value.trim(), defaultZone);
		return parsed.isValid ? parsed : undefined;
	}
	// n8n may hand over a serialised luxon DateTime ({ts, zone, ...}) after a node boundary.
	if (typeof value === 'object' && value !== null && typeof (value as { ts?: unknown }).ts === 'number') {
		return fromEpoch((value as { ts: number }).ts);
	}
	return undefined;
}

/**
 * `2026-03-10T14:00:00.000Z` from any accepted input. A string without an offset is read in
 * `defaultZone` (the workflow's time zone), the way n8n's own date fields behave.
 */
export function toIClosedDateTime(value: unknown, field: string, defaultZone = 'utc'): string {
	const parsed = parseDateTime(value, defaultZone);
	if (!parsed) {
		throw new IClosedInputError(
			`${field} is not a date and time iClosed can use: ${JSON.stringify(value)?.slice(0, 80)}`,
			'Use an ISO date such as 2026-03-10T14:00:00Z, an n8n date (e.g. {{ $now.plus(1, "day") }}) or a Unix timestamp.',
		);
	}
	return parsed.toUTC().toISO() as string;
}

/** Validates an IANA time zone name (e.g. America/New_York) and returns it in canonical form. */
export function toTimeZone(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text && IANAZone.isValidZone(text)) return text;
	throw new IClosedInputError(
		`${field} is not a valid IANA time zone: ${JSON.stringify(value)?.slice(0, 60)}`,
		'Use a name from the tz database, e.g. America/New_York, Europe/Berlin or UTC.',
	);
}
