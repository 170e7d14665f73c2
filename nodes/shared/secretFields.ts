/**
 * The one list of field names that hold a webhook signing secret, wherever iClosed might put one: a
 * subscription record, a create answer, an error body, a delivery. Nobody has seen iClosed hand out a
 * secret (iclosed-api.md §2.11, §3.5), so every common spelling is listed. The trigger reads a secret
 * from these fields (webhookApi.ts); both nodes drop them from anything they output or attach to an
 * error (`withoutSecrets`), so a secret never reaches an item, an error or a log.
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
