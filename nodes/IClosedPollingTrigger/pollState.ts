import type { IDataObject } from 'n8n-workflow';

import type { Known, Seen } from './memory';
import {
	DAY_MS,
	dayOf,
	decodeKnown,
	decodeSeen,
	digestOf,
	encodeKnown,
	encodeSeen,
} from './memory';
import type { PollEvent, PollSource } from './sources';
import { POLL_SOURCES } from './sources';

/**
 * The polling trigger's state, one entry per selected event, in the node's static data under STATE_KEY
 * (docs/polling-state-model.md says what each piece means, what moves it and when it is saved).
 */
export const STATE_KEY = 'iClosedPolling';
/** Where the first release kept its state: read once, then replaced (migrateV1). */
const V1_KEY = 'pollingEvents';

/** Records arriving late or out of order within this window behind the cursor are still caught. */
export const OVERLAP_MS = 5 * 60_000;
/** The same for deals, whose cursor is an id: ids handed out moments apart may commit out of order. */
export const OVERLAP_IDS = 50;
/** Most entries `seen` keeps; past it the oldest go and `horizon` rises with them (see prune). */
export const MAX_SEEN = 2_000;
/** How long a reported state stays known after it was last read: an unrelated edit within it is not news. */
export const KNOWN_RETENTION_DAYS = 60;

/** The oldest record a stream read has handled: everything sorted above it was handled too. */
export interface Boundary {
	value: number;
	/** Ids handled at exactly `value` (records on one timestamp may come in any order). */
	ids: string[];
}

/** A stream read that needed more than one poll: the next poll goes on from `position`. */
export interface Pass {
	/** Lower bound of the read (inclusive), or null for the whole list. */
	since: number | null;
	/** Newest column value handled so far (at most the clock's ceiling). */
	newest: number | null;
	/** Where the next page starts (checked against `boundary` before it is trusted). */
	position: number;
	boundary: Boundary | null;
	/** Raised by pruning while the pass runs; becomes `horizon` when it ends. */
	horizonAfter?: number;
}

export interface Sweep {
	/** n8n's clock (ms) when the next sweep is due. */
	dueAt: number;
	/** Whether a full sweep has run: the first one only learns the states, it reports nothing. */
	seeded: boolean;
	/** A sweep found a change the stream could not see (its `updatedAt` did not move): sweep often. */
	blind?: boolean;
	/** The stream reported a change of this kind: `updatedAt` does move here, sweep rarely. */
	sees?: boolean;
	/** A sweep in progress: the window it reads and where it stands. */
	pass?: { from: string; to: string; position: number; lastId: number | null };
}

export interface EventState {
	/** The stream's cursor: the newest column value handled, or null before the first finished read. */
	cursor: number | null;
	/** When the cursor last moved (n8n's clock): without iClosed's clock, how far it may move (streamRead.ts). */
	cursorAt?: number;
	/** Records whose column value is at or below this are not news (history at seeding, or pruned memory). */
	horizon?: number;
	seen: Seen;
	known: Known;
	pass?: Pass;
	sweep?: Sweep;
}

export type States = Partial<Record<PollEvent, EventState>>;

export function emptyState(): EventState {
	return { cursor: null, seen: new Map(), known: new Map() };
}

function decodeEvent(raw: IDataObject): EventState {
	const state: EventState = {
		cursor: typeof raw.cursor === 'number' ? raw.cursor : null,
		seen: decodeSeen(raw.seen),
		known: decodeKnown(raw.known),
	};
	if (typeof raw.horizon === 'number') state.horizon = raw.horizon;
	if (typeof raw.cursorAt === 'number') state.cursorAt = raw.cursorAt;
	if (typeof raw.pass === 'object' && raw.pass !== null) state.pass = raw.pass as unknown as Pass;
	if (typeof raw.sweep === 'object' && raw.sweep !== null)
		state.sweep = raw.sweep as unknown as Sweep;
	return state;
}

function encodeEvent(state: EventState): IDataObject {
	const raw: IDataObject = { cursor: state.cursor };
	if (state.horizon !== undefined) raw.horizon = state.horizon;
	if (state.cursorAt !== undefined) raw.cursorAt = state.cursorAt;
	const seen = encodeSeen(state.seen);
	if (seen) raw.seen = seen as unknown as IDataObject;
	const known = encodeKnown(state.known);
	if (known) raw.known = known;
	if (state.pass) raw.pass = state.pass as unknown as IDataObject;
	if (state.sweep) raw.sweep = state.sweep as unknown as IDataObject;
	return raw;
}

/** The first release's state ({cursor, floor, memory: [id, key, ts][], pass}), so an upgrade repeats nothing. */
function migrateV1(event: PollEvent, raw: IDataObject, now: number): EventState | undefined {
	const source: PollSource | undefined = POLL_SOURCES[event];
	if (!source) return undefined;
	const memory = (Array.isArray(raw.memory) ? raw.memory : []) as Array<[string, string, number]>;
	const state = emptyState();
	if (source.column === 'id') {
		// The first release followed a deal's timestamp; its memory holds the ids it handled.
		const ids = memory.map((e) => Number(e[0])).filter(Number.isSafeInteger);
		if (ids.length === 0) return undefined;
		state.cursor = Math.max(...ids);
		for (const id of ids) state.seen.set(String(id), id);
		return state;
	}
	state.cursor = typeof raw.cursor === 'number' ? raw.cursor : null;
	if (state.cursor !== null) state.cursorAt = now;
	if (typeof raw.floor === 'number') state.horizon = raw.floor;
	for (const [id, key, ts] of memory) {
		if (source.detection === 'state')
			state.known.set(String(id), { digest: digestOf(String(key)), day: dayOf(now) });
		else state.seen.set(String(id), ts);
	}
	// A drain in progress restarts from the top: everything it handled is in the memory.
	const pass = raw.pass as IDataObject | undefined;
	if (pass && (typeof pass.since === 'number' || pass.since === null)) {
		state.pass = {
			since: pass.since as number | null,
			newest: (pass.newest as number | null) ?? null,
			position: 0,
			boundary: null,
		};
	}
	return state.cursor === null && !state.pass ? undefined : state;
}

/** A copy a read may change freely: the loaded state stays as it was, should the read fail. */
export function copyState(state: EventState): EventState {
	return decodeEvent(JSON.parse(JSON.stringify(encodeEvent(state))) as IDataObject);
}

/** Encoded, for the seed copy (seedCopy.ts). */
export function encodeState(state: EventState): IDataObject {
	return encodeEvent(state);
}

export function decodeState(raw: IDataObject): EventState {
	return decodeEvent(raw);
}

/** When each event last left the selection (n8n's clock): a seed copy older than that is not its seed. */
const DROPPED_KEY = 'iClosedPollingDropped';

export function loadDropped(staticData: IDataObject): Record<string, number> {
	const dropped = staticData[DROPPED_KEY];
	return typeof dropped === 'object' && dropped !== null
		? { ...(dropped as Record<string, number>) }
		: {};
}

export function saveDropped(staticData: IDataObject, dropped: Record<string, number>): void {
	const next = JSON.stringify(dropped);
	if (JSON.stringify(staticData[DROPPED_KEY] ?? {}) === next) return;
	if (Object.keys(dropped).length === 0) delete staticData[DROPPED_KEY];
	else staticData[DROPPED_KEY] = JSON.parse(next) as IDataObject;
}

export function loadStates(staticData: IDataObject, now: number): States {
	const states: States = {};
	const stored = staticData[STATE_KEY];
	if (typeof stored === 'object' && stored !== null) {
		for (const [event, raw] of Object.entries(stored as IDataObject)) {
			if (typeof raw === 'object' && raw !== null)
				states[event as PollEvent] = decodeEvent(raw as IDataObject);
		}
		return states;
	}
	const v1 = staticData[V1_KEY];
	if (typeof v1 === 'object' && v1 !== null) {
		for (const [event, raw] of Object.entries(v1 as IDataObject)) {
			const migrated =
				typeof raw === 'object' && raw !== null
					? migrateV1(event as PollEvent, raw as IDataObject, now)
					: undefined;
			if (migrated) states[event as PollEvent] = migrated;
		}
	}
	return states;
}

/**
 * Writes the states into static data only when they differ from what is there, so a quiet poll leaves
 * nothing for n8n to save. Returns whether it wrote.
 */
export function saveStates(staticData: IDataObject, states: States): boolean {
	const encoded: IDataObject = {};
	for (const [event, state] of Object.entries(states))
		if (state) encoded[event] = encodeEvent(state);
	const next = JSON.stringify(encoded);
	if (staticData[V1_KEY] === undefined && JSON.stringify(staticData[STATE_KEY] ?? null) === next)
		return false;
	staticData[STATE_KEY] = JSON.parse(next) as IDataObject;
	delete staticData[V1_KEY];
	return true;
}

export function overlapOf(source: PollSource): number {
	return source.column === 'id' ? OVERLAP_IDS : OVERLAP_MS;
}

/** The lower bound of the next stream read: the cursor minus the overlap, never at or below the horizon. */
export function nextSince(source: PollSource, state: EventState): number | null {
	if (state.pass) return state.pass.since;
	return state.cursor === null ? null : state.cursor - overlapOf(source);
}

/**
 * Keeps what a later read can still meet, and no more (issue: "the memory never forgets what a later read
 * can still reach"):
 * - `seen` keeps entries at or above the next read's lower bound; while a pass runs, also those below its
 *   boundary (the rest of the pass will meet them), but not those it has passed and the next read cannot
 *   reach. Past MAX_SEEN the oldest go, and the horizon rises to them: later reads skip, rather than
 *   repeat, what was forgotten (the overlap shrinks in a burst of more than MAX_SEEN changes).
 * - `known` drops what was last confirmed more than KNOWN_RETENTION_DAYS ago.
 */
export function prune(source: PollSource, state: EventState, now: number): void {
	const overlap = overlapOf(source);
	const pass = state.pass;
	const keepFrom = pass
		? pass.newest === null
			? -Infinity
			: pass.newest - overlap
		: (nextSince(source, state) ?? -Infinity);
	const below = pass?.boundary?.value;
	for (const [id, value] of state.seen) {
		const reachable =
			value >= keepFrom ||
			(below !== undefined &&
				value <= below &&
				(pass?.since === null || value >= (pass?.since ?? -Infinity)));
		if (!reachable) state.seen.delete(id);
	}
	if (state.seen.size > MAX_SEEN) {
		// While a pass runs, only what it has handled may go: what lies below its boundary it will still meet.
		const droppable = [...state.seen]
			.filter(([, value]) => below === undefined || value > below)
			.sort((a, b) => b[1] - a[1]);
		const dropped = droppable.slice(Math.max(0, droppable.length - (state.seen.size - MAX_SEEN)));
		if (dropped.length > 0) {
			const highest = dropped[0][1];
			for (const [id] of dropped) state.seen.delete(id);
			if (pass) pass.horizonAfter = Math.max(pass.horizonAfter ?? -Infinity, highest);
			else state.horizon = Math.max(state.horizon ?? -Infinity, highest);
		}
	}
	const since = nextSince(source, state);
	if (!pass && state.horizon !== undefined && since !== null && since > state.horizon)
		delete state.horizon;
	const oldestDay = dayOf(now) - KNOWN_RETENTION_DAYS;
	for (const [id, entry] of state.known) if (entry.day < oldestDay) state.known.delete(id);
}

export { DAY_MS };
