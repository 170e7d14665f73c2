// Test code (never shipped): adversarial deliveries about who sent them and what they name — valid
// and repeated events, unselected events, missing, forged and replayed signatures.
import { HOOK_TYPES, signBody } from '../../fake-iclosed';
import type { SignOptions } from '../../fake-iclosed';
import type { Build, Kind, KindContext } from './deliveryKind';
import { json } from './deliveryKind';

/** Every signature form the trigger accepts (signature.ts). */
const SIGN_FORMS: SignOptions[] = [
	{},
	{ encoding: 'base64' },
	{ prefix: 'sha256=' },
	{ header: 'x-signature' },
	{ header: 'x-webhook-signature', encoding: 'base64' },
	{ header: 'x-hub-signature-256', prefix: 'sha256=' },
	{ timestamped: true },
];

const UNSELECTED_HOOK_TYPES = [
	HOOK_TYPES['contact.created'].docs,
	HOOK_TYPES['call.outcome_added'].docs,
	HOOK_TYPES['call.outcome_added'].legacy,
	'deal.created',
	HOOK_TYPES['contact.updated'].docs,
	'Something iClosed never sends',
	'',
];

export function signatureKinds(c: KindContext): Kind[] {
	return [
		[
			'valid',
			150,
			() => ({
				kind: 'valid',
				body: json([c.fresh()]),
				sign: c.rnd.pick(SIGN_FORMS),
				expectStatus: 200,
				expectItems: 1,
			}),
		],
		[
			'valid as a single object',
			30,
			() => ({
				kind: 'valid as a single object',
				body: json(c.fresh()),
				sign: 'valid',
				expectStatus: 200,
				expectItems: 1,
			}),
		],
		[
			'repeat of an accepted delivery',
			60,
			() => {
				const earlier = c.sent.filter(
					(b) =>
						b.expectItems === 1 &&
						b.kind === 'valid' &&
						typeof b.sign === 'object' &&
						!b.sign.timestamped,
				);
				if (earlier.length === 0)
					return {
						kind: 'valid',
						body: json([c.fresh()]),
						sign: 'valid',
						expectStatus: 200,
						expectItems: 1,
					};
				const again = c.rnd.pick(earlier);
				return { ...again, kind: 'repeat of an accepted delivery', expectItems: 0 };
			},
		],
		[
			'unselected or unknown event',
			80,
			() => {
				const payload = c.fresh({ hookType: c.rnd.pick(UNSELECTED_HOOK_TYPES) });
				if (c.rnd.next() < 0.2) delete payload.hookType;
				return {
					kind: 'unselected or unknown event',
					body: json([payload]),
					sign: 'valid',
					expectStatus: 200,
					expectItems: 0,
				};
			},
		],
		[
			'unsigned',
			80,
			() =>
				c.policy === 'whenSigned'
					? {
							kind: 'unsigned',
							body: json([c.fresh()]),
							sign: 'none',
							expectStatus: 200,
							expectItems: 1,
						}
					: {
							kind: 'unsigned',
							body: json([c.fresh()]),
							sign: 'none',
							expectStatus: 401,
							expectItems: 0,
						},
		],
		[
			'wrong signature',
			120,
			() => {
				const body = json([c.fresh()]);
				const forged = (headers: Record<string, string>): Pick<Build, 'sign' | 'headers'> => ({
					sign: 'none',
					headers,
				});
				const wrong: Array<() => Pick<Build, 'sign' | 'headers'>> = [
					() => ({ sign: { secret: 'whsec_forged_by_someone_else' } }),
					() => forged({ 'x-iclosed-signature': 'a'.repeat(64) }),
					() => forged({ 'x-iclosed-signature': 'not hex at all !!' }),
					() => forged({ 'x-iclosed-signature': signBody(body, c.secret).value.slice(0, 40) }),
					() => forged({ 'x-iclosed-signature': 'sha256=' }),
					() => forged({ 'x-iclosed-signature': `t=${c.nowSeconds},v1=${'0'.repeat(64)}` }),
					() => forged({ 'x-hub-signature-256': signBody(`${body} `, c.secret).value }),
					() => forged({ 'x-signature': 'x'.repeat(8000) }),
				];
				return {
					kind: 'wrong signature',
					body,
					...c.rnd.pick(wrong)(),
					expectStatus: 401,
					expectItems: 0,
				};
			},
		],
		[
			'replayed or future timestamp',
			60,
			() => {
				const skew = c.rnd.pick([301, 900, 3600, 86_400, 30 * 86_400, -3600]);
				return {
					kind: 'replayed or future timestamp',
					body: json([c.fresh()]),
					sign: { timestamped: true, timestamp: c.nowSeconds - skew },
					expectStatus: 401,
					expectItems: 0,
				};
			},
		],
	];
}
