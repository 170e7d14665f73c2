// Benchmark code (never shipped): repeated rounds over a set of variants, side by side.
import { loadNow } from './machine';

export interface RoundsResult<S> {
	/** Samples per variant index, in round order. */
	samples: S[][];
	/** 1-minute load average at the start of each round. */
	loads: number[];
}

/**
 * Runs every variant once per round. `parallel`: all variants of a round at once (each against its own
 * fake server, in its own process), for long runs whose time is set by waiting on the rate limit;
 * otherwise one after the other, in the same order each round, so CPU-bound parts do not compete.
 */
export async function runRounds<V, S>(
	variants: V[],
	rounds: number,
	parallel: boolean,
	run: (variant: V) => Promise<S>,
	onRound: (round: number, results: S[]) => void,
): Promise<RoundsResult<S>> {
	const samples: S[][] = variants.map(() => []);
	const loads: number[] = [];
	for (let round = 0; round < rounds; round++) {
		loads.push(loadNow());
		let results: S[];
		if (parallel) results = await Promise.all(variants.map(async (v) => await run(v)));
		else {
			results = [];
			for (const v of variants) results.push(await run(v));
		}
		results.forEach((r, i) => samples[i].push(r));
		onRound(round, results);
	}
	return { samples, loads };
}
