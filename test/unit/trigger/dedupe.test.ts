import {
	DEDUPE_WINDOW_SECONDS,
	MAX_SEEN,
	fingerprint,
	forgetProcessMemory,
	isDuplicateInProcess,
	rememberInProcess,
} from '../../../nodes/IClosedTrigger/dedupe';

describe('duplicate memory', () => {
	const now = 1_800_000_000;

	it('ignores key order but not values', () => {
		expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprint({ b: { d: 3, c: 2 }, a: 1 }));
		expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
		expect(fingerprint([1, 2])).not.toBe(fingerprint([2, 1]));
	});

	describe('in this process (never in static data: n8n saves that last-writer-wins)', () => {
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

		it('drops expired entries as new ones arrive', () => {
			rememberInProcess('wf1:node', ['old'], now);
			rememberInProcess('wf1:node', ['new'], now + DEDUPE_WINDOW_SECONDS);
			expect(isDuplicateInProcess('wf1:node', 'old', now + DEDUPE_WINDOW_SECONDS)).toBe(false);
			expect(isDuplicateInProcess('wf1:node', 'new', now + DEDUPE_WINDOW_SECONDS)).toBe(true);
		});

		it('forgets everything on a restart', () => {
			rememberInProcess('wf1:node', ['p1'], now);
			forgetProcessMemory();
			expect(isDuplicateInProcess('wf1:node', 'p1', now)).toBe(false);
		});
	});
});
