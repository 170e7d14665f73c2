// API-key check as iClosed answers it (§1.2) (test code, never shipped).

export interface KeySets {
	valid: Set<string>;
	expired: Set<string>;
	noPlan: Set<string>;
}

export type AuthResult =
	| { ok: true; apiKey: string }
	| { ok: false; status: 401 | 403; body: { message: string; code?: string } };

/**
 * `Authorization: Bearer <key>`. A missing header, another scheme or a token without the `iclosed_`
 * prefix counts as *missing* (the live probe answered `iclosed-x` with "API key is required"), unless the
 * `requireKeyPrefix` variant is off.
 */
export function authenticate(
	header: string | undefined,
	keys: KeySets,
	requirePrefix = true,
): AuthResult {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	const token = match?.[1];
	if (!token || (requirePrefix && !token.startsWith('iclosed_'))) {
		return { ok: false, status: 401, body: { message: 'API key is required' } };
	}
	if (keys.expired.has(token)) {
		return { ok: false, status: 401, body: { message: 'API key expired' } };
	}
	if (keys.noPlan.has(token)) {
		return {
			ok: false,
			status: 403,
			body: { message: 'Your plan does not include API access', code: 'FORBIDDEN' },
		};
	}
	if (!keys.valid.has(token)) {
		return { ok: false, status: 401, body: { message: 'Invalid API key' } };
	}
	return { ok: true, apiKey: token };
}
