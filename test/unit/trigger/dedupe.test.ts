import type { IDataObject } from 'n8n-workflow';

import {
	DEDUPE_WINDOW_SECONDS,
	MAX_SEEN,
	fingerprint,
	forgetProcessMemory,
	isDuplicate,
	isDuplicateInProcess,
	remember,
	rememberInProcess,
} from '../../../nodes/IClosedTrigger/dedupe';

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

	describe('in this process (a retry may read static data n8n has not saved yet)', () => {
		afterEach(() => forgetProcessMemory());

		it('remembers an accepted event per trigger node for 24 hours', () => {
			rememberInProcess('wf1:node', ['p1'], now);
			expect(isDuplicateInProcess('wf1:node', 'p1', now + DEDUPE_WINDOW_SECONDS - 1)).toBe(true);
			expect(isDuplicateInProcess('wf1:node', 'p1', now + DEDUPE_WINDOW_SECONDS)).toBe(false);
			expect(isDuplicateInProcess('wf2:node', 'p1', now)).toBe(false);
		});

		it(`keeps at most ${MAX_SEEN} entries per trigger node, dropping the oldest`, () => {
			for (let i = 0; i < MAX_SEEN + 10; i++) rememberInProcess('wf1:node', [`p${i}`], now);
			expect(isDuplicateInProcess('wf1:node', 'p0', now)).toBe(false);
			expect(isDuplicateInProcess('wf1:node', 'p10', now)).toBe(true);
			expect(isDuplicateInProcess('wf1:node', `p${MAX_SEEN + 9}`, now)).toBe(true);
		});

		it('forgets everything on a restart', () => {
			rememberInProcess('wf1:node', ['p1'], now);
			forgetProcessMemory();
			expect(isDuplicateInProcess('wf1:node', 'p1', now)).toBe(false);
		});
	});
});
