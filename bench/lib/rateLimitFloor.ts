// Benchmark code (never shipped): the shortest time a limit of `points` requests per `windowSec` allows.

export interface Limit {
	points: number;
	windowSec: number;
}

/**
 * `requests` sequential requests under a fixed window that opens with the first one: each window
 * takes `points` of them, so the last one cannot start before (ceil(requests / points) − 1) windows
 * have passed. Time spent inside the last window (answering) is not set by the limit and not counted.
 */
export function floorMs(requests: number, limit: Limit): number {
	return (Math.ceil(requests / limit.points) - 1) * limit.windowSec * 1000;
}

/** Requests per second the limit sustains over `requests` requests (the "floor" throughput). */
export function floorThroughput(requests: number, limit: Limit): number {
	const ms = floorMs(requests, limit);
	return ms > 0 ? requests / (ms / 1000) : Number.POSITIVE_INFINITY;
}
