import {
	MAX_RATE_LIMIT_RETRIES,
	MAX_RATE_LIMIT_TOTAL_WAIT_MS,
	MAX_RATE_LIMIT_WAIT_MS,
	rateLimitDelayMs,
	waitsOutRateLimit,
} from '../../../nodes/shared/transport/retryPolicy';

const NOW = 1_764_480_000_000;

describe('how long a 429 is waited out', () => {
	it.each([
		['delta seconds', '2', 2100],
		['an HTTP date', new Date(NOW + 2000).toUTCString(), 2100],
		['an HTTP date in the past', new Date(NOW - 60_000).toUTCString(), 100],
	])('reads a Retry-After of %s', (_form, value, expected) => {
		expect(rateLimitDelayMs({ 'Retry-After': value }, { retryAfter: 9 }, 0, NOW)).toBe(expected);
	});

	it.each([
		['negative', '-5'],
		['NaN', 'NaN'],
		['Infinity', 'Infinity'],
		['words', 'later'],
	])('falls back to the body when Retry-After is %s (a bare number is never read as a year)', (_form, value) => {
		expect(rateLimitDelayMs({ 'Retry-After': value }, { retryAfter: 3 }, 0, NOW)).toBe(3100);
	});

	it('falls back to back-off when neither the header nor the body says anything usable', () => {
		const wait = rateLimitDelayMs({}, { retryAfter: -1 }, 0, NOW);
		expect(wait).toBeGreaterThanOrEqual(800);
		expect(wait).toBeLessThanOrEqual(1200);
	});

	it('sleeps through at most two minutes at a time and five minutes for one request', () => {
		expect(waitsOutRateLimit(MAX_RATE_LIMIT_WAIT_MS, 0)).toBe(true);
		expect(waitsOutRateLimit(MAX_RATE_LIMIT_WAIT_MS + 1, 0)).toBe(false);
		expect(waitsOutRateLimit(3600 * 1000, 0)).toBe(false);
		expect(waitsOutRateLimit(100_000, 200_000)).toBe(true);
		expect(waitsOutRateLimit(100_000, 200_001)).toBe(false);
		// Without the total, MAX_RATE_LIMIT_RETRIES waits of two minutes would hold one request 16 minutes.
		expect(MAX_RATE_LIMIT_RETRIES * MAX_RATE_LIMIT_WAIT_MS).toBeGreaterThan(MAX_RATE_LIMIT_TOTAL_WAIT_MS);
	});
});
