// Benchmark code (never shipped): medians, percentiles and ratios of repeated measurements.

export function median(values: number[]): number {
	return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100); NaN for no values. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

/** A number with `digits` decimals, or '–' when it is not a number. */
export function fmt(value: number, digits = 2): string {
	return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** Milliseconds as seconds with one decimal: "41.3 s". */
export function seconds(ms: number): string {
	return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '–';
}

export function megabytes(bytes: number): string {
	return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : '–';
}
