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

	it('remembers an accepted event for 24 hours (at most 10 minutes more), then forgets it', () => {
		const data: IDataObject = {};
		const print = fingerprint({ hookType: 'Call booked', event: { uuid: '1' } });
		remember(data, [print], now);
		expect(isDuplicate(data, print, now + DEDUPE_WINDOW_SECONDS - 1)).toBe(true);
		expect(isDuplicate(data, print, now + DEDUPE_WINDOW_SECONDS + 600)).toBe(false);
		expect(isDuplicate(data, fingerprint({ hookType: 'Call booked', event: { uuid: '2' } }), now)).toBe(false);
	});

	it('matches whole fingerprints only', () => {
		const data: IDataObject = {};
		remember(data, ['abcdef', 'x y', ''], now);
		expect(isDuplicate(data, 'abcdef', now)).toBe(true);
		expect(isDuplicate(data, 'bcde', now)).toBe(false);
		expect(isDuplicate(data, 'abcdef0', now)).toBe(false);
		expect(isDuplicate(data, 'x', now)).toBe(false);
	});

	it('marks the static data n8n hands out as changed, so n8n saves what it remembered', () => {
		// As loaded from the database: the memory is a watched child of the static data.
		const loaded = ObservableObject.create({ seen: { [String(now + 10)]: 'old' } }) as IDataObject & {
			__dataChanged: boolean;
		};
		remember(loaded, [fingerprint({ n: 1 })], now);
		expect(loaded.__dataChanged).toBe(true);
		expect(isDuplicate(loaded, 'old', now)).toBe(true);
		expect(isDuplicate(loaded, fingerprint({ n: 1 }), now)).toBe(true);
	});

	it('re-remembering an event keeps it for 24 hours from the latest time', () => {
		const data: IDataObject = {};
		remember(data, ['a', 'b'], now);
		remember(data, ['a'], now + 3600);
		expect(isDuplicate(data, 'b', now + DEDUPE_WINDOW_SECONDS + 600)).toBe(false);
		expect(isDuplicate(data, 'a', now + DEDUPE_WINDOW_SECONDS + 600)).toBe(true);
		expect(JSON.stringify(data.seen).match(/a/g)).toHaveLength(1);
	});

	it('ignores key order but not values', () => {
		expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprint({ b: { d: 3, c: 2 }, a: 1 }));
		expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
		expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
	});

	it(`keeps at most ${MAX_SEEN} entries, dropping the oldest and the expired`, () => {
		const data: IDataObject = { seen: { [String(now - 1)]: 'expired' } };
		for (let i = 0; i < MAX_SEEN + 50; i++) remember(data, [`p${i}`], now + i * 60);
		const last = now + (MAX_SEEN + 49) * 60;
		expect(isDuplicate(data, 'expired', now - 2)).toBe(false);
		expect(isDuplicate(data, 'p0', last)).toBe(false);
		expect(isDuplicate(data, 'p49', last)).toBe(false);
		expect(isDuplicate(data, 'p50', last)).toBe(true);
		expect(isDuplicate(data, `p${MAX_SEEN + 49}`, last)).toBe(true);
		expect(JSON.stringify(data.seen).match(/p\d+/g)).toHaveLength(MAX_SEEN);
	});

	it('stays small: a full memory is under 20 KB of static data, in a few hundred keys at most', () => {
		const data: IDataObject = {};
		for (let i = 0; i < MAX_SEEN; i++) remember(data, [fingerprint({ i })], now + i * 90);
		expect(JSON.stringify(data).length).toBeLessThan(20_000);
		expect(Object.keys(data.seen as object).length).toBeLessThanOrEqual(145);
	});

	it('survives garbage in the static data', () => {
		for (const seen of ['nonsense', [1, 2], { x: 'p1' }, { [String(now + 60)]: 42 }, { [String(now + 60)]: null }]) {
			const data: IDataObject = { seen };
			expect(isDuplicate(data, 'p1', now)).toBe(false);
			remember(data, ['p1'], now);
			expect(isDuplicate(data, 'p1', now)).toBe(true);
		}
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
