import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * iClosed retries a delivery "with exponential backoff for up to 24 hours" (iclosed-api.md §3.4), so
 * the same event can arrive again after n8n already ran the workflow for it (a slow answer, a network
 * cut after the 200). An event identical to one accepted in the last 24 hours starts nothing.
 *
 * Memory: fingerprints (the first 128 bits of a SHA-256 of the event, keys sorted, so formatting does
 * not matter) with their expiry, in the node's static data under `seen`; at most MAX_SEEN entries, the
 * oldest dropped first, so more than MAX_SEEN events a day shortens the window instead of growing the
 * workflow. n8n saves static data written by webhook() after each production request (n8n 2.8
 * LiveWebhooks → saveStaticData), so the memory survives restarts.
 *
 * Static data alone is not enough: n8n 2.40 answers the delivery before it has saved the static data
 * of that request (and may serve the workflow from a cache), so a retry right after the 200 can read
 * the old memory. The same fingerprints are therefore also kept in this process (bounded), which
 * catches every repeat that reaches the same n8n process.
 *
 * Queue mode: each webhook process loads the workflow's static data from the database per request
 * and saves it after; retries are minutes apart, so they are caught, but two copies arriving within
 * the same instant on two webhook processors can both pass (last writer wins). The editor's test
 * listener never deduplicates, so a test event can be sent twice on purpose.
 */
export const DEDUPE_WINDOW_SECONDS = 24 * 60 * 60;
export const MAX_SEEN = 1000;

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	}
	return value;
}

export function fingerprint(event: unknown): string {
	return createHash('sha256').update(JSON.stringify(canonical(event)) ?? 'undefined').digest('hex').slice(0, 32);
}

function seenMap(data: IDataObject): Record<string, number> {
	const seen = data.seen;
	return typeof seen === 'object' && seen !== null && !Array.isArray(seen) ? (seen as Record<string, number>) : {};
}

export function isDuplicate(data: IDataObject, print: string, nowSeconds: number): boolean {
	const expiry = seenMap(data)[print];
	return typeof expiry === 'number' && expiry > nowSeconds;
}

/**
 * Remembers accepted fingerprints, pruning expired and overflowing entries (oldest first: keys keep
 * their insertion order, also through n8n's JSON round trip). The map is changed in place: building a
 * new object of a thousand fresh keys per delivery cost milliseconds; this costs microseconds.
 */
export function remember(data: IDataObject, prints: string[], nowSeconds: number): void {
	if (prints.length === 0) return;
	const seen = seenMap(data);
	for (const [print, expiry] of Object.entries(seen)) {
		if (typeof expiry !== 'number' || expiry <= nowSeconds) delete seen[print];
	}
	for (const print of prints) {
		delete seen[print];
		seen[print] = nowSeconds + DEDUPE_WINDOW_SECONDS;
	}
	const keys = Object.keys(seen);
	for (const print of keys.slice(0, Math.max(0, keys.length - MAX_SEEN))) delete seen[print];
	// Assigned through the static-data object itself, so n8n sees a change and saves it, even when
	// `seen` is a plain object this process created earlier rather than one n8n loaded and watches.
	data.seen = seen;
}

/** Fingerprints accepted by this process, per trigger node (`workflowId:nodeId`), oldest first. */
const MAX_TRACKED_TRIGGERS = 200;
const processMemory = new Map<string, Map<string, number>>();

function processSeen(trigger: string): Map<string, number> {
	let seen = processMemory.get(trigger);
	if (!seen) {
		if (processMemory.size >= MAX_TRACKED_TRIGGERS) processMemory.delete(processMemory.keys().next().value as string);
		seen = new Map();
		processMemory.set(trigger, seen);
	}
	return seen;
}

export function isDuplicateInProcess(trigger: string, print: string, nowSeconds: number): boolean {
	const expiry = processMemory.get(trigger)?.get(print);
	return expiry !== undefined && expiry > nowSeconds;
}

export function rememberInProcess(trigger: string, prints: string[], nowSeconds: number): void {
	if (prints.length === 0) return;
	const seen = processSeen(trigger);
	for (const print of prints) {
		seen.delete(print);
		seen.set(print, nowSeconds + DEDUPE_WINDOW_SECONDS);
	}
	for (const [print, expiry] of seen) {
		if (seen.size <= MAX_SEEN && expiry > nowSeconds) break;
		seen.delete(print);
	}
}

/** Forget what this process accepted (tests that simulate a restart). */
export function forgetProcessMemory(): void {
	processMemory.clear();
}
