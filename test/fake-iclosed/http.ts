// Request context, replies and HTTP errors shared by every route of the fake (test code, never shipped).
import type { FakeState } from './state';
import type { FakeVariants } from './types';

export interface Ctx {
	method: string;
	/** Actual path, e.g. `/v1/webhooks/3`. */
	path: string;
	query: Record<string, string>;
	body: unknown;
	/** Path parameters (`:id`). */
	params: Record<string, string>;
	apiKey: string;
	state: FakeState;
	variants: FakeVariants;
}

export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path template; `:name` segments become `ctx.params.name`. */
	path: string;
	handler: Handler;
}

/** Any non-validation error answer: `{message, code?}` (§1.4 shape 3) or a custom body. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {
		super(`HTTP ${status}`);
	}
}

export function reply(body: unknown, status = 200): Reply {
	return { status, body };
}

/** 404 `{"message":"<What> not found"}`. */
export function notFound(what: string): never {
	throw new HttpError(404, { message: `${what} not found` });
}

/** 400 with a plain message, for business rules zod cannot express (slot taken, wrong state…). */
export function badRequest(message: string): never {
	throw new HttpError(400, { message });
}

/** Zero-based page slice (§1.5). */
export function paginate<T>(items: T[], page = 0, limit = 20): T[] {
	return items.slice(page * limit, page * limit + limit);
}

/** A copy in random order (the `pagingStable: false` variant). */
export function shuffled<T>(items: T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * Sort by `orderColumn` + `orderBy` when given (they come together, §1.5). `stable` false: ties, and
 * unordered lists, come in a random order on each request (an `ORDER BY col` without a unique tiebreak).
 */
export function sortBy<T>(
	items: T[],
	column: string | undefined,
	order: 'asc' | 'desc' | undefined,
	stable = true,
): T[] {
	if (!stable) items = shuffled(items);
	if (!column) return items;
	const dir = order === 'desc' ? -1 : 1;
	return [...items].sort((a, b) => {
		const va = (a as Record<string, unknown>)[column];
		const vb = (b as Record<string, unknown>)[column];
		// Equal values: by id in the same direction (what `ORDER BY col, id` gives), so pages are stable.
		if (va === vb && !stable) return 0;
		if (va === vb) return (Number((a as { id?: unknown }).id ?? 0) - Number((b as { id?: unknown }).id ?? 0)) * dir;
		if (va === null || va === undefined) return 1;
		if (vb === null || vb === undefined) return -1;
		if (typeof va === 'number' && typeof vb === 'number') return (va - vb) * dir;
		return String(va).localeCompare(String(vb)) * dir;
	});
}

/** Case-insensitive "contains" over a few string fields (the `search` parameters). */
export function matchesSearch(search: string | undefined, ...values: Array<unknown>): boolean {
	if (!search) return true;
	const s = search.toLowerCase();
	return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(s));
}
