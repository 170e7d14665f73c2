// iClosed's clock in the fake: real time by default, movable by tests (test code, never shipped).
// Polling tests need records on one timestamp, time passing between polls without waiting, and
// iClosed's clock running minutes ahead of or behind n8n's.

export interface FakeClock {
	/** iClosed's "now". */
	now(): Date;
	/** Stops time at `at`: every write until the next move carries this timestamp. */
	freeze(at?: Date | string): void;
	/** Moves time on by `ms` (frozen or running). */
	advance(ms: number): void;
	/** Lets time run again from where it stands. */
	resume(): void;
	/** Runs `ms` ahead of (positive) or behind (negative) the machine's clock, time running. */
	skew(ms: number): void;
}

export function createClock(base: () => Date = () => new Date()): FakeClock {
	let offsetMs = 0;
	let frozenAt: number | null = null;
	const current = () => frozenAt ?? base().getTime() + offsetMs;
	return {
		now: () => new Date(current()),
		freeze(at) {
			frozenAt = at === undefined ? current() : new Date(at).getTime();
		},
		advance(ms) {
			if (frozenAt !== null) frozenAt += ms;
			else offsetMs += ms;
		},
		resume() {
			if (frozenAt === null) return;
			offsetMs = frozenAt - base().getTime();
			frozenAt = null;
		},
		skew(ms) {
			frozenAt = null;
			offsetMs = ms;
		},
	};
}
