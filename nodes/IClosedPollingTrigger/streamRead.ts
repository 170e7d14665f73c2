import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readListPage } from './listPage';
import { dayOf, digestOf } from './memory';
import type { PageWindow } from './pageWindow';
import { windowAfter, windowFrom } from './pageWindow';
import type { Boundary, EventState, Pass } from './pollState';
import { nextSince } from './pollState';
import type { PollSource, SourceFilters } from './sources';
import { columnValue, idOf } from './sources';

/**
 * One event's stream read (docs/polling-state-model.md, "Stream"): its list newest change first, one page
 * per step(), down to the lower bound (cursor minus overlap), until a page shows nothing new at or before
 * the cursor, or the poll stops calling step() (budget, page cap): then the read is kept as a pass that the
 * next poll continues. Nothing here touches static data; the caller commits `state` when it decides to.
 */
export const MAX_PAGES_PER_POLL = 20;

/** iClosed's `Date` header has a 1 s resolution and the record may be a moment younger: a minute of room. */
export const CLOCK_SLACK_MS = 60_000;

/**
 * The newest value the cursor may take: iClosed's clock, so that a record stamped in the future (bad data,
 * an import) cannot lift the cursor over the changes that follow it. The clock is the `Date` header of
 * iClosed's answer; without one, the cursor's own value plus the time n8n's clock has run since it was set
 * (both clocks run at the same speed, whatever their offset): the cursor can never get ahead of iClosed's
 * clock, though it may lag behind it (which costs a longer read, never a record). Only with neither (a
 * backfill's first read) does n8n's clock stand in.
 */
export function cursorCeiling(
	source: PollSource,
	state: EventState,
	serverNow: number | undefined,
	now: number,
): number {
	if (source.column === 'id') return Infinity;
	if (serverNow !== undefined) return serverNow + CLOCK_SLACK_MS;
	if (state.cursor !== null && state.cursorAt !== undefined)
		return state.cursor + Math.max(0, now - state.cursorAt);
	return now + CLOCK_SLACK_MS;
}

export interface Change {
	record: IDataObject;
	value: number;
}

export class StreamRead {
	/** The state this read produces (a copy: the caller decides whether it is committed). */
	readonly state: EventState;

	readonly changes = new Map<string, Change>();

	requests = 0;

	finished = false;

	/** The list's records carry no usable value in the column the stream follows. */
	missingColumn = false;

	private readonly since: number | null;

	private readonly query: IDataObject;

	private readonly resumed: boolean;

	private newest: number | null;

	private boundary: Boundary | null;

	private position: number;

	private window: PageWindow;

	private stepBack = 0;

	private ceiling = Infinity;

	private clock: number | undefined;

	constructor(
		private readonly ctx: IPollFunctions,
		private readonly source: PollSource,
		filters: SourceFilters,
		state: EventState,
		private readonly now: number,
		private readonly today = dayOf(now),
	) {
		this.state = state;
		const pass = state.pass;
		this.resumed = pass !== undefined;
		this.since = nextSince(source, state);
		this.query = StreamRead.query(source, filters, this.since);
		this.newest = pass ? pass.newest : state.cursor;
		this.boundary = pass?.boundary ?? null;
		this.position = pass?.position ?? 0;
		this.window = pass
			? windowAfter(pass.position, source.list.pageSize)
			: windowFrom(0, source.list.pageSize);
	}

	/** The query of a stream read: order, the node's filters, and the server-side lower bound. */
	static query(source: PollSource, filters: SourceFilters, since: number | null): IDataObject {
		return {
			...source.order,
			...source.filterQuery(filters),
			...(since !== null && source.serverSince
				? source.serverSince(new Date(since).toISOString())
				: {}),
		};
	}

	/** Sorted at or above the boundary: handled earlier in this read. */
	private handled(id: string, value: number): boolean {
		const b = this.boundary;
		return b !== null && (value > b.value || (value === b.value && b.ids.includes(id)));
	}

	private lower(id: string, value: number): void {
		const b = this.boundary;
		if (b === null || value < b.value) this.boundary = { value, ids: [id] };
		else if (value === b.value && !b.ids.includes(id)) b.ids.push(id);
	}

	/** Whether the record is news for this event, by the event's kind of key (sources.ts, Detection). */
	private isNews(record: IDataObject, id: string, value: number): boolean {
		if (this.source.detection === 'created') return !this.state.seen.has(id);
		if (this.source.detection === 'changed') return this.state.seen.get(id) !== value;
		const text = this.source.state?.(record);
		return text !== undefined && this.state.known.get(id)?.digest !== digestOf(text);
	}

	private remember(record: IDataObject, id: string, value: number): void {
		if (this.source.detection !== 'state') {
			this.state.seen.set(id, value);
			return;
		}
		const text = this.source.state?.(record);
		if (text !== undefined) this.state.known.set(id, { digest: digestOf(text), day: this.today });
	}

	/** Reads one page and handles it. */
	async step(deadline: number): Promise<void> {
		const window = this.window;
		const page = await readListPage(this.ctx, this.source.list, this.query, window, deadline);
		this.requests++;
		if (this.requests === 1) {
			this.clock = page.serverNow;
			this.ceiling = cursorCeiling(this.source, this.state, page.serverNow, this.now);
		}
		const items = page.items;
		// Without the column nothing on the page can be placed: the read stops here, its cursor unmoved.
		if (items.some((record) => columnValue(this.source, record) === undefined)) {
			this.missingColumn = true;
			this.finished = true;
			return;
		}

		// A page after the first must begin among records already handled, or records were skipped:
		// step back (further each time) until one does. The top of the list always qualifies.
		if (window.start > 0 && this.boundary !== null) {
			const first = items[0];
			const id = first ? idOf(first) : undefined;
			const value = first ? columnValue(this.source, first) : undefined;
			if (id === undefined || value === undefined || !this.handled(id, value)) {
				this.stepBack = this.stepBack === 0 ? this.source.list.pageSize : this.stepBack * 2;
				this.window = windowFrom(
					Math.max(0, window.start - this.stepBack),
					this.source.list.pageSize,
				);
				return;
			}
		}
		this.stepBack = 0;

		const horizon = this.state.horizon;
		let reachedBound = false;
		let fresh = 0;
		let oldest = Infinity;
		for (const record of items) {
			const id = idOf(record);
			const value = columnValue(this.source, record) as number;
			if (id === undefined) continue;
			oldest = Math.min(oldest, value);
			if (this.handled(id, value)) continue;
			if (
				(horizon !== undefined && value <= horizon) ||
				(this.since !== null && value < this.since)
			) {
				reachedBound = true;
				continue;
			}
			if (value <= this.ceiling)
				this.newest = this.newest === null ? value : Math.max(this.newest, value);
			this.lower(id, value);
			if (this.changes.has(id)) continue;
			if (this.isNews(record, id, value)) {
				fresh++;
				this.changes.set(id, { record, value });
			}
			this.remember(record, id, value);
		}
		this.position = window.start + items.length;
		const lastPage =
			page.count !== undefined ? this.position >= page.count : items.length < window.limit;
		// Nothing new on the first page of a fresh read, and it reaches back to the cursor: a quiet poll.
		const quiet =
			!this.resumed &&
			window.start === 0 &&
			fresh === 0 &&
			this.state.cursor !== null &&
			oldest <= this.state.cursor;
		if (lastPage || reachedBound || quiet || items.length === 0) this.finish();
		else this.window = windowAfter(this.position, this.source.list.pageSize);
	}

	private finish(): void {
		this.finished = true;
		const pass = this.state.pass;
		if (pass?.horizonAfter !== undefined)
			this.state.horizon = Math.max(this.state.horizon ?? -Infinity, pass.horizonAfter);
		delete this.state.pass;
		const candidates = [this.state.cursor, this.newest].filter((v): v is number => v !== null);
		// A read that found nothing since its bound (a backfill with nothing in it) stands at the clock.
		if (candidates.length === 0 && this.since !== null)
			candidates.push(Math.min(this.clock ?? this.now, this.ceiling));
		const cursor = candidates.length > 0 ? Math.max(...candidates) : null;
		if (cursor !== this.state.cursor) this.state.cursorAt = this.now;
		this.state.cursor = cursor;
	}

	/** Keeps an unfinished read as a pass for the next poll. */
	suspend(): void {
		if (this.finished) return;
		const pass: Pass = {
			since: this.since,
			newest: this.newest,
			position: this.position,
			boundary: this.boundary,
		};
		if (this.state.pass?.horizonAfter !== undefined)
			pass.horizonAfter = this.state.pass.horizonAfter;
		this.state.pass = pass;
	}

	/** New or changed records, oldest first; records on one value in id order (creation order). */
	orderedChanges(): Change[] {
		return [...this.changes.values()].sort(
			(a, b) => a.value - b.value || Number(idOf(a.record)) - Number(idOf(b.record)),
		);
	}
}
