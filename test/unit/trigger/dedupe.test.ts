import type { IDataObject } from 'n8n-workflow';

import { DEDUPE_WINDOW_SECONDS, MAX_SEEN, fingerprint, isDuplicate, remember } from '../../../nodes/IClosedTrigger/dedupe';

describe('duplicate memory', () => {
	const now = 1_800_000_000;

	it('remembers an accepted event for 24 hours, then forgets it', () => {
		const data: IDataObject = {};
		const print = fingerprint({ hookType: 'Call booked', event: { uuid: '1' } });
		remember(data, [print], now);
		expect(isDuplicate(data, print, now + DEDUPE_WINDOW_SECONDS - 1)).toBe(true);
		expect(isDuplicate(data, print, now + DEDUPE_WINDOW_SECONDS)).toBe(false);
	});

	it('ignores key order but not values', () => {
		expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprint({ b: { d: 3, c: 2 }, a: 1 }));
		expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
		expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
	});

	it(`keeps at most ${MAX_SEEN} entries, dropping the oldest and the expired`, () => {
		const data: IDataObject = { seen: { expired: now - 1 } };
		for (let i = 0; i < MAX_SEEN + 50; i++) remember(data, [`p${i}`], now + i);
		const seen = data.seen as Record<string, number>;
		expect(Object.keys(seen)).toHaveLength(MAX_SEEN);
		expect(seen.expired).toBeUndefined();
		expect(seen.p0).toBeUndefined();
		expect(seen[`p${MAX_SEEN + 49}`]).toBeDefined();
	});

	it('stays small: a full memory is well under 100 KB of static data', () => {
		const data: IDataObject = {};
		for (let i = 0; i < MAX_SEEN; i++) remember(data, [fingerprint({ i })], now);
		expect(JSON.stringify(data).length).toBeLessThan(100_000);
	});

	it('survives garbage in the static data', () => {
		const data: IDataObject = { seen: 'nonsense' };
		expect(isDuplicate(data, 'x', now)).toBe(false);
		remember(data, ['x'], now);
		expect(isDuplicate(data, 'x', now)).toBe(true);
	});
});
