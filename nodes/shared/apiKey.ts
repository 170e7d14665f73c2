/**
 * What an iClosed API key looks like on the wire (iclosed-api.md §1.2).
 *
 * iClosed shows keys with their `iclosed_` prefix and expects them verbatim after `Bearer `. Users paste
 * keys with stray whitespace or with the `Bearer ` word copied from docs; both are harmless to strip.
 * A key with another prefix (the docs' `iclosed-`) is NOT rewritten: iClosed answers
 * "API key is required" for it, and we explain that instead of guessing.
 */
export const API_KEY_PREFIX = 'iclosed_';

export function normalizeApiKey(raw: unknown): string {
	const key = typeof raw === 'string' ? raw.trim() : '';
	return key.replace(/^bearer\s+/i, '').trim();
}

export function hasIClosedKeyShape(key: string): boolean {
	return key.startsWith(API_KEY_PREFIX) && key.length > API_KEY_PREFIX.length;
}

/** A hint for a key that iClosed will not recognise as a key at all; never echoes the key itself. */
export function describeKeyShapeProblem(key: string): string | undefined {
	if (key === '') return 'The API key is empty. Paste the key from iClosed → Settings → Developer → API Keys.';
	if (hasIClosedKeyShape(key)) return undefined;
	if (key.toLowerCase().startsWith('iclosed-')) {
		return `iClosed API keys start with "${API_KEY_PREFIX}" (underscore), but this one starts with "iclosed-" (hyphen). Copy the key again from iClosed → Settings → Developer → API Keys; it is shown once, when created.`;
	}
	return `iClosed API keys start with "${API_KEY_PREFIX}" (e.g. ${API_KEY_PREFIX}AbCd…), but this one does not. Copy the key again from iClosed → Settings → Developer → API Keys.`;
}
