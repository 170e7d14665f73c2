// Whether the subscription API is there (§2.11, §3.5, §6.15), read-only.
import { findOperation } from '../../../nodes/shared/catalogue';
import { readSubscription } from '../../../nodes/IClosedTrigger/webhookApi';
import type { Subscription } from '../../../nodes/IClosedTrigger/webhookApi';
import type { ProbeContext } from '../context';
import { said } from '../context';
import type { Answer } from '../session';
import { describeShape, fieldNames, isObject, plural } from '../shapes';
import type { Check } from './types';

const AVAILABLE = 'hook.api.available';
const UNAVAILABLE_STATUS = 'hook.api.unavailable-status';
const LIST_ENVELOPE = 'hook.list.envelope';

/** The statuses the trigger reads as "this account cannot manage webhooks through the API". */
const UNAVAILABLE = [403, 404, 405];

export function webhookPath(): string {
	const declared = findOperation('webhook', 'getMany');
	if (!declared) throw new Error('No webhook getMany declaration');
	return declared.path;
}

/** The subscriptions of a list answer, and where they were: data, data.webhooks, webhooks or the body. */
export function subscriptionsIn(body: unknown): { where: string; items: Record<string, unknown>[] } | undefined {
	const places: Array<[string, unknown]> = [
		['the bare body', body],
		['data', isObject(body) ? body.data : undefined],
		['data.webhooks', isObject(body) && isObject(body.data) ? body.data.webhooks : undefined],
		['webhooks', isObject(body) ? body.webhooks : undefined],
	];
	const found = places.find(([, value]) => Array.isArray(value));
	return found ? { where: found[0], items: (found[1] as unknown[]).filter(isObject) as Record<string, unknown>[] } : undefined;
}

export async function listSubscriptions(probe: ProbeContext): Promise<{ answer: Answer; subscriptions?: Subscription[]; where?: string; fields?: string[] }> {
	const answer = await probe.send({ method: 'GET', path: webhookPath(), query: { page: 0, limit: 100 } });
	const found = answer.ok ? subscriptionsIn(answer.body) : undefined;
	if (!found) return { answer };
	const subscriptions = found.items.map(readSubscription).filter((s): s is Subscription => s !== undefined);
	return { answer, subscriptions, where: found.where, fields: fieldNames(found.items) };
}

export const webhookReadsCheck: Check = {
	name: 'webhook subscription API',
	answers: [AVAILABLE, UNAVAILABLE_STATUS, LIST_ENVELOPE],
	async run(probe) {
		const { answer, subscriptions, where, fields } = await listSubscriptions(probe);
		const { findings } = probe;
		probe.learned.webhooksAvailable = answer.ok;
		if (answer.ok) {
			findings.confirm(AVAILABLE, `${answer.what} → ${answer.status} in ${answer.ms} ms`);
			findings.skip(UNAVAILABLE_STATUS, 'the subscription API answered 2xx on this account');
			if (subscriptions) {
				const seen = fields && fields.length > 0 ? `; fields: ${fields.join(', ')}` : '';
				findings.confirm(LIST_ENVELOPE, `${plural(subscriptions.length, 'subscription')} in ${where}${seen}`);
			} else findings.refute(LIST_ENVELOPE, `${answer.what} answered ${answer.status} with ${describeShape(answer.body)}`);
			return;
		}
		findings.refute(AVAILABLE, said(answer));
		findings.skip(LIST_ENVELOPE, 'the subscription API is not available on this account');
		if (UNAVAILABLE.includes(answer.status)) findings.confirm(UNAVAILABLE_STATUS, `${answer.what} answered ${answer.status}, which the trigger reads as "register the URL by hand"`);
		else findings.refute(UNAVAILABLE_STATUS, `${said(answer)}: the trigger shows this as an error, not as "register the URL by hand"`);
	},
};
