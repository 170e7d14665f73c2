/**
 * The one rule for field names that hold a webhook signing secret, wherever iClosed might put one: a
 * subscription record, a create answer, an error body, a delivery, a polled record. Nobody has seen
 * iClosed hand out a secret (iclosed-api.md §2.11, §3.5), so every common spelling is listed, in any
 * case and with any separator. The same rule reads a secret (`readSecret`, for the trigger's
 * webhookApi.ts) and hides one (`withoutSecrets`, on everything both nodes and the polling trigger
 * output or attach to an error), so a secret iClosed sends is never hidden without being used, and
 * never reaches an item, an error or a log.
 */
export const SECRET_FIELD_NAMES = [
	'secret',
	'signingSecret',
	'signing_secret',
	'webhookSecret',
	'webhook_secret',
	'webhookSigningSecret',
	'signingKey',
	'signing_key',
] as const;

/** Lower case without `_`, `-` or spaces, so `Signing-Secret` and `SIGNING_SECRET` match too. */
function normalised(name: string): string {
	return name.toLowerCase().replace(/[\s_-]/g, '');
}

const NORMALISED = new Set<string>(SECRET_FIELD_NAMES.map(normalised));

export function isSecretFieldName(name: string): boolean {
	return NORMALISED.has(normalised(name));
}

/** A copy of `value` without secret fields at any depth; other values are returned as they are. */
export function withoutSecrets<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry: unknown) => withoutSecrets(entry)) as T;
	if (typeof value !== 'object' || value === null) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		if (!isSecretFieldName(key)) copy[key] = withoutSecrets(inner);
	}
	return copy as T;
}

/** The first secret in `record` (its own fields, not nested ones), by the same rule that hides them. */
export function readSecret(record: Record<string, unknown>): string | undefined {
	for (const [key, value] of Object.entries(record)) {
		if (!isSecretFieldName(key)) continue;
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	}
	return undefined;
}
