import type { IHttpRequestMethods } from 'n8n-workflow';

import { headerValue, isPlainNumber, parseHeaderDate } from './responseHeaders';

/**
 * Keeps requests under iClosed's per-endpoint limit instead of bouncing off 429s (iclosed-api.md §1.3:
 * limits count per account, per path + verb, per window; 20 per 10 s on Startup, 100 on Business).
 *
 * The limit is not known up front, so it is learnt: from a 429's body (`limit: {points, windowSec}`) and,
 * where iClosed sends them, from `RateLimit-*` / `X-RateLimit-*` headers. Once known, a request waits
 * until the window has room. State lives in memory only (one n8n main or worker), one budget per
 * account and endpoint; a 429 from traffic we cannot see is still handled by the retry in request.ts.
 *
 * What the pacer learns comes from response headers it cannot check, so it never waits longer than
 * MAX_PACING_WAIT_MS on its own: past that, the request goes out and iClosed's answer decides (a real
 * 429 is then waited out, within the retry's own caps).
 */
interface EndpointBudget {
	points?: number;
	windowMs?: number;
	/** When iClosed answered our recent requests, oldest first. */
	sent: number[];
	/** From headers: requests left until `resetAt`. */
	remaining?: number;
	resetAt?: number;
}

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
		budget = { sent: [] };
		budgets.set(key, budget);
	}
	return budget;
}

/** Milliseconds to wait before the next request to this endpoint may go out (0 = now). */
export function delayBeforeRequest(key: string, now: number = Date.now()): number {
	const budget = budgets.get(key);
	if (!budget) return 0;
	let wait = 0;
	if (budget.remaining !== undefined && budget.remaining <= 0 && budget.resetAt !== undefined) {
		wait = Math.max(wait, budget.resetAt - now + MARGIN_MS);
	}
	if (budget.points && budget.windowMs) {
		const windowStart = now - budget.windowMs;
		budget.sent = budget.sent.filter((at) => at > windowStart);
		if (budget.sent.length >= budget.points) {
			const oldest = budget.sent[budget.sent.length - budget.points];
			wait = Math.max(wait, oldest + budget.windowMs - now + MARGIN_MS);
		}
	}
	// Past the cap the budget is not believed: send now and let iClosed answer.
	return wait > MAX_PACING_WAIT_MS ? 0 : Math.max(0, Math.ceil(wait));
}

export function recordRequestSent(key: string, at: number = Date.now()): void {
	const budget = budgetFor(key);
	budget.sent.push(at);
	if (budget.remaining !== undefined) budget.remaining--;
	const keep = Math.max(budget.points ?? 0, 100);
	if (budget.sent.length > keep) budget.sent.splice(0, budget.sent.length - keep);
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
		budget.remaining = Number(remainingHeader);
		budget.resetAt = parseReset(headerValue(headers, 'ratelimit-reset', 'x-ratelimit-reset'), now);
	}
	if (statusCode === 429) {
		// A refused request does not count against the limit, but it proves the window is full now.
		budget.sent.pop();
		if (budget.points) while (budget.sent.length < budget.points) budget.sent.unshift(now);
	}
}

/** Forget everything learnt (tests). */
export function resetRateLimitPacer(): void {
	budgets.clear();
}
