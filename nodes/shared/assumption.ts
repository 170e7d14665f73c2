/**
 * One point of iClosed's contract that no public source settles (docs/iclosed-api.md tags it [?] or [3P]).
 * Each lives beside the code that depends on it, under a stable id that `npm run probe` reports on and the
 * README's "What we assume about iClosed" names. An id never changes meaning; a settled point is removed.
 */
export interface Assumption {
	/** Stable, dotted: `<area>.<subject>.<claim>`. */
	id: string;
	/** What we assume, as one checkable sentence about iClosed. */
	statement: string;
	confidence: 'high' | 'medium' | 'low';
	/** The reference section(s) it rests on. */
	basis: string;
	/** What the package does so that it keeps working, or fails loudly, if the assumption is wrong. */
	ifWrong: string;
}
