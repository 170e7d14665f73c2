/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and benchmark code, never shipped */
// Benchmark code (never shipped): time per call of a small synchronous or async function.
import { median } from './stats';

/** Median microseconds per call over `batches` batches of `perBatch` calls, after a warm-up. */
export async function microsPerCall(
	fn: () => unknown,
	perBatch = 200,
	batches = 15,
): Promise<number> {
	for (let i = 0; i < perBatch; i++) await fn();
	const perCall: number[] = [];
	for (let b = 0; b < batches; b++) {
		const t0 = process.hrtime.bigint();
		for (let i = 0; i < perBatch; i++) await fn();
		perCall.push(Number(process.hrtime.bigint() - t0) / 1e3 / perBatch);
	}
	return median(perCall);
}
