/** Reading the timing headers of iClosed's answers (Retry-After, RateLimit-*), shared by the retry and the pacer. */

/** The first value of a header, under any of the given lower-case names (headers arrive in any case). */
export function headerValue(headers: Record<string, unknown> | undefined, ...names: string[]): string | undefined {
	if (!headers) return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (names.includes(key.toLowerCase())) return String(Array.isArray(value) ? value[0] : value);
	}
	return undefined;
}

const PLAIN_NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

export function isPlainNumber(value: string): boolean {
	return PLAIN_NUMBER.test(value);
}

/**
 * An HTTP date or ISO timestamp, in epoch milliseconds. A bare number is never a date here: `Date.parse`
 * would read "-5" or " 3 " as a year and turn a misread header into a date in 2001.
 */
export function parseHeaderDate(value: string): number | undefined {
	if (value.trim() === '' || isPlainNumber(value)) return undefined;
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : at;
}
