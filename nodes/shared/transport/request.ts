import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { normalizeApiKey } from '../apiKey';
import { resolveBaseUrl } from '../baseUrl';
import { withoutSecrets } from '../secretFields';
import { accountTag } from './accountTag';
import { describeIClosedError } from './errors';
import { delayBeforeRequest, learnRateLimit, rateLimitKey, recordRequestSent } from './rateLimitPacer';
import {
	MAX_FAILURE_RETRIES,
	MAX_RATE_LIMIT_RETRIES,
	backoffMs,
	isRetryableAfterFailure,
	rateLimitDelayMs,
	waitsOutRateLimit,
} from './retryPolicy';

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
	timeoutMs?: number;
	/**
	 * A POST that only reads (e.g. POST /v1/events/eventDates) may be repeated after a 5xx or a dropped
	 * connection like a GET. Never set this on a POST that creates something.
	 */
	readOnly?: boolean;
	/** Called with the headers of the successful answer (the polling trigger reads iClosed's `Date`). */
	onHeaders?: (headers: IDataObject) => void;
	/** Epoch ms (n8n's clock) by which every wait of this request must end (the polling trigger's budget). */
	deadline?: number;
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

const NETWORK_FAILURE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ECONNRESET: 'connection dropped before an answer',
	ECONNABORTED: 'no answer before the timeout',
	ETIMEDOUT: 'no answer before the timeout',
	EPIPE: 'connection dropped while sending',
};

/** Connection never established: nothing reached iClosed. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * One request to iClosed through n8n's own helper (proxies, SSRF rules, credential injection).
 *
 * Status errors are read from the full response rather than caught, so 429 headers are visible and no
 * error object that might carry the Authorization header is ever passed on.
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
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	const what = `${request.method} ${request.path}`;
	const budgetKey = rateLimitKey(accountTag(baseUrl, apiKey), request.method, request.path);
	const retryableAfterFailure = request.readOnly === true || isRetryableAfterFailure(request.method);
	let rateLimited = 0;
	let rateLimitWaitedMs = 0;
	let failures = 0;

	for (;;) {
		const pace = delayBeforeRequest(budgetKey);
		if (pace > 0) {
			this.logger.debug(`iClosed ${what}: pacing ${pace} ms to stay under the rate limit`);
			await sleep(pace);
		}
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			recordRequestSent(budgetKey);
			const code = errorCode(error) ?? 'network error';
			if (retryableAfterFailure && failures < MAX_FAILURE_RETRIES) {
				this.logger.debug(`iClosed ${what} failed (${code}); retrying`);
				await sleep(backoffMs(failures++));
				continue;
			}
			throw networkError(this, request, code, String(options.url));
		}

		// Counted when the answer is in: iClosed counted it somewhere between sending and now, so
		// measuring the window from here can only wait a little longer than needed, never too little.
		recordRequestSent(budgetKey);
		const { statusCode, body, headers } = response;
		learnRateLimit(budgetKey, statusCode, headers, body);
		if (statusCode >= 200 && statusCode < 300) {
			request.onHeaders?.((headers ?? {}) as IDataObject);
			return body as T;
		}

		if (statusCode === 429 && rateLimited < MAX_RATE_LIMIT_RETRIES) {
			const waitMs = rateLimitDelayMs(headers, body, rateLimited++);
			if (waitsOutRateLimit(waitMs, rateLimitWaitedMs)) {
				rateLimitWaitedMs += waitMs;
				this.logger.debug(`iClosed rate limit on ${what}; waiting ${waitMs} ms`);
				await sleep(waitMs);
				continue;
			}
		}
		if (statusCode >= 500 && retryableAfterFailure && failures < MAX_FAILURE_RETRIES) {
			this.logger.debug(`iClosed ${what} answered ${statusCode}; retrying`);
			await sleep(backoffMs(failures++));
			continue;
		}
		throw httpError(this, request, statusCode, body, apiKey);
	}
}

function httpError(
	ctx: IClosedContext,
	request: IClosedRequest,
	statusCode: number,
	body: unknown,
	apiKey: string,
): NodeApiError {
	const text = describeIClosedError(statusCode, body, apiKey);
	let description = text.description;
	if (request.method === 'POST' && statusCode >= 500) {
		description = `${description} iClosed failed while handling this request, so it may or may not have been saved: check iClosed before running it again.`;
	}
	// The body is shown in the editor's error details: never with a signing secret in it.
	const errorBody: JsonObject =
		typeof body === 'object' && body !== null ? withoutSecrets(body as JsonObject) : { message: String(body ?? '') };
	const error = new NodeApiError(ctx.getNode(), errorBody, {
		message: text.message,
		description,
		httpCode: String(statusCode),
		itemIndex: request.itemIndex,
	});
	// A 4xx means iClosed refused the request; after a 5xx it may have done part of it.
	error.context.iClosedRequestOutcome = statusCode < 500 ? 'rejected' : 'unknown';
	return error;
}

function networkError(
	ctx: IClosedContext,
	request: IClosedRequest,
	code: string,
	url: string,
): NodeApiError {
	const host = url.replace(/^(https?:\/\/[^/]+).*$/, '$1');
	const notSent = NOT_SENT_CODES.has(code);
	let description = notSent
		? `Nothing was sent. Check the credential's environment or base URL (${host}) and the network.`
		: 'The connection broke or timed out before iClosed answered.';
	if (!notSent && request.method === 'POST') {
		description += ' The request may or may not have been carried out by iClosed (it is never repeated automatically): check iClosed before running it again.';
	}
	// Plain words, not the code: n8n replaces any message containing ECONNRESET etc. with its own
	// generic text, which would hide whether the booking may have happened.
	const message = `Could not reach iClosed for ${request.method} ${request.path}: ${NETWORK_FAILURE_WORDS[code] ?? 'network error'}`;
	const error = new NodeApiError(ctx.getNode(), { message, reason: code } as JsonObject, {
		message,
		description,
		itemIndex: request.itemIndex,
	});
	error.context.iClosedRequestOutcome = notSent ? 'not sent' : 'unknown';
	return error;
}
