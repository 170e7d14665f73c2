import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { fingerprint, isDuplicate, isDuplicateInProcess, remember, rememberInProcess } from './dedupe';
import { eventNameOf, matchSelectedEvent } from './eventNames';
import { passesFilters, readFilters } from './filters';
import { rawBodyOf, readEvents } from './readBody';
import type { SignaturePolicy } from './signature';
import { isSignatureAccepted, verifySignature } from './signature';
import { simplifyEvent } from './simplify';
import { storedSecrets } from './staticData';

/**
 * webhook() of the iClosed Trigger. The node answers at once (responseMode onReceived: iClosed wants
 * an answer within seconds and retries for 24 h, §3.4), and turns one delivery into one item per
 * selected event. Order: signature (on the raw bytes), body, event name, filters, duplicates.
 * Nothing that arrives makes it throw: bad signatures get 401, bodies that are not JSON 400, and
 * anything else that starts nothing is acknowledged with 200.
 */
function answer(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function secretsOf(ctx: IWebhookFunctions, options: IDataObject): string[] {
	const typed = typeof options.signingSecret === 'string' ? options.signingSecret.trim() : '';
	const secrets = [typed, ...storedSecrets(ctx.getWorkflowStaticData('node'))].filter((s) => s !== '');
	return [...new Set(secrets)];
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
	const secrets = policy === 'off' ? [] : secretsOf(this, options);
	const check = secrets.length > 0 ? verifySignature({ rawBody, headers: request.headers ?? this.getHeaderData(), secrets }) : undefined;
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
	const staticData = this.getWorkflowStaticData('node');
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
			const repeated =
				isDuplicate(staticData, print, nowSeconds) ||
				isDuplicateInProcess(trigger, print, nowSeconds) ||
				accepted.includes(print);
			if (repeated) {
				this.logger.debug(`iClosed Trigger ignored a repeated ${event} delivery`);
				continue;
			}
			accepted.push(print);
		}
		items.push({ json: simplify ? simplified : payload });
	}
	remember(staticData, accepted, nowSeconds);
	rememberInProcess(trigger, accepted, nowSeconds);
	if (items.length === 0) return {};
	// Answered here: left to n8n, an onReceived webhook without `responseData` is answered (2.x) with the
	// literal text "firstEntryJson".
	answer(this, 200, 'Workflow was started');
	return { workflowData: [items], noWebhookResponse: true };
}
