/**
 * The two memories of the polling trigger, and their compact form in static data (n8n stores static data
 * with the workflow and writes it whole, so its size matters; BENCHMARKS.md §5 measures it).
 *
 * - `Seen` (created and changed events): id → the cursor column's value when the record was handled, for
 *   the records a later read can still meet (inside the overlap window). "Created" news is an id not seen;
 *   "changed" news is an id whose value differs from the one seen.
 * - `Known` (state events): id → a digest of the state reported (status, outcome content, new start, or
 *   "cancelled"), with the day it was last confirmed. An unrelated edit of the record finds the same digest
 *   and is not news. Entries live KNOWN_RETENTION_DAYS after they were last confirmed (poll.ts prunes).
 */
export type Seen = Map<string, number>;

export interface KnownEntry {
	digest: string;
	/** Days since 1970-01-01 (n8n's clock) when the state was last read from iClosed. */
	day: number;
}
export type Known = Map<string, KnownEntry>;

/** Ids are integers in iClosed (§4); anything else is kept verbatim, escaped. */
function encodeId(id: string): string {
	return /^\d{1,15}$/.test(id) ? Number(id).toString(36) : `!${encodeURIComponent(id)}`;
}

function decodeId(text: string): string {
	return text.startsWith('!') ? decodeURIComponent(text.slice(1)) : String(parseInt(text, 36));
}

export interface SeenData {
	/** The values are stored as offsets from this base. */
	base: number;
	entries: string;
}

export function encodeSeen(seen: Seen): SeenData | undefined {
	if (seen.size === 0) return undefined;
	const base = Math.min(...seen.values());
	const entries = [...seen]
		.map(([id, value]) => `${encodeId(id)}.${(value - base).toString(36)}`)
		.join(',');
	return { base, entries };
}

export function decodeSeen(data: unknown): Seen {
	const seen: Seen = new Map();
	const { base, entries } = (data ?? {}) as Partial<SeenData>;
	if (typeof base !== 'number' || typeof entries !== 'string' || entries === '') return seen;
	for (const entry of entries.split(',')) {
		const dot = entry.lastIndexOf('.');
		const offset = parseInt(entry.slice(dot + 1), 36);
		if (dot <= 0 || !Number.isFinite(offset)) continue;
		seen.set(decodeId(entry.slice(0, dot)), base + offset);
	}
	return seen;
}

/** Known entries grouped by day, so pruning drops whole days: `{ "20430": "k3j9:1x4f2a,…" }`. */
export function encodeKnown(known: Known): Record<string, string> | undefined {
	if (known.size === 0) return undefined;
	const byDay: Record<string, string[]> = {};
	for (const [id, { digest, day }] of known) (byDay[day] ??= []).push(`${encodeId(id)}:${digest}`);
	return Object.fromEntries(Object.entries(byDay).map(([day, list]) => [day, list.join(',')]));
}

export function decodeKnown(data: unknown): Known {
	const known: Known = new Map();
	if (typeof data !== 'object' || data === null) return known;
	for (const [dayText, list] of Object.entries(data as Record<string, unknown>)) {
		const day = Number(dayText);
		if (!Number.isInteger(day) || typeof list !== 'string' || list === '') continue;
		for (const entry of list.split(',')) {
			const colon = entry.lastIndexOf(':');
			if (colon <= 0) continue;
			const id = decodeId(entry.slice(0, colon));
			const previous = known.get(id);
			if (!previous || previous.day < day) known.set(id, { digest: entry.slice(colon + 1), day });
		}
	}
	return known;
}

/** A short, stable digest of a state (FNV-1a, 32 bits, base 36): the state itself is never stored. */
export function digestOf(state: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < state.length; i++) {
		hash ^= state.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

export const DAY_MS = 86_400_000;

export function dayOf(ms: number): number {
	return Math.floor(ms / DAY_MS);
}
