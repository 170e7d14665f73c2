import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { normalizeApiKey } from '../apiKey';
import { resolveBaseUrl } from '../baseUrl';
import { accountTag } from './accountTag';
import type { Slot } from './rateLimitPacer';
import { bookSlot, learnRateLimit, rateLimitKey, releaseSlot, settleSlot } from './rateLimitPacer';
import {
	MAX_FAILURE_RETRIES,
	MAX_RATE_LIMIT_RETRIES,
	backoffMs,
	isRetryableAfterFailure,
	rateLimitDelayMs,
} from './retryPolicy';
import type { Attempt } from './requestErrors';
import { NOT_SENT_CODES, gaveUpNote, httpError, networkError, outOfTimeError, pacingError } from './requestErrors';
import { attemptTimeoutMs, timeLimitOf, waitFits } from './timeLimit';

export const CREDENTIAL_TYPE = 'iClosedApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Every n8n context our nodes call iClosed from. */
export type IClosedContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface IClosedRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, starting with /v1. */
	path: string;
	query?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** One attempt's HTTP timeout (default DEFAULT_TIMEOUT_MS), shortened to fit the time limit. */
	timeoutMs?: number;
	/**
	 * Epoch ms (n8n's clock) by which the request is over, all waits included: no pacing, 429 wait,
	 * back-off or HTTP timeout runs past it. Without one, MAX_REQUEST_WAIT_MS (timeLimit.ts) applies;
	 * with one, the earlier of the two.
	 */
	deadline?: number;
	/**
	 * A POST that only reads (e.g. POST /v1/events/eventDates) may be repeated after a 5xx or a dropped
	 * connection like a GET. Never set this on a POST that creates something.
	 */
	readOnly?: boolean;
	/** Called with the headers of the successful answer (the polling trigger reads iClosed's `Date`). */
	onHeaders?: (headers: IDataObject) => void;
}

/** What a failed request did at iClosed, so callers (booking) can tell users what to check. */
export type RequestOutcome = 'not sent' | 'rejected' | 'unknown';

/** The outcome recorded on an error thrown by iClosedApiRequest, if it was thrown there. */
export function requestOutcomeOf(error: unknown): RequestOutcome | undefined {
	const outcome = (error as { context?: { iClosedRequestOutcome?: unknown } })?.context?.iClosedRequestOutcome;
	return outcome === 'not sent' || outcome === 'rejected' || outcome === 'unknown' ? outcome : undefined;
}

/** Query values iClosed accepts: no undefined/empty values, arrays as comma-separated lists (§1.5). */
function toQueryString(query: IDataObject | undefined): IDataObject | undefined {
	if (!query) return undefined;
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null || value === '') continue;
		qs[key] = Array.isArray(value) ? value.join(',') : value;
	}
	return qs;
}

function errorCode(error: unknown): string | undefined {
	const candidates = [
		(error as { code?: unknown })?.code,
		(error as { cause?: { code?: unknown } })?.cause?.code,
	];
	const code = candidates.find((c) => typeof c === 'string');
	return code as string | undefined;
}

/**
 * One request to iClosed through n8n's own helper (proxies, SSRF rules, credential injection).
 *
 * Status errors are read from the full response rather than caught, so 429 headers are visible and no
 * error object that might carry the Authorization header is ever passed on. Every wait counts against
 * one time limit (timeLimit.ts); errors carry n8n's failure declaration where the answer proves a cause.
 */
export async function iClosedApiRequest<T = unknown>(
	this: IClosedContext,
	request: IClosedRequest,
): Promise<T> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = resolveBaseUrl(credentials);
	const apiKey = normalizeApiKey(credentials.apiKey);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: toQueryString(request.query),
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const what = `${request.method} ${request.path}`;
	const budgetKey = rateLimitKey(accountTag(baseUrl, apiKey), request.method, request.path);
	const startedAt = Date.now();
	const attempt: Attempt = {
		request,
		url: String(options.url),
		startedAt,
		limit: timeLimitOf(startedAt, request.deadline),
		retryable: request.readOnly === true || isRetryableAfterFailure(request.method),
		timeoutShortened: false,
	};
	let rateLimited = 0;
	let failures = 0;
	/** The failure a wait was started for: what the request ends with if the wait overran. */
	let waitedFor: NodeApiError | undefined;

	for (;;) {
		const slot = await waitForSlot(this, attempt, budgetKey);
		const defaultTimeout = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		const timeout = attemptTimeoutMs(attempt.limit, defaultTimeout);
		if (timeout === undefined) {
			releaseSlot(slot);
			throw waitedFor ?? outOfTimeError(this, attempt);
		}
		options.timeout = timeout;
		attempt.timeoutShortened = timeout < defaultTimeout;

		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const code = errorCode(error) ?? 'network error';
			if (NOT_SENT_CODES.has(code)) releaseSlot(slot);
			else settleSlot(slot, undefined);
			let note: string | undefined;
			if (attempt.retryable && failures < MAX_FAILURE_RETRIES) {
				const waitMs = backoffMs(failures++);
				if (waitFits(attempt.limit, waitMs)) {
					this.logger.debug(`iClosed ${what} failed (${code}); retrying`);
					waitedFor = networkError(this, attempt, code, undefined);
					await sleep(waitMs);
					continue;
				}
				note = gaveUpNote(attempt, waitMs);
			}
			throw networkError(this, attempt, code, note);
		}

		const { statusCode, body, headers } = response;
		settleSlot(slot, statusCode);
		learnRateLimit(budgetKey, statusCode, headers, body);
		if (statusCode >= 200 && statusCode < 300) {
			request.onHeaders?.((headers ?? {}) as IDataObject);
			return body as T;
		}

		let note: string | undefined;
		if (statusCode === 429 && rateLimited < MAX_RATE_LIMIT_RETRIES) {
			const waitMs = rateLimitDelayMs(headers, body, rateLimited++);
			if (waitFits(attempt.limit, waitMs)) {
				this.logger.debug(`iClosed rate limit on ${what}; waiting ${waitMs} ms`);
				waitedFor = httpError(this, attempt, { statusCode, body, headers }, apiKey, undefined);
				await sleep(waitMs);
				continue;
			}
			note = gaveUpNote(attempt, waitMs);
		}
		if (statusCode >= 500 && attempt.retryable && failures < MAX_FAILURE_RETRIES) {
			const waitMs = backoffMs(failures++);
			if (waitFits(attempt.limit, waitMs)) {
				this.logger.debug(`iClosed ${what} answered ${statusCode}; retrying`);
				waitedFor = httpError(this, attempt, { statusCode, body, headers }, apiKey, undefined);
				await sleep(waitMs);
				continue;
			}
			note = gaveUpNote(attempt, waitMs);
		}
		throw httpError(this, attempt, { statusCode, body, headers }, apiKey, note);
	}
}

/**
 * Books this attempt's place in the endpoint's rate-limit budget and waits for it. The wait counts
 * against the time limit: one that would pass it is not started, and the slot is given back.
 */
async function waitForSlot(ctx: IClosedContext, attempt: Attempt, budgetKey: string): Promise<Slot> {
	const what = `${attempt.request.method} ${attempt.request.path}`;
	for (;;) {
		const booking = bookSlot(budgetKey);
		if ('busyMs' in booking) {
			// Past the floor with the limit still unknown: one request at a time until iClosed says more.
			if (!waitFits(attempt.limit, booking.busyMs)) throw pacingError(ctx, attempt, undefined);
			await sleep(booking.busyMs);
			continue;
		}
		const { slot, waitMs } = booking;
		if (waitMs > 0) {
			if (!waitFits(attempt.limit, waitMs)) {
				releaseSlot(slot);
				throw pacingError(ctx, attempt, waitMs);
			}
			ctx.logger.debug(`iClosed ${what}: pacing ${waitMs} ms to stay under the rate limit`);
			await sleep(waitMs);
		}
		return slot;
	}
}
