import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Checking that a delivery comes from iClosed. iClosed says deliveries are "signed with a secret key"
 * but documents no header, algorithm or secret source (iclosed-api.md §3.3), so this accepts the
 * common schemes of other vendors, all HMAC-SHA256 with the signing secret:
 *  - header `x-iclosed-signature` (the community's guess), `x-signature`, `x-webhook-signature` or
 *    `x-hub-signature-256` (GitHub style);
 *  - value: the digest in hex or base64 (also URL-safe), optionally prefixed `sha256=`;
 *  - or `t=<unix time>,v1=<digest>` (Stripe/Calendly style), the digest taken over `<t>.<raw body>`
 *    (the raw body alone is accepted too); a timestamp more than 5 minutes off is a replay.
 * Digests are compared in constant time. Nothing here ever logs or returns a secret or a digest.
 */
export const SIGNATURE_HEADERS = ['x-iclosed-signature', 'x-signature', 'x-webhook-signature', 'x-hub-signature-256'];
export const REPLAY_WINDOW_SECONDS = 300;

export type SignaturePolicy = 'whenSigned' | 'require' | 'off';

export type SignatureCheck =
	| { status: 'valid'; header: string }
	| { status: 'missing' }
	| { status: 'invalid'; header: string; reason: 'mismatch' | 'malformed' | 'replayed' };

interface ParsedSignature {
	timestamp?: number;
	digests: Buffer[];
}

const DIGEST_BYTES = 32;

function decodeDigest(text: string): Buffer | undefined {
	const value = text.trim().replace(/^sha256=/i, '');
	if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
	const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
	return bytes.length === DIGEST_BYTES ? bytes : undefined;
}

/** `t=…,v1=…` pairs, or a single digest with an optional `sha256=` prefix. */
export function parseSignatureValue(value: string): ParsedSignature {
	const pairs = value.split(',').map((part) => part.trim().split('='));
	const isTimestamped = pairs.some(([key]) => key === 't' || key === 'v1');
	if (!isTimestamped) {
		const digest = decodeDigest(value);
		return { digests: digest ? [digest] : [] };
	}
	let timestamp: number | undefined;
	const digests: Buffer[] = [];
	for (const [key, ...rest] of pairs) {
		const text = rest.join('=');
		if (key === 't' && /^\d+$/.test(text)) timestamp = Number(text);
		else if (key === 'v1' || key === 'sha256') {
			const digest = decodeDigest(text);
			if (digest) digests.push(digest);
		}
	}
	return { timestamp, digests };
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		const text = Array.isArray(value) ? value[0] : value;
		if (typeof text === 'string' && text.trim() !== '') return text.trim();
	}
	return undefined;
}

export function findSignatureHeader(headers: Record<string, unknown>): { header: string; value: string } | undefined {
	for (const header of SIGNATURE_HEADERS) {
		const value = headerValue(headers, header);
		if (value !== undefined) return { header, value };
	}
	return undefined;
}

function hmac(secret: string, ...parts: Array<string | Buffer>): Buffer {
	const mac = createHmac('sha256', secret);
	for (const part of parts) mac.update(part);
	return mac.digest();
}

function anyEqual(provided: Buffer[], expected: Buffer[]): boolean {
	let match = false;
	for (const digest of provided) {
		for (const candidate of expected) {
			// Both are SHA-256 digests (decodeDigest guarantees 32 bytes), so lengths always agree.
			if (digest.length === candidate.length && timingSafeEqual(digest, candidate)) match = true;
		}
	}
	return match;
}

/** Seconds or milliseconds since the epoch, whichever the sender used. */
function toSeconds(timestamp: number): number {
	return timestamp > 1e11 ? timestamp / 1000 : timestamp;
}

export function verifySignature(options: {
	rawBody: Buffer;
	headers: Record<string, unknown>;
	secrets: string[];
	nowMs?: number;
}): SignatureCheck {
	const found = findSignatureHeader(options.headers);
	if (!found) return { status: 'missing' };
	const { header } = found;
	const parsed = parseSignatureValue(found.value);
	if (parsed.digests.length === 0) return { status: 'invalid', header, reason: 'malformed' };

	const expected = options.secrets.flatMap((secret) =>
		parsed.timestamp === undefined
			? [hmac(secret, options.rawBody)]
			: [hmac(secret, `${parsed.timestamp}.`, options.rawBody), hmac(secret, options.rawBody)],
	);
	if (!anyEqual(parsed.digests, expected)) return { status: 'invalid', header, reason: 'mismatch' };

	if (parsed.timestamp !== undefined) {
		const nowSeconds = (options.nowMs ?? Date.now()) / 1000;
		if (Math.abs(nowSeconds - toSeconds(parsed.timestamp)) > REPLAY_WINDOW_SECONDS) {
			return { status: 'invalid', header, reason: 'replayed' };
		}
	}
	return { status: 'valid', header };
}

/**
 * Whether a delivery may go on, under the node's policy: "whenSigned" checks a signature whenever one
 * arrives and a secret is known; "require" turns away anything without a valid signature (and
 * everything while no secret is known); "off" checks nothing.
 */
export function isSignatureAccepted(policy: SignaturePolicy, check: SignatureCheck | undefined, hasSecret: boolean): boolean {
	if (policy === 'off') return true;
	if (policy === 'require') return hasSecret && check?.status === 'valid';
	if (!hasSecret || check === undefined) return true;
	return check.status !== 'invalid';
}
