import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withoutSecrets } from '../secretFields';
import { describeIClosedError } from './errors';
import type { FailureDeclaration } from './failure';
import { declareFailure } from './failure';
import type { IClosedContext, IClosedRequest } from './request';
import { retryAfterHintMs } from './retryPolicy';
import type { TimeLimit } from './timeLimit';
import { describeTimeLimit } from './timeLimit';

/**
 * The errors iClosedApiRequest ends with: readable text, what the request did at iClosed
 * (`iClosedRequestOutcome`), and n8n's failure declaration where the answer proves a cause.
 */

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
export const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * Failures that say iClosed (or the way to it) is down for now. A host name that does not exist
 * (ENOTFOUND) says nothing of the kind: it is more likely a wrong base URL, so it is not declared.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', ...TIMEOUT_CODES]);

/** What one call of iClosedApiRequest is doing: for the errors it may end with. */
export interface Attempt {
	request: IClosedRequest;
	url: string;
	startedAt: number;
	limit: TimeLimit;
	/** Whether a failure other than 429 may be repeated (GET/PUT/DELETE, or marked readOnly). */
	retryable: boolean;
	/** This attempt's HTTP timeout is shorter than usual because the time limit is near. */
	timeoutShortened: boolean;
}

export function gaveUpNote(attempt: Attempt, waitMs: number): string {
	return `Gave up instead of waiting ${Math.ceil(waitMs / 1000)} s more: that would pass ${describeTimeLimit(attempt.limit, attempt.startedAt)}.`;
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

export function httpError(
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

export function networkError(ctx: IClosedContext, attempt: Attempt, code: string, note: string | undefined): NodeApiError {
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
export function pacingError(ctx: IClosedContext, attempt: Attempt, paceMs: number | undefined): NodeApiError {
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
export function outOfTimeError(ctx: IClosedContext, attempt: Attempt): NodeApiError {
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
