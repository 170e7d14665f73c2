import { createHash } from 'crypto';

/**
 * The key under which an accepted event is remembered (dedupe.ts keeps the memory). Two deliveries are
 * the same event only when their content is identical: every field and value, at any depth. Only the
 * JSON formatting (spaces, key order) is ignored, so a retry iClosed sends again is caught whichever
 * way it was serialised. Anything else that differs makes a new event: iClosed sends one outcome
 * when it is added and again, with other content, when it is updated (iclosed-api.md §3.5), and each
 * of those starts the workflow.
 *
 * The key is the first 64 bits of a SHA-256 of the event's JSON with keys sorted: a collision among a
 * day's thousand events has odds of about 1 in 10^13.
 */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	}
	return value;
}

export function fingerprint(event: unknown): string {
	return createHash('sha256').update(JSON.stringify(canonical(event)) ?? 'undefined').digest('hex').slice(0, 16);
}
