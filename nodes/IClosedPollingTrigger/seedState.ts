import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readListPage } from './listPage';
import { dayOf, digestOf } from './memory';
import { windowFrom } from './pageWindow';
import type { EventState } from './pollState';
import { emptyState, overlapOf } from './pollState';
import { CLOCK_SLACK_MS, StreamRead } from './streamRead';
import type { PollSource, SourceFilters } from './sources';
import { columnValue, idOf } from './sources';

/**
 * The first state of an event (docs/polling-state-model.md, "Seeding"), when it has none: the node was
 * just published with it, or the event was just added.
 * - Start From set: a pass from that date, which this very poll starts reading (a one-shot backfill:
 *   Start From is never read again once the event has a state).
 * - Otherwise one page, newest first: the cursor stands at its newest plausible record, or at iClosed's
 *   clock when the page is empty or unreadable (and everything up to that clock is history); what is on
 *   the page is remembered, and when the page is full, everything older is history too (`horizon`). An
 *   unreadable page seeds all the same, and the caller reports it: should the list stay unreadable, the
 *   next polls report it again; should it have been a passing fault, nothing was lost.
 */
export type Seeded = { state: EventState; missingColumn: boolean; requests: number };

export async function seedState(
	ctx: IPollFunctions,
	source: PollSource,
	filters: SourceFilters,
	startFrom: number | undefined,
	now: number,
	deadline: number,
): Promise<Seeded> {
	const state = emptyState();
	if (startFrom !== undefined) {
		state.pass = { since: startFrom, newest: null, position: 0, boundary: null };
		return { state, missingColumn: false, requests: 0 };
	}
	const query: IDataObject = StreamRead.query(source, filters, null);
	const window = windowFrom(0, source.list.pageSize);
	const page = await readListPage(ctx, source.list, query, window, deadline);
	const clock = page.serverNow ?? now;
	const ceiling = source.column === 'id' ? Infinity : clock + CLOCK_SLACK_MS;
	const records = page.items
		.map((record) => ({ record, id: idOf(record), value: columnValue(source, record) }))
		.filter(
			(r): r is { record: IDataObject; id: string; value: number } =>
				r.id !== undefined && r.value !== undefined,
		);
	const missingColumn = page.items.some((record) => columnValue(source, record) === undefined);
	const plausible = records.filter((r) => r.value <= ceiling).map((r) => r.value);
	// An empty (or unreadable) list: everything that shows up later is news. Ids start anywhere above 0.
	state.cursor = plausible.length > 0 ? Math.max(...plausible) : source.column === 'id' ? 0 : clock;
	state.cursorAt = now;
	if (plausible.length === 0) {
		// Nothing on the page to stand on: what exists at this moment is history.
		if (source.column !== 'id') state.horizon = clock;
	} else if (!missingColumn && page.items.length >= window.limit) {
		// A full page: what lies beyond it is history too.
		state.horizon = Math.min(...records.map((r) => r.value));
	}
	const windowStart = state.cursor - overlapOf(source);
	const today = dayOf(now);
	for (const { record, id, value } of records) {
		if (source.detection !== 'state') {
			if (value >= windowStart) state.seen.set(id, value);
			continue;
		}
		const text = source.state?.(record);
		if (text !== undefined) state.known.set(id, { digest: digestOf(text), day: today });
	}
	return { state, missingColumn, requests: 1 };
}
