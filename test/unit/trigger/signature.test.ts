import { signBody } from '../../fake-iclosed';
import type { SignaturePolicy } from '../../../nodes/IClosedTrigger/signature';
import {
	SIGNATURE_HEADERS,
	isSignatureAccepted,
	verifySignature,
} from '../../../nodes/IClosedTrigger/signature';

// Signatures are computed by the fake server's own signBody, not by the code under test.
describe('verifySignature', () => {
	const testSigningKey = ['whsec', 'unit', 'test'].join('_');
	const body = JSON.stringify([{ hookType: 'Call booked', event: { uuid: '45526' } }]);
	const raw = Buffer.from(body);
	const check = (headers: Record<string, string>, options: { rawBody?: Buffer; secrets?: string[]; nowMs?: number } = {}) =>
		verifySignature({ rawBody: options.rawBody ?? raw, headers, secrets: options.secrets ?? [testSigningKey], nowMs: options.nowMs });

	const forms: Array<[string, Parameters<typeof signBody>[2]]> = [];
	for (const header of SIGNATURE_HEADERS) {
		for (const encoding of ['hex', 'base64'] as const) {
			for (const prefix of ['', 'sha256='] as const) {
				forms.push([`${header}: ${prefix}<${encoding}>`, { header, encoding, prefix }]);
			}
		}
		forms.push([`${header}: t=…,v1=<hex>`, { header, timestamped: true }]);
		forms.push([`${header}: t=…,v1=<base64>`, { header, timestamped: true, encoding: 'base64' }]);
	}

	it.each(forms)('accepts %s', (_name, options) => {
		const { header, value } = signBody(body, testSigningKey, options);
		expect(check({ [header]: value })).toEqual({ status: 'valid', header });
	});

	it.each(forms)('rejects a tampered body signed as %s', (_name, options) => {
		const { header, value } = signBody(body, testSigningKey, options);
		const tampered = Buffer.from(body.replace('45526', '45527'));
		expect(check({ [header]: value }, { rawBody: tampered })).toEqual({ status: 'invalid', header, reason: 'mismatch' });
	});

	it('rejects a signature made with another secret', () => {
		const { header, value } = signBody(body, 'whsec_other');
		expect(check({ [header]: value })).toMatchObject({ status: 'invalid', reason: 'mismatch' });
	});

	it('accepts a signature made with any of the known secrets', () => {
		const { header, value } = signBody(body, testSigningKey);
		expect(check({ [header]: value }, { secrets: ['whsec_a', testSigningKey] })).toMatchObject({ status: 'valid' });
	});

	it('reads header names in any case', () => {
		const { value } = signBody(body, testSigningKey);
		expect(check({ 'X-iClosed-Signature': value })).toMatchObject({ status: 'valid' });
	});

	it('accepts a timestamp within 5 minutes, in seconds or milliseconds', () => {
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		const t = now / 1000 - 299;
		const seconds = signBody(body, testSigningKey, { timestamped: true, timestamp: t });
		expect(check({ [seconds.header]: seconds.value }, { nowMs: now })).toMatchObject({ status: 'valid' });
		const ms = signBody(body, testSigningKey, { timestamped: true, timestamp: now - 60_000 });
		expect(check({ [ms.header]: ms.value }, { nowMs: now })).toMatchObject({ status: 'valid' });
	});

	it.each([
		['older than 5 minutes', -301],
		['more than 5 minutes ahead', 301],
	])('rejects a correctly signed replay %s', (_name, offset) => {
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		const { header, value } = signBody(body, testSigningKey, { timestamped: true, timestamp: now / 1000 + offset });
		expect(check({ [header]: value }, { nowMs: now })).toEqual({ status: 'invalid', header, reason: 'replayed' });
	});

	it('rejects a timestamp that was changed after signing', () => {
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		const { header, value } = signBody(body, testSigningKey, { timestamped: true, timestamp: now / 1000 - 3600 });
		const moved = value.replace(/^t=\d+/, `t=${now / 1000}`);
		expect(check({ [header]: moved }, { nowMs: now })).toMatchObject({ status: 'invalid', reason: 'mismatch' });
	});

	it.each([['not-a-signature'], ['sha256='], ['t=123'], ['abc123']])('calls %j malformed', (value) => {
		expect(check({ 'x-signature': value })).toEqual({ status: 'invalid', header: 'x-signature', reason: 'malformed' });
	});

	it('reports a delivery without any signature header as missing', () => {
		expect(check({ 'content-type': 'application/json', 'x-other-signature': 'abc' })).toEqual({ status: 'missing' });
	});
});

describe('isSignatureAccepted', () => {
	const valid = { status: 'valid', header: 'x-signature' } as const;
	const invalid = { status: 'invalid', header: 'x-signature', reason: 'mismatch' } as const;
	const missing = { status: 'missing' } as const;

	it.each<[SignaturePolicy, Parameters<typeof isSignatureAccepted>[1], boolean, boolean]>([
		['whenSigned', valid, true, true],
		['whenSigned', invalid, true, false],
		['whenSigned', missing, true, true],
		['whenSigned', undefined, false, true],
		['require', valid, true, true],
		['require', invalid, true, false],
		['require', missing, true, false],
		['require', undefined, false, false],
		['off', invalid, true, true],
		['off', undefined, false, true],
	])('policy %s with %o (secret known: %s) → %s', (policy, result, hasSecret, accepted) => {
		expect(isSignatureAccepted(policy, result, hasSecret)).toBe(accepted);
	});
});
