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
import type { FailureDeclaration } from './failure';
import { declareFailure } from './failure';
import type { Slot } from './rateLimitPacer';
import { bookSlot, learnRateLimit, rateLimitKey, releaseSlot, settleSlot } from './rateLimitPacer';
import {
	MAX_FAILURE_RETRIES,
	MAX_RATE_LIMIT_RETRIES,
	backoffMs,
	isRetryableAfterFailure,
	rateLimitDelayMs,
	retryAfterHintMs,
} from './retryPolicy';
import type { TimeLimit } from './timeLimit';
import { attemptTimeoutMs, describeTimeLimit, timeLimitOf, waitFits } from './timeLimit';

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

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

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
 * Failures that say iClosed (or the way to it) is down for now. A host name that does not exist
 * (ENOTFOUND) says nothing of the kind: it is more likely a wrong base URL, so it is not declared.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', ...TIMEOUT_CODES]);

/** What one call of iClosedApiRequest is doing: for the errors it may end with. */
interface Attempt {
	request: IClosedRequest;
	url: string;
	startedAt: number;
	limit: TimeLimit;
	/** Whether a failure other than 429 may be repeated (GET/PUT/DELETE, or marked readOnly). */
	retryable: boolean;
	/** This attempt's HTTP timeout is shorter than usual because the time limit is near. */
	timeoutShortened: boolean;
}

function gaveUpNote(attempt: Attempt, waitMs: number): string {
	return `Gave up instead of waiting ${Math.ceil(waitMs / 1000)} s more: that would pass ${describeTimeLimit(attempt.limit, attempt.startedAt)}.`;
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

/** What an HTTP error answer proves (n8n's failure declaration); 403 and validation errors prove nothing. */
function httpFailure(attempt: Attempt, statusCode: number, headers: IDataObject | undefined, body: unknown): FailureDeclaration | undefined {
	if (statusCode === 401) return { cause: 'credential-invalid' };
	const hinted = retryAfterHintMs(headers, body);
	if (statusCode === 429) return { cause: 'rate-limited', retryAfterMs: hinted };
	// A POST that failed with a 5xx may have been carried out (outcomeOf): it is not proven to have failed.
	if (statusCode >= 500 && attempt.retryable) return { cause: 'temporarily-unavailable', retryAfterMs: hinted };
	return undefined;
}

function httpError(
	ctx: IClosedContext,
	attempt: Attempt,
	answer: { statusCode: number; body: unknown; headers?: IDataObject },
	apiKey: string,
	note: string | undefined,
): NodeApiError {
	const { request } = attempt;
	const { statusCode, body } = answer;
	const text = describeIClosedError(statusCode, body, apiKey);
	let description = text.description;
	if (request.method === 'POST' && statusCode >= 500) {
		description = `${description} iClosed failed while handling this request, so it may or may not have been saved: check iClosed before running it again.`;
	}
	if (note) description = `${note} ${description}`;
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
	return declareFailure(error, httpFailure(attempt, statusCode, answer.headers, body));
}

function networkError(ctx: IClosedContext, attempt: Attempt, code: string, note: string | undefined): NodeApiError {
	const { request } = attempt;
	const host = attempt.url.replace(/^(https?:\/\/[^/]+).*$/, '$1');
	const notSent = NOT_SENT_CODES.has(code);
	let description = notSent
		? `Nothing was sent. Check the credential's environment or base URL (${host}) and the network.`
		: 'The connection broke or timed out before iClosed answered.';
	if (TIMEOUT_CODES.has(code) && attempt.timeoutShortened) {
		description = `No answer before ${describeTimeLimit(attempt.limit, attempt.startedAt)}.`;
	}
	if (!notSent && request.method === 'POST') {
		description += ' The request may or may not have been carried out by iClosed (it is never repeated automatically): check iClosed before running it again.';
	}
	if (note) description = `${note} ${description}`;
	// Plain words, not the code: n8n replaces any message containing ECONNRESET etc. with its own
	// generic text, which would hide whether the booking may have happened.
	const message = `Could not reach iClosed for ${request.method} ${request.path}: ${NETWORK_FAILURE_WORDS[code] ?? 'network error'}`;
	const error = new NodeApiError(ctx.getNode(), { message, reason: code } as JsonObject, {
		message,
		description,
		itemIndex: request.itemIndex,
	});
	error.context.iClosedRequestOutcome = notSent ? 'not sent' : 'unknown';
	// Declared only where nothing may have been carried out: a POST cut off mid-way is not proven to have failed.
	const provenFailed = notSent || attempt.retryable;
	return declareFailure(error, provenFailed && UNAVAILABLE_CODES.has(code) ? { cause: 'temporarily-unavailable' } : undefined);
}

/**
 * The learnt limit has no room for this request before its time limit (or, `paceMs` undefined, other
 * requests to the endpoint are still waiting for their answers): it is not sent at all.
 */
function pacingError(ctx: IClosedContext, attempt: Attempt, paceMs: number | undefined): NodeApiError {
	const { request } = attempt;
	const when = paceMs === undefined ? 'other requests to it are still waiting for room' : `the next free slot is ${Math.ceil(paceMs / 1000)} s away`;
	const message = `iClosed's rate limit leaves no room for ${request.method} ${request.path} in time: ${when}`;
	const gaveUp = paceMs === undefined ? `Gave up: there was no room before ${describeTimeLimit(attempt.limit, attempt.startedAt)}.` : gaveUpNote(attempt, paceMs);
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: `${gaveUp} Nothing was sent. iClosed limits requests per endpoint (about 20 per 10 seconds on Startup plans): run fewer requests at once, lower the batch size or add a Wait node.`,
		itemIndex: request.itemIndex,
	});
	error.context.iClosedRequestOutcome = 'not sent';
	// iClosed's own answers (a 429's limit, RateLimit headers) said the window is full until then.
	return declareFailure(error, { cause: 'rate-limited', retryAfterMs: paceMs });
}

/** Too little of the time limit is left to send the request and get an answer. */
function outOfTimeError(ctx: IClosedContext, attempt: Attempt): NodeApiError {
	const { request } = attempt;
	const message = `No time left to send ${request.method} ${request.path} to iClosed`;
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: `Nothing was sent: ${describeTimeLimit(attempt.limit, attempt.startedAt)} has (nearly) passed.`,
		itemIndex: request.itemIndex,
	});
	error.context.iClosedRequestOutcome = 'not sent';
	return error;
}
