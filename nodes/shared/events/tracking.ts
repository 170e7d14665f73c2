/**
 * UTM data as first touch, last touch and custom pairs. Contact deliveries send `utm_*` (the latest
 * visit), `first_utm_*` (the first) and custom pairs as `utmKey_N`/`utmValue_N`; call deliveries send
 * the call's UTM rows flattened to `{<utmKey>: <utmValue>}` (iclosed-api.md §3.2). Standard UTM names
 * fill the touches; any other key (`gclid`, `_fbp`, custom keys) becomes a custom pair.
 */
export interface Touch {
	source?: string;
	medium?: string;
	campaign?: string;
	term?: string;
	content?: string;
}

export interface Tracking {
	firstTouch: Touch | null;
	lastTouch: Touch | null;
	custom: Array<{ key: string; value: string }>;
}

const STANDARD = ['source', 'medium', 'campaign', 'term', 'content'] as const;
type Standard = (typeof STANDARD)[number];

function standardName(key: string, prefix: string): Standard | undefined {
	if (!key.startsWith(prefix)) return undefined;
	const rest = key.slice(prefix.length) as Standard;
	return STANDARD.includes(rest) ? rest : undefined;
}

function asText(value: unknown): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function simplifyTracking(tracking: Record<string, unknown> | null | undefined): Tracking | null {
	if (!tracking || Object.keys(tracking).length === 0) return null;
	const first: Touch = {};
	const last: Touch = {};
	const custom: Array<{ key: string; value: string }> = [];
	const pairs = new Map<string, { key?: string; value?: string }>();

	for (const [key, raw] of Object.entries(tracking)) {
		const value = asText(raw);
		if (value === undefined) continue;
		const pair = /^utm(Key|Value)_(\d+)$/.exec(key);
		if (pair) {
			const slot = pairs.get(pair[2]) ?? {};
			if (pair[1] === 'Key') slot.key = value;
			else slot.value = value;
			pairs.set(pair[2], slot);
			continue;
		}
		const firstName = standardName(key, 'first_utm_');
		const lastName = standardName(key, 'last_utm_') ?? standardName(key, 'utm_');
		if (firstName) first[firstName] = value;
		else if (lastName) last[lastName] = value;
		else custom.push({ key, value });
	}
	for (const { key, value } of pairs.values()) {
		if (key === undefined || value === undefined) continue;
		// Pairs repeating a standard UTM already read above add nothing.
		const standard = standardName(key, 'utm_');
		if (standard && (last[standard] === value || first[standard] === value)) continue;
		if (!custom.some((c) => c.key === key && c.value === value)) custom.push({ key, value });
	}
	const orNull = (touch: Touch) => (Object.keys(touch).length > 0 ? touch : null);
	return { firstTouch: orNull(first), lastTouch: orNull(last), custom };
}
