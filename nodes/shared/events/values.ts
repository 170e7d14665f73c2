/** Small conversions shared by the simplifiers. */

/** Numeric ids as numbers (iClosed sends call ids as strings in call payloads, §4), others as text. */
export function toId(value: unknown): number | string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string' || value.trim() === '') return null;
	return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim();
}

/** Text, with empty strings read as missing. */
export function textOrNull(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const text = String(value).trim();
	return text === '' ? null : text;
}

export function fullName(...parts: unknown[]): string | null {
	const name = parts.map(textOrNull).filter((p): p is string => p !== null).join(' ');
	return name === '' ? null : name;
}

/** STRATEGY_EVENT / DISCOVERY_EVENT from either spelling (`event_type.type` or `event.type` STRATEGY_CALL). */
export function normalizeCallType(...values: unknown[]): string | null {
	for (const value of values) {
		const text = textOrNull(value)?.toUpperCase();
		if (!text) continue;
		if (text.includes('STRATEGY')) return 'STRATEGY_EVENT';
		if (text.includes('DISCOVERY')) return 'DISCOVERY_EVENT';
		return text;
	}
	return null;
}

/** Minutes from a duration and its unit (MINUTES | HOURS, §2.2). */
export function toMinutes(duration: number | null | undefined, unit: unknown): number | null {
	if (duration === null || duration === undefined) return null;
	return String(unit ?? '').toUpperCase().startsWith('HOUR') ? duration * 60 : duration;
}

/** `contact_…` from an app link such as `https://app.iclosed.io/contacts?preview=contact_abc`. */
export function previewIdFromUrl(url: unknown): string | null {
	const match = typeof url === 'string' ? /[?&]preview=([^&#]+)/.exec(url) : null;
	return match ? decodeURIComponent(match[1]) : null;
}
