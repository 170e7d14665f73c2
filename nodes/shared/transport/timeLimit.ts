/**
 * The one bound on how long a single request to iClosed may take, every wait counted together: pacing
 * under a learnt rate limit, 429 waits (Retry-After, the body's retryAfter, back-off), back-off after a
 * 5xx or a dropped connection, and the time spent waiting for answers (each attempt's HTTP timeout).
 *
 * A request ends by the earlier of its caller's `deadline` (epoch ms on n8n's clock, e.g. a poll's
 * budget) and MAX_REQUEST_WAIT_MS after it started. A wait that would end past that is not started:
 * the request stops at once with an error that says why. An attempt's HTTP timeout is shortened so the
 * answer is due by then too. README → Troubleshooting states the same numbers.
 */
export const MAX_REQUEST_WAIT_MS = 120_000;

/** Less time than this left and an attempt is not sent: it could not get an answer in time. */
export const MIN_ATTEMPT_MS = 1_000;

export interface TimeLimit {
	/** Epoch ms by which the request is over, answered or not. */
	endsAt: number;
	/** Whether the caller's deadline (rather than MAX_REQUEST_WAIT_MS) sets `endsAt`. */
	byDeadline: boolean;
}

export function timeLimitOf(startedAt: number, deadline?: number): TimeLimit {
	const capEnd = startedAt + MAX_REQUEST_WAIT_MS;
	if (deadline !== undefined && Number.isFinite(deadline) && deadline < capEnd) {
		return { endsAt: deadline, byDeadline: true };
	}
	return { endsAt: capEnd, byDeadline: false };
}

/** Whether waiting `waitMs` from `now` still leaves time for the attempt after it. */
export function waitFits(limit: TimeLimit, waitMs: number, now: number = Date.now()): boolean {
	return now + Math.max(0, waitMs) + MIN_ATTEMPT_MS <= limit.endsAt;
}

/** The HTTP timeout for an attempt sent now, or undefined when too little time is left to send one. */
export function attemptTimeoutMs(limit: TimeLimit, defaultMs: number, now: number = Date.now()): number | undefined {
	const left = limit.endsAt - now;
	if (left < MIN_ATTEMPT_MS) return undefined;
	return Math.min(defaultMs, left);
}

/** Words for the limit in an error: which bound it was and how long it allowed. */
export function describeTimeLimit(limit: TimeLimit, startedAt: number): string {
	const seconds = Math.max(0, Math.round((limit.endsAt - startedAt) / 1000));
	return limit.byDeadline
		? `the deadline this request was given (${seconds} s after it started)`
		: `the ${MAX_REQUEST_WAIT_MS / 1000} s one request may take in all, waits included`;
}
