import type { IDataObject } from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

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

	it('marks the static data n8n hands out as changed, so n8n saves what it remembered', () => {
		// As loaded from the database: the memory is a watched child of the static data.
		const loaded = ObservableObject.create({ seen: { old: now + 10 } }) as IDataObject & { __dataChanged: boolean };
		remember(loaded, [fingerprint({ n: 1 })], now);
		expect(loaded.__dataChanged).toBe(true);
		// As kept in memory after an earlier delivery: `seen` is a plain object this code assigned.
		const cached = ObservableObject.create({}) as IDataObject & { __dataChanged: boolean };
		cached.seen = {};
		cached.__dataChanged = false;
		remember(cached, [fingerprint({ n: 2 })], now);
		expect(cached.__dataChanged).toBe(true);
		expect(Object.keys(cached.seen as object)).toHaveLength(1);
	});

	it('re-remembering an event moves it to the newest end', () => {
		const data: IDataObject = {};
		remember(data, ['a', 'b'], now);
		remember(data, ['a'], now + 5);
		expect(Object.keys(data.seen as object)).toEqual(['b', 'a']);
		expect((data.seen as Record<string, number>).a).toBe(now + 5 + DEDUPE_WINDOW_SECONDS);
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
