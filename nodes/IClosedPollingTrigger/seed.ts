import type { IPollFunctions } from 'n8n-workflow';

import type { EventState, MemoryEntry } from './cursorState';
import { cursorCeiling, OVERLAP_MS } from './cursorState';
import { keyOf, query, readPage } from './readChanges';
import type { PollSource, SourceFilters } from './sources';
import { timestampOf } from './sources';

/**
 * The first poll of an event (at activation, n8n-notes §2.5): with no Start From, one request for the
 * newest records sets the cursor at iClosed's "now", remembers what is inside the overlap window and
 * emits nothing, so activation brings no flood of history. n8n saves static data after activation even
 * when nothing is emitted. An error here fails the activation, which is when a user should learn that
 * the key or the plan is wrong. With Start From, the first read starts at that date instead.
 */
export async function seedState(
	ctx: IPollFunctions,
	source: PollSource,
	filters: SourceFilters,
	startFrom: string,
): Promise<EventState> {
	if (startFrom !== '') {
		return { cursor: null, startFrom, memory: [], pass: { since: Date.parse(startFrom), page: 0, newest: null, after: null } };
	}
	const { items, serverNow } = await readPage(ctx, source, query(source, filters, null), 0, source.maxPageSize);
	const seen: MemoryEntry[] = [];
	for (const record of items) {
		const ts = timestampOf(source, record);
		if (ts === undefined || record.id === undefined || record.id === null) continue;
		seen.push([String(record.id), keyOf(source, record), ts]);
	}
	const ceiling = cursorCeiling(serverNow);
	const plausible = seen.filter((e) => e[2] <= ceiling);
	if (plausible.length === 0) return { cursor: null, startFrom, memory: seen };
	const newest = Math.max(...plausible.map((e) => e[2]));
	const oldest = Math.min(...seen.map((e) => e[2]));
	// `state` keys are worth keeping beyond the window: they tell a status or outcome already there.
	const memory = seen.filter((e) => e[2] >= newest - OVERLAP_MS || source.keyKind === 'state').reverse();
	const state: EventState = { cursor: newest, startFrom, memory };
	// A full page may not hold everything inside the window: what lies beyond it is history too.
	if (items.length >= source.maxPageSize) state.floor = oldest;
	return state;
}
