// Fixed-window rate limiting per endpoint (method + path) per API key (§1.3) (test code, never shipped).
import type { RateLimit } from './types';

export type RateDecision =
	| { ok: true; limit: RateLimit | null; remaining: number; resetAt: number }
	| { ok: false; limit: RateLimit; retryAfter: number; resetAt: number };

export class RateLimiter {
	private global: RateLimit | null;
	private perRoute = new Map<string, RateLimit | null>();
	private windows = new Map<string, { start: number; count: number }>();

	constructor(limit: RateLimit | null | undefined) {
		this.global = limit ?? null;
	}

	/** Sets the limit for every route, or for one route ('GET /v1/contacts'). Resets the counters. */
	set(limit: RateLimit | null | undefined, route?: string): void {
		if (route) this.perRoute.set(normalizeRoute(route), limit ?? null);
		else {
			this.global = limit ?? null;
			this.perRoute.clear();
		}
		this.windows.clear();
	}

	/** Counts one request; a refused request is not executed by the caller. */
	check(route: string, apiKey: string, now: number): RateDecision {
		const key = normalizeRoute(route);
		const limit = this.perRoute.has(key) ? (this.perRoute.get(key) ?? null) : this.global;
		if (!limit) return { ok: true, limit: null, remaining: Infinity, resetAt: now };
		const windowMs = limit.windowSec * 1000;
		const id = `${apiKey} ${key}`;
		let w = this.windows.get(id);
		if (!w || now >= w.start + windowMs) {
			w = { start: now, count: 0 };
			this.windows.set(id, w);
		}
		const resetAt = w.start + windowMs;
		if (w.count >= limit.points) {
			return {
				ok: false,
				limit,
				retryAfter: Math.max(1, Math.ceil((resetAt - now) / 1000)),
				resetAt,
			};
		}
		w.count++;
		return { ok: true, limit, remaining: limit.points - w.count, resetAt };
	}
}

export function normalizeRoute(route: string): string {
	const [method, ...rest] = route.trim().split(/\s+/);
	return `${method.toUpperCase()} ${rest.join(' ')}`;
}

/** The 429 body iClosed sends (§1.3). */
export function rateLimitBody(limit: RateLimit, retryAfter: number): unknown {
	return {
		code: 'RATE_LIMIT_EXCEEDED',
		message: 'Too many requests, please try again later.',
		retryAfter,
		limit: { points: limit.points, windowSec: limit.windowSec },
	};
}

/** Informational headers for the `rateLimitHeaders` variant. */
export function rateLimitHeaders(
	style: 'none' | 'ratelimit' | 'x-ratelimit',
	limit: RateLimit | null,
	remaining: number,
	resetAt: number,
): Record<string, string> {
	if (!limit || style === 'none') return {};
	if (style === 'ratelimit') {
		return {
			'RateLimit-Limit': String(limit.points),
			'RateLimit-Remaining': String(Math.max(0, remaining)),
			'RateLimit-Reset': new Date(resetAt).toISOString(),
		};
	}
	return {
		'X-RateLimit-Limit': String(limit.points),
		'X-RateLimit-Remaining': String(Math.max(0, remaining)),
		'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
	};
}
