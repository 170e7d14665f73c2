import type { IDataObject } from 'n8n-workflow';

import { describeKeyShapeProblem } from '../apiKey';
import { FORBIDDEN_MEANS } from '../plans';

/**
 * Turns any iClosed error body (iclosed-api.md §1.4) into one readable sentence plus advice.
 *
 * Shapes seen: zod v1 `{message:{status, details:{formErrors, fieldErrors}}}` (message is an OBJECT),
 * "standard" `{message, errors:{field:[…]}}`, plain `{message, code?}`, and the 429 body.
 */
export interface IClosedErrorText {
	message: string;
	description: string;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messagesOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(messagesOf);
	if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
	if (isObject(value) && typeof value.message === 'string') return [value.message];
	return [];
}

/** `{email: ["Invalid email format"]}` → `["email: Invalid email format"]`; nested keys are dotted. */
export function flattenFieldErrors(fieldErrors: unknown, prefix = ''): string[] {
	if (!isObject(fieldErrors)) return [];
	const lines: string[] = [];
	for (const [field, value] of Object.entries(fieldErrors)) {
		const name = prefix ? `${prefix}.${field}` : field;
		const messages = messagesOf(value);
		if (messages.length > 0) lines.push(`${name}: ${messages.join('; ')}`);
		else if (isObject(value)) lines.push(...flattenFieldErrors(value, name));
	}
	return lines;
}

/** Every human-readable detail in an iClosed error body, field errors first. */
export function extractErrorDetails(body: unknown): { summary?: string; details: string[] } {
	if (typeof body === 'string') return { summary: body.trim() || undefined, details: [] };
	if (!isObject(body)) return { details: [] };
	const details: string[] = [];
	let summary: string | undefined;

	const message = body.message;
	if (typeof message === 'string') summary = message;
	else if (isObject(message)) {
		const inner = isObject(message.details) ? message.details : message;
		details.push(...flattenFieldErrors(inner.fieldErrors));
		details.push(...messagesOf(inner.formErrors));
		if (typeof message.message === 'string') summary = message.message;
	}
	details.push(...flattenFieldErrors(body.errors));
	if (Array.isArray(body.errors)) details.push(...messagesOf(body.errors));
	if (!summary && typeof body.error === 'string') summary = body.error;
	return { summary, details };
}

const ADVICE: Record<number, string> = {
	400: 'Check the fields named above against what iClosed accepts (dates must be UTC, IDs must be numbers).',
	403: `${FORBIDDEN_MEANS}. Ask an iClosed Super Admin which plan the account has and which rights the key’s user has.`,
	404: 'Check the ID: it may belong to another iClosed account or environment, or the record was deleted.',
	409: 'The record changed or already exists in iClosed; fetch it again and retry.',
	429: 'iClosed limits requests per endpoint (about 20 per 10 seconds on Startup plans). Lower the batch size or add a Wait node.',
};

function adviceFor401(summary: string | undefined, apiKey: string | undefined): string {
	const lower = (summary ?? '').toLowerCase();
	if (lower.includes('expired')) return 'The API key has expired. Create a new one in iClosed → Settings → Developer → API Keys and update the credential.';
	if (lower.includes('required')) {
		const shape = apiKey === undefined ? undefined : describeKeyShapeProblem(apiKey);
		return shape ?? 'iClosed did not receive a usable key. Keys start with "iclosed_"; paste the whole key into the credential.';
	}
	return 'The key is wrong or revoked, or belongs to the other environment (development keys only work with Development). Create a key in iClosed → Settings → Developer → API Keys.';
}

/** Message + description for an HTTP error answer from iClosed. `apiKey` is only inspected, never quoted. */
export function describeIClosedError(
	statusCode: number,
	body: unknown,
	apiKey?: string,
): IClosedErrorText {
	const { summary, details } = extractErrorDetails(body);
	const parts = [summary && !/^invalid request$/i.test(summary) ? summary : undefined, ...details].filter(
		(p): p is string => !!p,
	);
	const what = parts.length > 0 ? parts.join('; ') : `HTTP ${statusCode}`;
	let description: string;
	if (statusCode === 401) description = adviceFor401(summary, apiKey);
	else if (statusCode >= 500) description = 'iClosed had a problem answering. Try again in a minute; if it persists, check status.iclosed.io.';
	else description = ADVICE[statusCode] ?? 'See the iClosed API reference for this endpoint.';
	const label = statusCode === 400 ? 'iClosed rejected the request' : `iClosed answered ${statusCode}`;
	return { message: `${label}: ${what}`, description };
}
