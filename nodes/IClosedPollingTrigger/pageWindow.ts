/**
 * iClosed pages lists by `page` and `limit` only (docs/iclosed-api.md §1.5): page p of size l holds the
 * records at positions [p·l, p·l + l). A list read in several requests can change between them, and a
 * record that leaves the list (deleted, cancelled out of the rescheduled calls…) moves every later record
 * up one place: read back to back, the record crossing the page boundary would never be seen.
 *
 * So every page after the first starts inside the one before: it must begin at or before `start`
 * (a few records back), and the reader checks that it really does begin among records it has handled
 * (streamRead.ts). This picks the page and size that reach furthest under that rule. Sizes go down to
 * half the endpoint's maximum; a fixed size could never overlap.
 */
export interface PageWindow {
	page: number;
	limit: number;
	/** Position of the window's first record. */
	start: number;
}

/** Records each page re-reads from the one before: a page survives this many records leaving the list. */
export const PAGE_OVERLAP = 10;

export function windowFrom(start: number, maxLimit: number): PageWindow {
	if (start <= 0) return { page: 0, limit: maxLimit, start: 0 };
	let best: PageWindow = { page: 0, limit: maxLimit, start: 0 };
	let bestEnd = maxLimit;
	for (let limit = maxLimit; limit >= Math.ceil(maxLimit / 2); limit--) {
		const page = Math.floor(start / limit);
		const end = (page + 1) * limit;
		if (end > bestEnd) {
			best = { page, limit, start: page * limit };
			bestEnd = end;
		}
	}
	return best;
}

/** The window that re-reads the last PAGE_OVERLAP records before `end` and goes on from there. */
export function windowAfter(end: number, maxLimit: number): PageWindow {
	return windowFrom(end - PAGE_OVERLAP, maxLimit);
}
