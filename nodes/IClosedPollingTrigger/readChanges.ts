import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { extractListPage } from '../shared/transport/pagination';
import { iClosedApiRequest } from '../shared/transport/request';
import type { EventState, MemoryEntry, Pass } from './cursorState';
import { cursorCeiling, pruneMemory, readFrom, serverTime } from './cursorState';
import type { PollSource, SourceFilters } from './sources';
import { timestampOf } from './sources';

/**
 * One event's read in one poll: newest first, page by page, until the records are older than the
 * read's lower bound, or a page holds nothing new at or before the cursor (so a quiet poll costs one
 * request), or the page budget is spent (the rest next poll, from where this one stopped).
 * Nothing here writes static data: the caller commits the returned state only when every event's
 * read succeeded, so an error never moves a cursor.
 */
export const MAX_PAGES_PER_POLL = 20;

export interface Change {
	record: IDataObject;
	ts: number;
}

export interface ReadResult {
	/** New or changed records, oldest first; client-side conditions not yet applied. */
	changes: Change[];
	state: EventState;
	requests: number;
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/**
 * The memory key of a record for its source besides its id (see KeyKind in sources.ts). For `changed`
 * it is the timestamp, which every entry holds anyway: not stored twice (the memory is static data).
 */
export function keyOf(source: PollSource, record: IDataObject): string {
	return source.state ? source.state(record) : '';
}

/** Whether the memory already holds this record in this state. */
function isKnown(source: PollSource, known: MemoryEntry | undefined, key: string, ts: number): boolean {
	return known !== undefined && known[1] === key && (source.keyKind !== 'changed' || known[2] === ts);
}

export function query(source: PollSource, filters: SourceFilters, since: number | null): IDataObject {
	return {
		...source.newestFirst,
		...source.filterQuery(filters),
		...(since !== null && source.since ? source.since(iso(since)) : {}),
	};
}

export async function readPage(
	ctx: IPollFunctions,
	source: PollSource,
	q: IDataObject,
	page: number,
	limit: number,
): Promise<{ items: IDataObject[]; count?: number; serverNow?: number }> {
	let serverNow: number | undefined;
	const body = await iClosedApiRequest.call(ctx, {
		method: 'GET',
		path: source.path,
		query: { ...q, page, limit },
		onHeaders: (headers) => {
			serverNow = serverTime(headers);
		},
	});
	return { ...extractListPage(body, source.listKey), serverNow };
}

export async function readChanges(
	ctx: IPollFunctions,
	source: PollSource,
	filters: SourceFilters,
	before: EventState,
): Promise<ReadResult> {
	const since = readFrom(before);
	const limit = source.maxPageSize;
	const q = query(source, filters, since);
	const memory = new Map<string, MemoryEntry>(before.memory.map((e) => [e[0], e]));
	let ceiling = cursorCeiling(undefined);
	const resumed = before.pass;
	let page = resumed?.page ?? 0;
	let newest = resumed?.newest ?? before.cursor;
	let after = resumed?.after ?? null;
	const found = new Map<string, Change>();
	let finished = false;
	let requests = 0;

	while (requests < MAX_PAGES_PER_POLL) {
		const { items, count, serverNow } = await readPage(ctx, source, q, page, limit);
		requests++;
		if (requests === 1) ceiling = cursorCeiling(serverNow);
		let unknown = 0;
		let oldest = Infinity;
		for (const record of items) {
			const ts = timestampOf(source, record);
			const id = record.id === undefined || record.id === null ? undefined : String(record.id);
			if (ts === undefined || id === undefined) continue;
			oldest = Math.min(oldest, ts);
			if (since !== null && ts < since) continue;
			// Handled earlier in this pass (pages shift down as new changes arrive on top).
			if (resumed?.after && ts > resumed.after[0]) continue;
			if (ts <= ceiling) newest = newest === null ? ts : Math.max(newest, ts);
			if (after === null || ts < after[0] || (ts === after[0] && id < after[1])) after = [ts, id];
			if (found.has(id)) continue;
			const key = keyOf(source, record);
			if (isKnown(source, memory.get(id), key, ts)) continue;
			unknown++;
			found.set(id, { record, ts });
			memory.delete(id);
			memory.set(id, [id, key, ts]);
		}
		const lastPage = items.length < limit || (count !== undefined && (page + 1) * limit >= count);
		const pastBound = since !== null && oldest < since;
		const quiet = !resumed && unknown === 0 && before.cursor !== null && oldest <= before.cursor;
		if (lastPage || pastBound || quiet) {
			finished = true;
			break;
		}
		page++;
	}

	const state: EventState = { ...before, memory: [...memory.values()] };
	if (finished) {
		// Nothing at all since the lower bound (a Start From with no change since): the bound is the cursor.
		state.cursor = newest ?? since;
		delete state.pass;
	} else {
		const pass: Pass = { since, page: Math.max(0, page - 1), newest, after };
		state.pass = pass;
	}
	state.memory = pruneMemory(state, source.keyKind);
	// Oldest first; records on one timestamp in id order (creation order).
	const changes = [...found.values()].sort((a, b) => a.ts - b.ts || Number(a.record.id) - Number(b.record.id));
	return { changes, state, requests };
}
