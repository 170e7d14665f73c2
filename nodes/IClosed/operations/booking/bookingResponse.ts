import type { IDataObject } from 'n8n-workflow';

/**
 * The new call in the answer to `POST /v1/eventCalls`. The vendor page shows it at
 * `data.eventCall.data` (§2.2); envelopes elsewhere in the API drop a level now and then (§1.5), so
 * each shallower place is tried too, taking the first object that looks like a booked call.
 */
export const BOOKED_CALL_PATHS = [
	['data', 'eventCall', 'data'],
	['data', 'eventCall'],
	['data', 'data'],
	['data'],
	[],
];

function at(body: unknown, path: string[]): unknown {
	let node = body;
	for (const key of path) {
		if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
		node = (node as IDataObject)[key];
	}
	return node;
}

function looksLikeCall(value: unknown): value is IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const record = value as IDataObject;
	return record.id !== undefined || record.startTime !== undefined;
}

/** The booked call without its envelopes, or `undefined` when no level looks like one. */
export function bookedCallOf(body: unknown): IDataObject | undefined {
	for (const path of BOOKED_CALL_PATHS) {
		const found = at(body, path);
		if (looksLikeCall(found)) return found;
	}
	return undefined;
}
