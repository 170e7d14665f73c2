// Reading answers without trusting their shape: paths, field names, timestamps, orders.

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` (object keys); [] is the value itself. */
export function at(value: unknown, path: string[]): unknown {
	let current = value;
	for (const key of path) {
		if (!isObject(current)) return undefined;
		current = current[key];
	}
	return current;
}

/** Where arrays sit in a body (two levels deep), e.g. `data.contacts (25 items)`, for evidence. */
export function describeShape(body: unknown): string {
	if (Array.isArray(body)) return `a bare array (${body.length} items)`;
	if (!isObject(body)) return body === undefined || body === '' ? 'no body' : `a ${typeof body}`;
	const parts: string[] = [];
	for (const [key, value] of Object.entries(body)) {
		if (Array.isArray(value)) parts.push(`${key}[${value.length}]`);
		else if (isObject(value)) {
			const inner = Object.entries(value).map(([k, v]) => (Array.isArray(v) ? `${k}[${v.length}]` : k));
			parts.push(`${key}{${inner.join(', ')}}`);
		} else parts.push(key);
	}
	return `{${parts.join(', ')}}`;
}

/** The records of a list answer at the expected path, or undefined when there is no array there. */
export function itemsAt(body: unknown, path: string[]): Record<string, unknown>[] | undefined {
	const list = at(body, path);
	return Array.isArray(list) ? (list.filter(isObject) as Record<string, unknown>[]) : undefined;
}

/** The first array in the usual places (data, data.<key>, <key>, bare), for answers of unknown shape. */
export function anyItems(body: unknown): Record<string, unknown>[] {
	if (Array.isArray(body)) return body.filter(isObject) as Record<string, unknown>[];
	if (!isObject(body)) return [];
	const candidates = [body.data, ...(isObject(body.data) ? Object.values(body.data) : []), ...Object.values(body)];
	const list = candidates.find(Array.isArray) as unknown[] | undefined;
	return (list ?? []).filter(isObject) as Record<string, unknown>[];
}

/** Every top-level field name the items carry, sorted. */
export function fieldNames(items: Record<string, unknown>[]): string[] {
	return [...new Set(items.flatMap((item) => Object.keys(item)))].sort();
}

/** A timestamp field as ms since epoch; undefined when absent or not a date. */
export function timeOf(item: Record<string, unknown>, field: string): number | undefined {
	const value = item[field];
	const ms = typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

export function idOf(item: Record<string, unknown>): string | undefined {
	const id = item.id;
	return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : undefined;
}

export function idsOf(items: Record<string, unknown>[]): string[] {
	return items.map(idOf).filter((id): id is string => id !== undefined);
}

/** How many items lack a usable value in `field` (timestamps must parse). */
export function missing(items: Record<string, unknown>[], field: string, kind: 'time' | 'any' = 'any'): number {
	return items.filter((item) =>
		kind === 'time' ? timeOf(item, field) === undefined : item[field] === undefined || item[field] === null,
	).length;
}

/** The first position where `values` break the order, or -1. Equal neighbours are fine. */
export function orderBreak(values: number[], direction: 'asc' | 'desc'): number {
	for (let i = 1; i < values.length; i++) {
		if (direction === 'desc' ? values[i] > values[i - 1] : values[i] < values[i - 1]) return i;
	}
	return -1;
}

export const distinctCount = (values: Array<string | number>) => new Set(values).size;

/** The value in the middle of a sorted copy (the lower one for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
