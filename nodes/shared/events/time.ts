import { DateTime } from 'luxon';

/**
 * Times in deliveries come in several forms (iclosed-api.md §4): ISO with the host's or invitee's
 * offset, `utc_*` fields that claim UTC yet carry an offset (`2023-02-15T16:00:00+01:00` in the
 * vendor sample), `Z` strings, and SQL-style local strings. Parsing keeps the offset the string
 * states, so converting to UTC is always right for the instant; a string without any offset is
 * taken as UTC (what iClosed's `*UTC` and `createdAt` fields are).
 */
function parse(value: unknown): DateTime | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const options = { zone: 'utc', setZone: true };
	for (const candidate of [DateTime.fromISO(text, options), DateTime.fromSQL(text, options)]) {
		if (candidate.isValid) return candidate;
	}
	return undefined;
}

/** `2023-02-15T15:00:00.000Z` for any parsable time, else null. */
export function toUtcIso(value: unknown): string | null {
	return parse(value)?.toUTC().toISO() ?? null;
}

/** The time as sent when it is a valid date-time (local times keep their offset), else null. */
export function localTime(value: unknown): string | null {
	return parse(value) ? (value as string).trim() : null;
}
