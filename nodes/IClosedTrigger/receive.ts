import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { withoutSecrets } from '../shared/secretFields';
import { knownSigningSecrets } from './credential';
import { isDuplicateInProcess, rememberInProcess } from './dedupe';
import { fingerprint } from './dedupeKey';
import { eventNameOf, matchSelectedEvent } from './eventNames';
import { passesFilters, readFilters } from '../shared/events/filters';
import { rawBodyOf, readEvents } from './readBody';
import type { SignaturePolicy } from './signature';
import { findSignatureHeader, isSignatureAccepted, verifySignature } from './signature';
import { simplifyEvent } from './simplify';

/**
 * webhook() of the iClosed Trigger. The node answers at once (responseMode onReceived: iClosed wants
 * an answer within seconds and retries for 24 h, §3.4), and turns one delivery into one item per
 * selected event. Order: signature (on the raw bytes), body, event name, filters, duplicates.
 * Nothing that arrives makes it throw: bad signatures get 401, bodies that are not JSON 400, and
 * anything else that starts nothing is acknowledged with 200.
 * It reads the workflow's static data (signing secrets) but never changes it: n8n saves static data
 * that changed after each request, whole, last writer wins, and only activation may write it.
 */
function answer(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as { rawBody?: unknown; headers?: Record<string, unknown> };
	const body = this.getBodyData() as unknown;
	const rawBody = rawBodyOf(request, body);
	const options = this.getNodeParameter('options', {}) as IDataObject;

	const policy = (options.signaturePolicy as SignaturePolicy | undefined) ?? 'whenSigned';
	const headers = request.headers ?? this.getHeaderData();
	// Under Verify When Signed an unsigned delivery goes on whatever secrets exist, and iClosed has never
	// been seen signing (§3.5): the credential (decrypted on each read) is read only when it can matter.
	// Reading it for every delivery cost a tenth of the throughput at 160 deliveries/s (BENCHMARKS.md).
	const needsSecrets = policy === 'require' || (policy === 'whenSigned' && findSignatureHeader(headers) !== undefined);
	const secrets = needsSecrets ? await knownSigningSecrets(this, options) : [];
	const check = secrets.length > 0 ? verifySignature({ rawBody, headers, secrets }) : undefined;
	if (!isSignatureAccepted(policy, check, secrets.length > 0)) {
		const why = secrets.length === 0 ? 'no signing secret is known' : check?.status === 'invalid' ? `${check.reason} signature in ${check.header}` : 'no signature header';
		this.logger.warn(`iClosed Trigger turned away a delivery with 401: ${why}`);
		return answer(this, 401, 'Invalid or missing signature');
	}

	const reading = readEvents(body, rawBody);
	if ('error' in reading) {
		this.logger.warn(`iClosed Trigger turned away a delivery with 400: ${reading.error}`);
		return answer(this, 400, reading.error);
	}

	const selected = this.getNodeParameter('events', []) as string[];
	const filters = readFilters(this.getNodeParameter('filters', {}));
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	// The editor's test listener runs in 'manual' mode: a test event may be sent twice on purpose.
	const dedupe = this.getMode() !== 'manual';
	const trigger = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	const receivedAt = new Date().toISOString();
	const nowSeconds = Math.floor(Date.now() / 1000);

	const items: INodeExecutionData[] = [];
	const accepted: string[] = [];
	for (const payload of reading.events) {
		if (!isPlainObject(payload)) continue;
		const name = eventNameOf(payload);
		const event = matchSelectedEvent(name, selected);
		if (!event) {
			this.logger.debug(`iClosed Trigger ignored an event it was not asked for: ${name ?? 'unnamed'}`);
			continue;
		}
		const simplified = simplifyEvent(event, payload, receivedAt);
		if (!passesFilters(simplified, filters)) continue;
		if (dedupe) {
			const print = fingerprint(payload);
			const repeated = isDuplicateInProcess(trigger, print, nowSeconds) || accepted.includes(print);
			if (repeated) {
				this.logger.debug(`iClosed Trigger ignored a repeated ${event} delivery`);
				continue;
			}
			accepted.push(print);
		}
		items.push({ json: withoutSecrets(simplify ? simplified : payload) });
	}
	// Never written to static data: webhook() must not be a writer of it (dedupe.ts).
	rememberInProcess(trigger, accepted, nowSeconds);
	if (items.length === 0) return {};
	// Answered here: left to n8n, an onReceived webhook without `responseData` is answered (2.x) with the
	// literal text "firstEntryJson".
	answer(this, 200, 'Workflow was started');
	return { workflowData: [items], noWebhookResponse: true };
}
