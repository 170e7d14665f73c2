// Test code (never shipped): a small seeded random generator, so a failing adversarial run can be replayed.

export interface Random {
	/** A float in [0, 1). */
	next(): number;
	int(maxExclusive: number): number;
	pick<T>(values: readonly T[]): T;
	shuffle<T>(values: T[]): T[];
}

/** mulberry32: tiny, fast, good enough to vary test input. */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
	return {
		next,
		int,
		pick: (values) => values[int(values.length)],
		shuffle: (values) => {
			for (let i = values.length - 1; i > 0; i--) {
				const j = int(i + 1);
				[values[i], values[j]] = [values[j], values[i]];
			}
			return values;
		},
	};
}
