import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readListPage } from './listPage';
import { dayOf, digestOf } from './memory';
import type { PageWindow } from './pageWindow';
import { windowAfter, windowFrom } from './pageWindow';
import type { EventState, Sweep } from './pollState';
import type { Change } from './streamRead';
import type { PollSource, SourceFilters } from './sources';
import { columnValue, idOf } from './sources';

/**
 * The sweep of a state event (docs/polling-state-model.md, "Sweep"): every call in a window of start
 * times that is in the event's state (cancelled, rescheduled, with an outcome), read in full by id and
 * compared with the state remembered for it. It finds what the stream cannot: a change that did not move
 * the call's `updatedAt` (unverified either way, sources.ts), or a list without `updatedAt` at all. The
 * first full sweep only learns the states. Stream and sweep share one memory (`known`), so a change is
 * reported once, by whichever sees it first.
 */
export const SWEEP_EVERY_MS = 5 * 60_000;
/** Once a sweep has found a change the stream missed, or the list has no `updatedAt`: sweep sooner. */
export const BLIND_SWEEP_EVERY_MS = 2 * 60_000;
export const MAX_SWEEP_PAGES_PER_POLL = 10;

const DAY = 86_400_000;

export class SweepRead {
	readonly changes = new Map<string, Change>();

	requests = 0;

	finished = false;

	private window: PageWindow;

	private readonly sweep: Sweep;

	private readonly query: IDataObject;

	constructor(
		private readonly ctx: IPollFunctions,
		private readonly source: PollSource,
		filters: SourceFilters,
		private readonly state: EventState,
		private readonly now: number,
		/** The stream's cursor when it read: a change at or below it in `updatedAt` was invisible to it. */
		private readonly streamCursor: number | null,
		/** The stream read nothing this poll (no `updatedAt` on the list): everything is the sweep's. */
		streamBlind: boolean,
	) {
		const spec = source.sweep;
		if (!spec) throw new Error(`${source.event} has no sweep`);
		this.sweep = state.sweep ?? { dueAt: 0, seeded: false };
		if (streamBlind) this.sweep.blind = true;
		this.sweep.pass ??= {
			from: new Date(now - spec.pastDays * DAY).toISOString(),
			to: new Date(now + spec.aheadDays * DAY).toISOString(),
			position: 0,
			lastId: null,
		};
		state.sweep = this.sweep;
		const pass = this.sweep.pass;
		this.query = {
			...spec.query(filters),
			dateFrom: pass.from,
			dateTo: pass.to,
			orderColumn: 'id',
			orderBy: 'asc',
		};
		this.window =
			pass.position > 0
				? windowAfter(pass.position, source.list.pageSize)
				: windowFrom(0, source.list.pageSize);
	}

	/** Whether the event's sweep is due: never run, in progress, or its interval has passed. */
	static due(state: EventState | undefined, now: number): boolean {
		const sweep = state?.sweep;
		return !sweep || sweep.pass !== undefined || now >= sweep.dueAt;
	}

	async step(deadline: number): Promise<void> {
		const pass = this.sweep.pass;
		if (!pass) {
			this.finished = true;
			return;
		}
		const window = this.window;
		const page = await readListPage(this.ctx, this.source.list, this.query, window, deadline);
		this.requests++;
		const items = page.items;
		// In id order a page must begin at or before the last id handled (see pageWindow.ts).
		if (window.start > 0 && pass.lastId !== null) {
			const firstId = items[0] ? Number(idOf(items[0])) : NaN;
			if (!(firstId <= pass.lastId)) {
				this.window = windowFrom(
					Math.max(0, window.start - this.source.list.pageSize),
					this.source.list.pageSize,
				);
				return;
			}
		}
		const today = dayOf(this.now);
		for (const record of items) {
			const idText = idOf(record);
			const id = Number(idText);
			if (
				idText === undefined ||
				!Number.isSafeInteger(id) ||
				(pass.lastId !== null && id <= pass.lastId)
			)
				continue;
			pass.lastId = id;
			const text = this.source.state?.(record);
			if (text === undefined) continue;
			const digest = digestOf(text);
			const before = this.state.known.get(idText);
			this.state.known.set(idText, { digest, day: today });
			if (before?.digest === digest || !this.sweep.seeded) continue;
			const updatedAt = columnValue(this.source, record);
			if (updatedAt === undefined || (this.streamCursor !== null && updatedAt <= this.streamCursor))
				this.sweep.blind = true;
			this.changes.set(idText, { record, value: updatedAt ?? id });
		}
		pass.position = window.start + items.length;
		const lastPage =
			page.count !== undefined ? pass.position >= page.count : items.length < window.limit;
		if (lastPage || items.length === 0) {
			this.finished = true;
			this.sweep.seeded = true;
			delete this.sweep.pass;
			this.sweep.dueAt = this.now + (this.sweep.blind ? BLIND_SWEEP_EVERY_MS : SWEEP_EVERY_MS);
		} else {
			this.window = windowAfter(pass.position, this.source.list.pageSize);
		}
	}
}
