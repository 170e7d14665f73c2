// Test code (never shipped): 1,000 malformed or hostile webhook deliveries and what the iClosed Trigger
// (behind n8n's webhook server) must answer to each. Used in-process (test/robustness) and against a
// real n8n (e2e/robustness). The trigger under test selects SELECTED_EVENTS and knows the
// subscription's secret; its Signature Check is "Require" unless told otherwise.
import { HOOK_TYPES, signBody } from '../../fake-iclosed';
import { bodyKinds } from './bodyKinds';
import type { Build, Kind, KindContext, Payload } from './deliveryKind';
import { nestedJson, withRawField } from './deliveryKind';
import type { Random } from './random';
import { seededRandom } from './random';
import { signatureKinds } from './signatureKinds';

export const SELECTED_EVENTS = ['call.booked', 'call.cancelled', 'call.rescheduled'];

export interface AdversarialDelivery {
	index: number;
	kind: string;
	body: Buffer;
	headers: Record<string, string>;
	/** What n8n must answer: 422 = n8n's own body parser refused it before the trigger ran. */
	expectStatus: number;
	/** Items the execution must carry (0 = no execution). */
	expectItems: number;
}

/** One signed, selected call.booked event with an unknown field nested `depth` levels deep. */
export function deeplyNestedDelivery(options: {
	secret: string;
	template: Payload;
	depth: number;
	uuid: string;
}): { body: Buffer; headers: Record<string, string> } {
	const item = {
		...options.template,
		event: { ...(options.template.event as Payload), uuid: options.uuid },
		hookType: 'Call booked',
	};
	const body = `[${withRawField(JSON.stringify(item), 'extra', nestedJson(options.depth, '"deep"', false))}]`;
	const { header, value } = signBody(body, options.secret);
	return {
		body: Buffer.from(body),
		headers: { 'content-type': 'application/json', [header]: value },
	};
}

/**
 * Generates the deliveries; `template` is one call.booked payload item as iClosed sends it. `policy` is
 * the trigger's Signature Check: under "whenSigned" (the default) an unsigned delivery is let through.
 */
export function generateAdversarialDeliveries(options: {
	count: number;
	seed: number;
	secret: string;
	template: Payload;
	policy?: 'require' | 'whenSigned';
	nowSeconds?: number;
}): AdversarialDelivery[] {
	const rnd: Random = seededRandom(options.seed);
	const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
	let serial = 0;
	const sent: Build[] = [];

	/** A selected event nobody sent before (its uuid makes it distinct). */
	const fresh = (extra: Payload = {}): Payload => {
		const event = rnd.pick(SELECTED_EVENTS);
		const naming = rnd.pick(['docs', 'receivers', 'legacy', 'legacyPage'] as const);
		const id = `adv-${options.seed}-${++serial}`;
		return {
			...options.template,
			event: { ...(options.template.event as Payload), uuid: id },
			hookType: HOOK_TYPES[event][naming],
			...extra,
		};
	};

	const c: KindContext = {
		rnd,
		secret: options.secret,
		nowSeconds: now,
		policy: options.policy ?? 'require',
		fresh,
		sent,
	};
	const kinds: Kind[] = [...signatureKinds(c), ...bodyKinds(c)];

	const plan: Array<() => Build> = [];
	for (const [, weight, make] of kinds) for (let i = 0; i < weight; i++) plan.push(make);
	rnd.shuffle(plan);
	const deliveries: AdversarialDelivery[] = [];
	for (const make of plan.slice(0, options.count)) {
		const build = make();
		sent.push(build);
		const body = Buffer.isBuffer(build.body) ? build.body : Buffer.from(build.body, 'utf8');
		const headers: Record<string, string> = { 'user-agent': 'iClosed-Webhooks/1.0 (robustness)' };
		const contentType = 'contentType' in build ? build.contentType : 'application/json';
		if (contentType) headers['content-type'] = contentType;
		if (build.sign === 'valid' || (typeof build.sign === 'object' && build.sign !== null)) {
			const form = build.sign === 'valid' ? {} : build.sign;
			const { header, value } = signBody(
				body.toString('utf8'),
				form.secret ?? options.secret,
				form,
			);
			headers[header] = value;
		}
		Object.assign(headers, build.headers);
		deliveries.push({
			index: deliveries.length,
			kind: build.kind,
			body,
			headers,
			expectStatus: build.expectStatus,
			expectItems: build.expectItems,
		});
	}
	return deliveries;
}
