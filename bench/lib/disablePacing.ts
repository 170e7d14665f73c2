/* eslint-disable @typescript-eslint/no-require-imports -- test and benchmark code, never shipped */
// Benchmark code (never shipped): the transport as it was before the pacer, for the "without pacing"
// comparison. request.ts calls the pacer through the compiled module's exports object, so replacing
// `learnRateLimit` there means no limit is ever learnt and no request ever waits before it is sent;
// the 429 retry (Retry-After / body retryAfter) is untouched. Call before any request is made.
export function disablePacing(): void {
	const pacer = require('../../nodes/shared/transport/rateLimitPacer') as Record<string, unknown>;
	pacer.learnRateLimit = () => undefined;
}
