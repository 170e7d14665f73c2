import type { IDataObject } from 'n8n-workflow';

import type { KeyKind } from './sources';

/**
 * What the polling trigger keeps per event in the node's static data. n8n saves static data only
 * when a poll emits items, and at activation (n8n-notes §2.1), so everything here is designed to be
 * harmless when an older copy comes back after a restart: the overlap window and the memory make a
 * re-read emit nothing twice.
 *
 * - `cursor`: the newest server timestamp seen in a finished read (iClosed's clock, never n8n's).
 * - `floor`: at seeding, records at or before it are history, not news (no flood at activation).
 * - `memory`: `[id, key, timestamp]` of records already handled, newest handled last (KeyKind).
 * - `pass`: a read that needed more pages than one poll may read; the next poll goes on from there.
 */
export type MemoryEntry = [id: string, key: string, ts: number];

export interface Pass {
	/** Lower bound of the read (ms), or null for "everything". */
	since: number | null;
	/** The page to read next (the last page read is read again: deletions shift pages up). */
	page: number;
	/** Newest timestamp seen since the pass began (ms). */
	newest: number | null;
	/** The oldest record handled so far, `[ts, id]`: anything newer was handled by this pass. */
	after: [number, string] | null;
}

export interface EventState {
	cursor: number | null;
	floor?: number;
	/** The Start From value this state was seeded with ('' for "from now"). */
	startFrom: string;
	memory: MemoryEntry[];
	pass?: Pass;
}

/** Records arriving late or out of order (replica lag, several writes on one timestamp) within this window are still caught. */
export const OVERLAP_MS = 5 * 60_000;
/**
 * The newest timestamp the cursor may take: a record stamped after iClosed's own "now" (an import, bad
 * data) must not move the cursor past everything created after it. Such a record is still emitted, once:
 * the memory keeps every key above the cursor's window. iClosed's "now" is the `Date` header of its
 * answer (1 s resolution, hence the minute of slack, well inside the overlap window); without one, n8n's
 * clock plus an hour, since the two clocks may differ by minutes.
 */
const SERVER_CLOCK_SLACK_MS = 60_000;
const N8N_CLOCK_SLACK_MS = 60 * 60_000;

export function cursorCeiling(serverNow: number | undefined): number {
	return serverNow !== undefined ? serverNow + SERVER_CLOCK_SLACK_MS : Date.now() + N8N_CLOCK_SLACK_MS;
}

/** iClosed's clock from an answer's `Date` header, when it sent a valid one. */
export function serverTime(headers: IDataObject): number | undefined {
	const value = headers.date ?? headers.Date;
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

/** Older `state` keys kept so an unrelated edit does not fire the same status or outcome again. */
export const STATE_MEMORY = 1_000;
/** Upper bound of the memory per event, whatever happens (about 25 bytes an entry in static data). */
export const MAX_MEMORY = 10_000;

const STORE_KEY = 'pollingEvents';

export function loadStates(staticData: IDataObject): Record<string, EventState> {
	const stored = staticData[STORE_KEY];
	return typeof stored === 'object' && stored !== null ? (JSON.parse(JSON.stringify(stored)) as Record<string, EventState>) : {};
}

/** Writes the states only when they differ from what is stored, so a quiet poll changes nothing n8n would save. */
export function saveStates(staticData: IDataObject, states: Record<string, EventState>): boolean {
	const next = JSON.stringify(states);
	if (JSON.stringify(staticData[STORE_KEY] ?? {}) === next) return false;
	staticData[STORE_KEY] = JSON.parse(next) as IDataObject;
	return true;
}

/** The lower bound of the next read: the cursor minus the overlap, but never before the seeding floor. */
export function readFrom(state: EventState): number | null {
	if (state.pass) return state.pass.since;
	if (state.cursor === null) return state.floor ?? null;
	const from = state.cursor - OVERLAP_MS;
	return state.floor !== undefined ? Math.max(from, state.floor) : from;
}

/** Keeps what a later read can meet again; see the constants above. */
export function pruneMemory(state: EventState, kind: KeyKind): MemoryEntry[] {
	const top = state.pass ? state.pass.newest : state.cursor;
	const windowStart = top === null ? -Infinity : top - OVERLAP_MS;
	const boundaryTs = state.pass?.after?.[0];
	const needed = (e: MemoryEntry) => e[2] >= windowStart || e[2] === boundaryTs || state.pass?.since === null;
	const kept: MemoryEntry[] = [];
	let older = 0;
	for (let i = state.memory.length - 1; i >= 0; i--) {
		const entry = state.memory[i];
		if (needed(entry)) kept.push(entry);
		else if (kind === 'state' && older < STATE_MEMORY) {
			kept.push(entry);
			older++;
		}
		if (kept.length >= MAX_MEMORY) break;
	}
	return kept.reverse();
}
