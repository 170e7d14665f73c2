import type { IHttpRequestMethods } from 'n8n-workflow';

import { headerValue, isPlainNumber, parseHeaderDate } from './responseHeaders';

/**
 * Keeps requests under iClosed's per-endpoint limit instead of bouncing off 429s (iclosed-api.md §1.3:
 * limits count per account, per path + verb, per window; 20 per 10 s on Startup, 100 on Business).
 *
 * The limit is not known up front, so it is learnt: from a 429's body (`limit: {points, windowSec}`) and,
 * where iClosed sends them, from `RateLimit-*` / `X-RateLimit-*` headers. Once known, a request waits
 * until the window has room. A request counts from the moment it is booked, just before it goes out, so
 * requests sent at the same moment (parallel executions) queue behind each other instead of all seeing
 * the same room. State lives in memory only (one n8n main or worker), one budget per account and
 * endpoint; a 429 from traffic we cannot see (another worker) is still handled by the retry in request.ts.
 *
 * What the pacer learns comes from response headers it cannot check, so it believes no window or reset
 * longer than MAX_PACING_WAIT_MS: past that, the request goes out and iClosed's answer decides (a real
 * 429 is then waited out). A request queued behind others may wait longer, within its time limit
 * (timeLimit.ts).
 */
interface EndpointBudget {
	points?: number;
	windowMs?: number;
	/**
	 * When our requests to this endpoint went out or are booked to go, ascending. Counted when booked,
	 * not when answered, so requests going out at the same moment see each other; an answered request
	 * moves to its answer time (iClosed counted it in between: later can only err on the safe side).
	 */
	sent: number[];
	/** From headers: requests left until `resetAt`. */
	remaining?: number;
	resetAt?: number;
	/** Booked requests without an answer yet. */
	inFlight: number;
}

/** A request's place in its endpoint's budget, from booking until its answer (or until it is not sent). */
export interface Slot {
	key: string;
	/** When it may go out, epoch ms. */
	at: number;
}

export type Booking = { slot: Slot; waitMs: number } | { busyMs: number };

const MARGIN_MS = 50;
/**
 * iClosed's windows are 10 s (§1.3): no honest budget needs a longer wait. A longer one comes from a
 * misread or hostile header (a reset of "3600", a date a day ahead, a window of a day).
 */
export const MAX_PACING_WAIT_MS = 15_000;
/**
 * iClosed's largest documented limit is "100+" per window (§1.3). A larger one is not believed: the pacer
 * would keep that many timestamps per endpoint (and fill them in after a 429), for no use.
 */
const MAX_BELIEVED_POINTS = 1_000;
/**
 * The smallest limit any reading of iClosed's docs gives (20 per endpoint per 10 s on Startup; §1.3,
 * §6.4). Until an endpoint's own limit is known, that many requests in 10 s go out freely; past it,
 * one at a time, so the first 429 (which teaches the limit) is the only one.
 */
const FLOOR = { points: 20, windowMs: 10_000 };
/** How soon a request held back by a request in flight looks again. */
const BUSY_RETRY_MS = 50;
const MAX_TRACKED_ENDPOINTS = 500;
const budgets = new Map<string, EndpointBudget>();

/** One budget per account (see accountTag.ts), verb and path, as iClosed counts them (§1.3). */
export function rateLimitKey(account: string, method: IHttpRequestMethods, path: string): string {
	return `${account} ${method} ${path}`;
}

function budgetFor(key: string): EndpointBudget {
	let budget = budgets.get(key);
	if (!budget) {
		if (budgets.size >= MAX_TRACKED_ENDPOINTS) budgets.delete(budgets.keys().next().value as string);
		budget = { sent: [], inFlight: 0 };
		budgets.set(key, budget);
	}
	return budget;
}

/** Forgets sends that no window can still count, and header counts past their reset. */
function prune(budget: EndpointBudget, now: number): void {
	const windowStart = now - Math.max(Math.min(budget.windowMs ?? 0, MAX_PACING_WAIT_MS), FLOOR.windowMs);
	const firstKept = budget.sent.findIndex((at) => at > windowStart);
	budget.sent = firstKept < 0 ? [] : budget.sent.slice(firstKept);
	if (budget.resetAt !== undefined && now >= budget.resetAt) {
		budget.remaining = undefined;
		budget.resetAt = undefined;
	}
}

function insertSorted(list: number[], at: number): void {
	let i = list.length;
	while (i > 0 && list[i - 1] > at) i--;
	list.splice(i, 0, at);
}

function removeOne(list: number[], at: number): void {
	const i = list.lastIndexOf(at);
	if (i >= 0) list.splice(i, 1);
}

/**
 * When the next request may go out (epoch ms), or undefined while it has to wait for an answer first.
 * Requests keep the order they booked in: a new one never goes before one booked for later.
 */
function nextSlot(budget: EndpointBudget, now: number): number | undefined {
	const { sent } = budget;
	const last = sent[sent.length - 1];
	const queued = last !== undefined && last > now;
	let at = queued ? last : now;

	// A window or reset longer than MAX_PACING_WAIT_MS is not believed: send, and let iClosed answer.
	const windowMs = budget.windowMs !== undefined && budget.windowMs <= MAX_PACING_WAIT_MS ? budget.windowMs : undefined;
	const resetAt = budget.resetAt !== undefined && budget.resetAt - now <= MAX_PACING_WAIT_MS ? budget.resetAt : undefined;

	// Headers said how many are left until when (windowless: one goes at the reset, its answer tells the rest).
	const byHeaders = budget.remaining !== undefined && resetAt !== undefined;
	if (byHeaders && (budget.remaining as number) <= 0) {
		if (queued && !windowMs) return undefined;
		at = Math.max(at, (resetAt as number) + MARGIN_MS);
	}
	if (budget.points && windowMs) {
		// The learnt window: room once the `points`-th latest booking has left it.
		if (sent.length >= budget.points) at = Math.max(at, sent[sent.length - budget.points] + windowMs + MARGIN_MS);
		return at;
	}
	if (!byHeaders) {
		// Nothing learnt yet: the floor goes freely, beyond it one request at a time until iClosed says more.
		const recent = sent.filter((t) => t > now - FLOOR.windowMs).length;
		if (recent >= FLOOR.points && budget.inFlight > 0) return undefined;
	}
	return at;
}

/**
 * Books the next request to an endpoint: counts it now, at the time it may go out. Answer the slot with
 * `settleSlot` (or `releaseSlot` when it is not sent after all). `busyMs`: ask again after that long,
 * once a request in flight has answered.
 */
export function bookSlot(key: string, now: number = Date.now()): Booking {
	const budget = budgetFor(key);
	prune(budget, now);
	const at = nextSlot(budget, now);
	if (at === undefined) return { busyMs: BUSY_RETRY_MS };
	insertSorted(budget.sent, at);
	budget.inFlight++;
	if (budget.remaining !== undefined) budget.remaining--;
	return { slot: { key, at }, waitMs: Math.max(0, Math.ceil(at - now)) };
}

/**
 * A booked request has its answer. A 429 was refused and does not count against the limit; anything
 * else counts from its answer time.
 */
export function settleSlot(slot: Slot, statusCode: number | undefined, now: number = Date.now()): void {
	const budget = budgets.get(slot.key);
	if (!budget) return;
	budget.inFlight = Math.max(0, budget.inFlight - 1);
	removeOne(budget.sent, slot.at);
	if (statusCode !== 429) insertSorted(budget.sent, Math.max(slot.at, now));
}

/** A booked request that was not sent after all (its time ran out, or the connection never opened). */
export function releaseSlot(slot: Slot): void {
	const budget = budgets.get(slot.key);
	if (!budget) return;
	budget.inFlight = Math.max(0, budget.inFlight - 1);
	removeOne(budget.sent, slot.at);
	if (budget.remaining !== undefined) budget.remaining++;
}

/** Milliseconds a request booked now would wait (0 = now), without booking it. */
export function delayBeforeRequest(key: string, now: number = Date.now()): number {
	const budget = budgets.get(key);
	if (!budget) return 0;
	prune(budget, now);
	const at = nextSlot(budget, now);
	return at === undefined ? BUSY_RETRY_MS : Math.max(0, Math.ceil(at - now));
}

/** A request sent and answered at `at` (tests, and callers outside the transport). */
export function recordRequestSent(key: string, at: number = Date.now()): void {
	const booked = bookSlot(key, at);
	if ('slot' in booked) settleSlot(booked.slot, 200, at);
}

/**
 * When the budget refills, in epoch milliseconds. iClosed's docs say `RateLimit-Reset` is an ISO
 * timestamp; other servers send seconds from now, epoch seconds or epoch milliseconds, told apart by
 * size. Negative or unreadable values are ignored.
 */
export function parseReset(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (!isPlainNumber(value)) return parseHeaderDate(value);
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) return undefined;
	if (n >= 1e12) return n; // epoch milliseconds (1e12 ms is 2001)
	if (n >= 1e9) return n * 1000; // epoch seconds (1e9 s is 2001)
	return now + n * 1000;
}

/** Learns the endpoint's limit from any response (headers) and from a 429's body. */
export function learnRateLimit(
	key: string,
	statusCode: number,
	headers: Record<string, unknown> | undefined,
	body: unknown,
	now: number = Date.now(),
): void {
	const limitHeader = headerValue(headers, 'ratelimit-limit', 'x-ratelimit-limit');
	const remainingHeader = headerValue(headers, 'ratelimit-remaining', 'x-ratelimit-remaining');
	const limitBody = (body as { limit?: { points?: unknown; windowSec?: unknown } } | undefined)?.limit;
	if (limitHeader === undefined && remainingHeader === undefined && !(statusCode === 429 && limitBody)) return;

	const budget = budgetFor(key);
	const points = Number(limitBody?.points ?? limitHeader?.split(/[;,]/)[0]);
	if (Number.isInteger(points) && points > 0 && points <= MAX_BELIEVED_POINTS) budget.points = points;
	const windowSec = Number(limitBody?.windowSec ?? /w=(\d+)/.exec(limitHeader ?? '')?.[1]);
	if (Number.isFinite(windowSec) && windowSec > 0) budget.windowMs = windowSec * 1000;
	if (remainingHeader !== undefined && Number.isFinite(Number(remainingHeader))) {
		// Requests still in flight were booked after this one was counted: iClosed may not have seen them yet.
		budget.remaining = Number(remainingHeader) - budget.inFlight;
		budget.resetAt = parseReset(headerValue(headers, 'ratelimit-reset', 'x-ratelimit-reset'), now);
	}
	if (statusCode === 429 && budget.points && budget.windowMs) {
		// A refused request does not count (settleSlot), but it proves the window is full now.
		const windowStart = now - budget.windowMs;
		const counted = budget.sent.filter((at) => at > windowStart && at <= now).length;
		for (let i = counted; i < budget.points; i++) insertSorted(budget.sent, now);
	}
}

/** Forget everything learnt (tests). */
export function resetRateLimitPacer(): void {
	budgets.clear();
}
