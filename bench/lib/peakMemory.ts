/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and benchmark code, never shipped */
// Benchmark code (never shipped): the peak memory of this process while a measurement runs.

export interface PeakMemory {
	/** Highest resident set size seen by the OS for this process (bytes). */
	maxRssBytes: number;
	/** Highest V8 heap in use among samples taken every 20 ms (bytes). */
	peakHeapBytes: number;
}

export function trackPeakMemory(): { stop: () => PeakMemory } {
	let peakHeap = process.memoryUsage().heapUsed;
	const timer = setInterval(() => {
		peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
	}, 20);
	return {
		stop: () => {
			clearInterval(timer);
			peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
			return { maxRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapBytes: peakHeap };
		},
	};
}
