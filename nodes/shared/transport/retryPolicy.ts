import type { IHttpRequestMethods } from 'n8n-workflow';

import { headerValue, isPlainNumber, parseHeaderDate } from './responseHeaders';

/**
 * When to try a request again, and how long to wait first.
 *
 * A 429 means iClosed did nothing, so every method may be repeated after the wait it asks for
 * (`Retry-After` header, else the body's `retryAfter`, else exponential backoff; iclosed-api.md §1.3).
 * Any other failure of a POST may have created something (a booked call!), so only GET/PUT/DELETE
 * are repeated after 5xx, resets and timeouts.
 */
export const MAX_RATE_LIMIT_RETRIES = 8;
export const MAX_FAILURE_RETRIES = 2;
// How long all of one request's waits may add up to is not set here: timeLimit.ts holds that one bound.
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

export function isRetryableAfterFailure(method: IHttpRequestMethods): boolean {
	return method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'HEAD';
}

/** Exponential backoff with a little jitter: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
	return Math.round(base * (0.8 + 0.4 * random()));
}

/** Milliseconds from a Retry-After header: delta-seconds or an HTTP date; negative or unreadable is absent. */
function retryAfterHeaderMs(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (isPlainNumber(value)) {
		const seconds = Number(value);
		return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
	}
	const date = parseHeaderDate(value);
	return date === undefined ? undefined : Math.max(0, date - now);
}

function retryAfterBodyMs(body: unknown): number | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const value = Number((body as { retryAfter?: unknown }).retryAfter);
	return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
}

/** The wait a 429 asks for in so many words: the Retry-After header, else the body's `retryAfter`. */
export function retryAfterHintMs(
	headers: Record<string, unknown> | undefined,
	body: unknown,
	now: number = Date.now(),
): number | undefined {
	return retryAfterHeaderMs(headerValue(headers, 'retry-after'), now) ?? retryAfterBodyMs(body);
}

/** How long to wait before repeating a request that got 429 (a small margin absorbs clock skew). */
export function rateLimitDelayMs(
	headers: Record<string, unknown> | undefined,
	body: unknown,
	attempt: number,
	now: number = Date.now(),
): number {
	const hinted = retryAfterHintMs(headers, body, now);
	if (hinted !== undefined) return Math.ceil(hinted) + 100;
	return backoffMs(attempt);
}
