/**
 * Reads the answer of POST /v1/events/eventDates. Its shape is not documented (iclosed-api.md §2.4,
 * §8), so every shape the sources suggest is accepted here, and only here:
 *
 * Where the days are:
 *   - `{ "data": { "availabilities": … } }`  (w6w, from the OpenAPI bundle)
 *   - `{ "availabilities": … }`              (an integrator quoting the docs)
 *   - `availabilities: null` or `{}`          (no free slot)
 * How the days are listed:
 *   - a map date → times: `{ "2026-02-26": ["09:00", "09:30"] }`
 *   - an array of days: `[{ "date": "2026-02-26", "slots": [...] }]`; the date may be under `date`
 *     or `day`, the times under `slots`, `times`, `availabilities` or `availableTimes`
 *   - a flat array of full date-times: `["2026-02-26T14:00:00Z", …]`
 * How a time is written:
 *   - `"HH:mm"`, `"HH:mm:ss"`, `"h:mm am"`: local, in the requested time zone, on the day listed
 *   - a full ISO date-time with `Z` or an offset: that exact instant
 *   - a full ISO date-time without offset: local, in the requested time zone
 *   - an object with the text under `start`, `startTime`, `time`, `dateTime` or `slot`
 *
 * A shape outside this list is an error that quotes the answer, never an empty list of slots.
 */
import type { IDataObject } from 'n8n-workflow';

export interface SlotDay {
	/** `YYYY-MM-DD` as iClosed listed it; absent for a flat list of full date-times. */
	date?: string;
	/** The times as iClosed wrote them (see the header for the forms). */
	times: string[];
}

/** iClosed answered in a shape none of the above covers. */
export class UnexpectedSlotResponseError extends Error {
	readonly description =
		'iClosed may have changed how it lists free slots. Please report this answer to the n8n-nodes-iclosed maintainers.';

	constructor(problem: string, body: unknown) {
		super(`Could not read the free slots iClosed sent (${problem}): ${quote(body)}`);
		this.name = 'UnexpectedSlotResponseError';
	}
}

const DAY_KEYS = ['date', 'day'];
const TIMES_KEYS = ['slots', 'times', 'availabilities', 'availableTimes'];
const TIME_TEXT_KEYS = ['start', 'startTime', 'time', 'dateTime', 'slot'];

function quote(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstKey(object: IDataObject, keys: string[]): unknown {
	const key = keys.find((k) => object[k] !== undefined);
	return key === undefined ? undefined : object[key];
}

/** Where `availabilities` sits; `undefined` means the answer has none in either place. */
function findAvailabilities(body: unknown): { found: boolean; value: unknown } {
	if (!isObject(body)) return { found: false, value: undefined };
	if (isObject(body.data) && 'availabilities' in body.data) {
		return { found: true, value: body.data.availabilities };
	}
	if ('availabilities' in body) return { found: true, value: body.availabilities };
	return { found: false, value: undefined };
}

function timeText(value: unknown, body: unknown): string {
	if (typeof value === 'string') return value;
	if (isObject(value)) {
		const text = firstKey(value, TIME_TEXT_KEYS);
		if (typeof text === 'string') return text;
	}
	throw new UnexpectedSlotResponseError('a slot is neither a time text nor an object holding one', body);
}

function timesOf(value: unknown, body: unknown): string[] {
	if (value === null || value === undefined) return [];
	if (!Array.isArray(value)) throw new UnexpectedSlotResponseError('a day’s slots are not a list', body);
	return value.map((v) => timeText(v, body));
}

function dayFromArrayEntry(entry: unknown, body: unknown): SlotDay {
	if (typeof entry === 'string') return { times: [entry] };
	if (!isObject(entry)) throw new UnexpectedSlotResponseError('a day is neither an object nor a date-time', body);
	const date = firstKey(entry, DAY_KEYS);
	const times = firstKey(entry, TIMES_KEYS);
	if (typeof date !== 'string') {
		// A slot object in a flat list, e.g. `{start: "2026-02-26T14:00:00Z"}`.
		return { times: [timeText(entry, body)] };
	}
	return { date, times: timesOf(times, body) };
}

/** The days and times of one eventDates answer, as iClosed wrote them. */
export function parseEventDatesResponse(body: unknown): SlotDay[] {
	const { found, value } = findAvailabilities(body);
	if (!found) throw new UnexpectedSlotResponseError('no "availabilities" in the answer', body);
	if (value === null || value === undefined) return [];
	if (Array.isArray(value)) return value.map((entry) => dayFromArrayEntry(entry, body));
	if (isObject(value)) {
		return Object.entries(value).map(([date, times]) => ({ date, times: timesOf(times, body) }));
	}
	throw new UnexpectedSlotResponseError('"availabilities" is neither a list nor a map of days', body);
}
