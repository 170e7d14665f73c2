import { createHash } from 'crypto';

/**
 * A short, non-secret tag for the iClosed account a credential speaks for.
 *
 * iClosed counts its rate limits per account (iclosed-api.md §1.3), so the pacer keeps one budget per
 * account: two credentials for different accounts on one n8n must not slow each other down. A key
 * acts as the user who created it (§1.2), so the key plus the base URL stands for the account. Only a
 * truncated SHA-256 of them is kept; the key itself is never stored or logged.
 */
export function accountTag(baseUrl: string, apiKey: string): string {
	return createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 16);
}
