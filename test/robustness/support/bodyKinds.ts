// Test code (never shipped): adversarial deliveries about what they carry — bodies that are not JSON,
// JSON of the wrong shape, huge strings, deep nesting, prototype-pollution keys, mixed batches.
import type { Kind, KindContext, Payload } from './deliveryKind';
import { json, nestedJson, withRawField } from './deliveryKind';

/**
 * Nesting depths n8n itself can store (it saves executions as JSON), all within the trigger's limit
 * (readBody.ts MAX_NESTING). Deeper payloads are tested on their own (`deeplyNestedDelivery`): the
 * trigger refuses them with 400, where JSON.stringify would overflow the stack at 5,000 levels.
 */
const DEEP_ENOUGH = [100, 500, 1_000];

export function bodyKinds(c: KindContext): Kind[] {
	return [
		[
			'not JSON (application/json)',
			60,
			() => {
				const good = json([c.fresh()]);
				const bad = c.rnd.pick([
					good.slice(0, Math.max(1, c.rnd.int(good.length))),
					`${good}}`,
					"[{'hookType': 'Call booked'}]",
					'[{"a": NaN}]',
					'{"a":1,}',
					'undefined',
					'<xml/>',
				]);
				return {
					kind: 'not JSON (application/json)',
					body: bad,
					sign: 'valid',
					expectStatus: 422,
					expectItems: 0,
				};
			},
		],
		[
			'not JSON (text/plain or no type)',
			40,
			() => ({
				kind: 'not JSON (text/plain or no type)',
				body: c.rnd.pick(['hello', '[{"hookType":', '\u0000\u0001\u0002', '{"a":1,}']),
				contentType: c.rnd.pick(['text/plain', undefined]),
				sign: 'valid',
				expectStatus: 400,
				expectItems: 0,
			}),
		],
		[
			'JSON of the wrong type',
			50,
			() => ({
				kind: 'JSON of the wrong type',
				body: c.rnd.pick(['42', '"Call booked"', 'true', 'null', '-1e309']),
				sign: 'valid',
				expectStatus: 400,
				expectItems: 0,
			}),
		],
		[
			'events of the wrong type',
			50,
			() => {
				const junk = c.rnd.pick<unknown>([
					[1, 'a', null],
					[[c.fresh()]],
					[{ hookType: 42 }],
					[{ hookType: { name: 'Call booked' } }],
					[{ hookType: ['Call booked'] }],
					[],
				]);
				return {
					kind: 'events of the wrong type',
					body: json(junk),
					sign: 'valid',
					expectStatus: 200,
					expectItems: 0,
				};
			},
		],
		[
			'fields of the wrong type',
			50,
			() => {
				const broken = c.fresh(
					c.rnd.pick<Payload>([
						{ event_type: 5, invitee: 'nobody', questions_and_answers: 'x' },
						{
							invitee: { email: 42, canceled: 'maybe', timezone: 'Mars/Olympus' },
							tracking: [1, 2],
						},
						{ contact: null, event_type: { duration: 'forever', owner: 7 } },
						{ questions_and_answers: [{ question: { q: 1 }, answer: [1, [2]] }], setter: 'x' },
					]),
				);
				(broken.event as Payload).utc_start_time = c.rnd.pick([
					'yesterday',
					12,
					null,
					'2026-13-45T99:99:99Z',
				]);
				return {
					kind: 'fields of the wrong type',
					body: json([broken]),
					sign: 'valid',
					expectStatus: 200,
					expectItems: 1,
				};
			},
		],
		[
			'huge strings',
			30,
			() => {
				const big = 'x'.repeat(c.rnd.pick([100_000, 1_000_000]));
				const payload = c.fresh(
					c.rnd.pick<Payload>([
						{ notes: big },
						{ invitee: { name: big, email: `${big}@example.com` } },
						{ [big.slice(0, 50_000)]: 1 },
					]),
				);
				return {
					kind: 'huge strings',
					body: json([payload]),
					sign: 'valid',
					expectStatus: 200,
					expectItems: 1,
				};
			},
		],
		[
			'deep nesting',
			40,
			() => {
				const depth = c.rnd.pick(DEEP_ENOUGH);
				const key = c.rnd.pick(['tracking', 'questions_and_answers', 'extra']);
				const payload = c.fresh();
				delete payload[key];
				const raw = nestedJson(
					depth,
					c.rnd.pick(['"deep"', '{}', '[]']),
					key === 'questions_and_answers' || c.rnd.next() < 0.5,
				);
				const body = `[${withRawField(json(payload), key, raw)}]`;
				return { kind: 'deep nesting', body, sign: 'valid', expectStatus: 200, expectItems: 1 };
			},
		],
		[
			'prototype-pollution keys',
			60,
			() => {
				const poison = c.rnd.pick([
					'{"__proto__":{"polluted":"yes"}}',
					'{"constructor":{"prototype":{"polluted":"yes"}}}',
					'{"__proto__":{"toString":"not a function","hookType":"Call booked"}}',
					'{"prototype":{"polluted":"yes"},"hasOwnProperty":"x"}',
				]);
				const where = c.rnd.pick(['top', 'event', 'invitee', 'tracking']);
				const text = json([c.fresh()]);
				// Spliced as text: JSON.stringify would drop a real __proto__ key.
				const body =
					where === 'top'
						? text.replace(/^\[\{/, `[${poison.slice(0, -1)},`)
						: text.replace(`"${where}":{`, `"${where}":${poison.slice(0, -1)},`);
				return {
					kind: 'prototype-pollution keys',
					body,
					sign: 'valid',
					expectStatus: 200,
					expectItems: 1,
				};
			},
		],
		[
			'batch mixing good and bad events',
			40,
			() => {
				const good = 1 + c.rnd.int(3);
				const batch: unknown[] = [
					...Array.from({ length: good }, () => c.fresh()),
					7,
					null,
					'x',
					{ hookType: 'Contact created' },
				];
				return {
					kind: 'batch mixing good and bad events',
					body: json(c.rnd.shuffle(batch)),
					sign: 'valid',
					expectStatus: 200,
					expectItems: good,
				};
			},
		],
		[
			'empty body',
			20,
			() => ({ kind: 'empty body', body: '', sign: 'valid', expectStatus: 200, expectItems: 0 }),
		],
		[
			'other content types',
			30,
			() => ({
				kind: 'other content types',
				body: json([c.fresh()]),
				contentType: c.rnd.pick(['text/plain', 'application/octet-stream', undefined]),
				sign: 'valid',
				expectStatus: 200,
				expectItems: 1,
			}),
		],
	];
}
