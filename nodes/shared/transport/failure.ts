import type { NodeApiError, NodeOperationError } from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';

/**
 * n8n's failure declaration: why an operation failed, as plain data on the error's `failure`
 * (`{ cause, retryAfterMs?, resetsAtEpochMs? }`, n8n-workflow 2.37+ `errors/failure.ts`). n8n's poll
 * scheduler and error handling read the cause to tell a wait-and-retry failure (rate-limited,
 * temporarily-unavailable) from one someone has to fix (credential-invalid).
 *
 * The one place that attaches it. Feature-detected: n8n-workflow exports the causes it understands
 * (`TIMED_CAUSES`, `ACTIONABLE_CAUSES`) from 2.37 on; on an older n8n (1.123, 2.8) neither list exists,
 * nothing is attached and errors stay exactly as they were. A cause the running n8n does not list is
 * never attached either.
 *
 * What n8n-workflow 2.41 does with it (read in its dist): a NodeApiError or NodeOperationError built
 * from another n8n error copies its `failure`; passing an existing NodeApiError to `new NodeApiError`
 * returns that same error. `toJSON()` leaves it out, so it never reaches saved execution data.
 */
export type FailureCause =
	| 'rate-limited'
	| 'quota-exhausted'
	| 'temporarily-unavailable'
	| 'credential-invalid'
	| 'configuration-invalid'
	| 'node-defect';

export interface FailureDeclaration {
	cause: FailureCause;
	/** The shortest wait iClosed asked for (Retry-After), in ms. Only on the timed causes. */
	retryAfterMs?: number;
	/** When iClosed says it works again, epoch ms. Only on the timed causes. */
	resetsAtEpochMs?: number;
}

type NodeErrorLike = NodeApiError | NodeOperationError;

const TIMED: readonly string[] = ['rate-limited', 'quota-exhausted', 'temporarily-unavailable'];

/** The causes the running n8n understands, or undefined before n8n-workflow 2.37. */
function causesKnownToN8n(): readonly string[] | undefined {
	const lists = n8nWorkflow as unknown as { TIMED_CAUSES?: unknown; ACTIONABLE_CAUSES?: unknown };
	if (!Array.isArray(lists.TIMED_CAUSES) || !Array.isArray(lists.ACTIONABLE_CAUSES)) return undefined;
	return [...(lists.TIMED_CAUSES as string[]), ...(lists.ACTIONABLE_CAUSES as string[])];
}

/** The declaration in n8n's shape: wait hints only on timed causes, only when they are real numbers. */
function normalised(failure: FailureDeclaration): FailureDeclaration {
	if (!TIMED.includes(failure.cause)) return { cause: failure.cause };
	const declaration: FailureDeclaration = { cause: failure.cause };
	if (Number.isFinite(failure.retryAfterMs) && (failure.retryAfterMs as number) >= 0) {
		declaration.retryAfterMs = Math.ceil(failure.retryAfterMs as number);
	}
	if (Number.isFinite(failure.resetsAtEpochMs)) declaration.resetsAtEpochMs = failure.resetsAtEpochMs;
	return declaration;
}

/** `declareFailure` against a given list of known causes (undefined: an n8n without declarations). */
export function declareFailureFor<E extends NodeErrorLike>(
	known: readonly string[] | undefined,
	error: E,
	failure: FailureDeclaration | undefined,
): E {
	if (!failure || !known?.includes(failure.cause)) return error;
	(error as { failure?: unknown }).failure = normalised(failure);
	return error;
}

/** Attaches n8n's failure declaration to `error` where this n8n understands it; returns `error`. */
export function declareFailure<E extends NodeErrorLike>(error: E, failure: FailureDeclaration | undefined): E {
	return declareFailureFor(causesKnownToN8n(), error, failure);
}

/** The declaration an error carries, if any. */
export function failureOf(error: unknown): FailureDeclaration | undefined {
	const failure = (error as { failure?: unknown } | null | undefined)?.failure;
	if (typeof failure !== 'object' || failure === null) return undefined;
	const cause = (failure as { cause?: unknown }).cause;
	return typeof cause === 'string' ? (failure as FailureDeclaration) : undefined;
}

/**
 * Carries the declaration of `from` over to `to`, for code that wraps a transport error in a new one
 * (a new message, another class). Changing `message` or `description` on the same error keeps it too.
 */
export function keepFailure<E extends NodeErrorLike>(from: unknown, to: E): E {
	return failureOf(to) ? to : declareFailure(to, failureOf(from));
}
