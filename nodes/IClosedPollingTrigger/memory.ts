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

/**
 * Ids are integers in iClosed (§4). Lists of them are written sorted, each as its distance from the one before
 * in base 36 (consecutive ids cost one or two characters); an id that is not an integer is kept verbatim,
 * escaped, and does not count in the distances.
 */
function encodeIds(ids: string[]): string[] {
	const numeric = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number).sort((a, b) => a - b);
	let previous = 0;
	const out = numeric.map((id) => {
		const text = (id - previous).toString(36);
		previous = id;
		return text;
	});
	for (const id of ids) if (!/^\d{1,15}$/.test(id)) out.push(`!${encodeURIComponent(id)}`);
	return out;
}

function decodeIds(parts: string[]): string[] {
	let previous = 0;
	return parts.map((part) => {
		if (part.startsWith('!')) return decodeURIComponent(part.slice(1));
		previous += parseInt(part, 36);
		return String(previous);
	});
}

export interface SeenData {
	/** The values are stored as offsets from this base. */
	base: number;
	/** `<id>.<offset>` in id order, ids as distances (encodeIds). */
	entries: string;
}

export function encodeSeen(seen: Seen): SeenData | undefined {
	if (seen.size === 0) return undefined;
	const base = Math.min(...seen.values());
	const ids = [...seen.keys()];
	const numeric = ids.filter((id) => /^\d{1,15}$/.test(id)).sort((a, b) => Number(a) - Number(b));
	const ordered = [...numeric, ...ids.filter((id) => !/^\d{1,15}$/.test(id))];
	const encoded = encodeIds(ordered);
	const entries = ordered.map((id, i) => `${encoded[i]}.${((seen.get(id) as number) - base).toString(36)}`).join(',');
	return { base, entries };
}

export function decodeSeen(data: unknown): Seen {
	const seen: Seen = new Map();
	const { base, entries } = (data ?? {}) as Partial<SeenData>;
	if (typeof base !== 'number' || typeof entries !== 'string' || entries === '') return seen;
	const pairs = entries.split(',').map((entry) => {
		const dot = entry.lastIndexOf('.');
		return [entry.slice(0, dot), entry.slice(dot + 1)] as const;
	});
	const ids = decodeIds(pairs.map(([id]) => id));
	pairs.forEach(([, offset], i) => {
		const value = parseInt(offset, 36);
		if (Number.isFinite(value)) seen.set(ids[i], base + value);
	});
	return seen;
}

/**
 * Known entries by the day they were last read, then by state: `{ "20430": "1x4f2a:k3j9,1,1;3b:…" }`. Pruning
 * drops whole days; the many records in one state (cancelled, a status) share its digest.
 */
export function encodeKnown(known: Known): Record<string, string> | undefined {
	if (known.size === 0) return undefined;
	const byDay = new Map<number, Map<string, string[]>>();
	for (const [id, { digest, day }] of known) {
		const states = byDay.get(day) ?? new Map<string, string[]>();
		byDay.set(day, states);
		const ids = states.get(digest) ?? [];
		ids.push(id);
		states.set(digest, ids);
	}
	const out: Record<string, string> = {};
	for (const [day, states] of byDay) {
		out[String(day)] = [...states].map(([digest, ids]) => `${digest}:${encodeIds(ids).join(',')}`).join(';');
	}
	return out;
}

export function decodeKnown(data: unknown): Known {
	const known: Known = new Map();
	if (typeof data !== 'object' || data === null) return known;
	for (const [dayText, text] of Object.entries(data as Record<string, unknown>)) {
		const day = Number(dayText);
		if (!Number.isInteger(day) || typeof text !== 'string' || text === '') continue;
		for (const group of text.split(';')) {
			const colon = group.indexOf(':');
			if (colon <= 0) continue;
			const digest = group.slice(0, colon);
			for (const id of decodeIds(group.slice(colon + 1).split(','))) {
				const previous = known.get(id);
				if (!previous || previous.day < day) known.set(id, { digest, day });
			}
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
