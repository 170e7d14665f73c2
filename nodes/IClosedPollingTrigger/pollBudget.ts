import type { IPollFunctions } from 'n8n-workflow';

/**
 * The rules that keep polls of one node from stepping on each other (docs/polling-state-model.md,
 * "One poll at a time"), in this n8n process: polls run on the main process only (the leader in
 * multi-main), so that is where they can meet.
 *
 * - Budget: n8n 2.40+ says how long a poll may take (`getPollBudgetMs`: 36 s on the durable engine, which
 *   abandons a poll at 45 s, 5 minutes elsewhere); older versions do not, and get DEFAULT_POLL_BUDGET_MS.
 *   A poll stops starting requests when its budget is spent, and every wait inside a request ends by then.
 * - One at a time: the classic engine's cron starts the next poll while the last one still reads (slow
 *   answers, 429 waits), on the same static data; the durable engine may run two occurrences together.
 *   A poll that finds another of its node reading reads nothing.
 * - A stale copy: the durable engine reads a poll's state before the poll starts and commits the previous
 *   poll's state after that poll has returned. A poll handed the very state an earlier poll of this
 *   process started from, shortly after that poll emitted, is reading a copy from before that poll's
 *   commit: it reads nothing, and the next poll reads the committed state. Should that commit never land
 *   (n8n dropped the execution), the guard lapses after STALE_COPY_MS and the changes are read again.
 */
export const DEFAULT_POLL_BUDGET_MS = 50_000;
/** Time kept back for the last request to come home and the items to be built. */
export const BUDGET_RESERVE_MS = 3_000;
export const STALE_COPY_MS = 90_000;

export function pollBudgetMs(ctx: IPollFunctions): number {
	const read = (ctx as { getPollBudgetMs?: () => unknown }).getPollBudgetMs;
	const budget = typeof read === 'function' ? read.call(ctx) : undefined;
	return typeof budget === 'number' && Number.isFinite(budget) && budget > 0
		? budget
		: DEFAULT_POLL_BUDGET_MS;
}

export function nodeKey(ctx: IPollFunctions): string {
	return `${String(ctx.getWorkflow().id)}/${ctx.getNode().id}`;
}

/** Polls reading right now, by node: until when their budget runs (an older entry is stale, ignored). */
const reading = new Map<string, number>();
/** The last poll of each node that emitted: the state it started from, and when it returned. */
const emitted = new Map<string, { from: string; at: number }>();

/** Takes the node's turn, or says that another poll of it is still reading. */
export function takeTurn(key: string, now: number, until: number): (() => void) | undefined {
	const busyUntil = reading.get(key);
	if (busyUntil !== undefined && busyUntil > now) return undefined;
	reading.set(key, until);
	return () => {
		if (reading.get(key) === until) reading.delete(key);
	};
}

/** Whether `state` (as stored) is what the node's last emitting poll started from, moments ago. */
export function isStaleCopy(key: string, state: string, now: number): boolean {
	const last = emitted.get(key);
	if (!last || now - last.at > STALE_COPY_MS) return false;
	return last.from === state;
}

export function noteEmitted(key: string, from: string, now: number): void {
	emitted.set(key, { from, at: now });
}
