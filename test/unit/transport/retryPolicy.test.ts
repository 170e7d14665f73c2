import { rateLimitDelayMs, retryAfterHintMs } from '../../../nodes/shared/transport/retryPolicy';

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

	it('tells a wait iClosed asked for (header or body) from one it did not', () => {
		expect(retryAfterHintMs({ 'retry-after': '3' }, {}, NOW)).toBe(3000);
		expect(retryAfterHintMs({}, { retryAfter: 2 }, NOW)).toBe(2000);
		expect(retryAfterHintMs({}, { message: 'slow down' }, NOW)).toBeUndefined();
	});
});
