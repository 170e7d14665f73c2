import type { IDataObject } from 'n8n-workflow';

/**
 * iClosed retries a delivery "with exponential backoff for up to 24 hours" (iclosed-api.md §3.4), so
 * the same event can arrive again after n8n already ran the workflow for it (a slow answer, a network
 * cut after the 200). An event identical to one accepted in the last 24 hours starts nothing.
 *
 * Memory: fingerprints (the first 64 bits of a SHA-256 of the event, keys sorted, so formatting does
 * not matter; a collision among a day's thousand events has odds of about 1 in 10^13) in the node's
 * static data under `seen`, grouped by when they expire: `{ "<expiry, unix seconds, rounded up to
 * 10 minutes>": "<fingerprint> <fingerprint> …" }`. At most MAX_SEEN fingerprints, the oldest dropped
 * first, so more than MAX_SEEN events a day shortens the window instead of growing the workflow.
 * n8n loads, parses and saves static data on every production request (n8n 2.8 LiveWebhooks →
 * saveStaticData), so its size is paid per delivery: this form keeps a full memory near 19 KB with a
 * few hundred keys at most, where one key per event took 45 KB and made n8n noticeably slower.
 *
 * Static data alone is not enough: n8n 2.40 answers the delivery before it has saved the static data
 * of that request (and may serve the workflow from a cache), so a retry right after the 200 can read
 * the old memory. The same fingerprints are therefore also kept in memory (bounded), which catches
 * every repeat that reaches the same running n8n instance.
 *
 * Queue mode: each webhook instance loads the workflow's static data from the database per request
 * and saves it after; retries are minutes apart, so they are caught, but two copies arriving within
 * the same instant on two webhook processors can both pass (last writer wins). The editor's test
 * listener never deduplicates, so a test event can be sent twice on purpose.
 */
export const DEDUPE_WINDOW_SECONDS = 24 * 60 * 60;
export const MAX_SEEN = 1000;

/** What makes two deliveries the same lives in dedupeKey.ts. */
export { fingerprint } from './dedupeKey';

/** Expiry times are rounded up to this, so a day's memory has at most 145 groups. */
const EXPIRY_STEP_SECONDS = 600;

/** The live groups of the memory, oldest first; expired groups and anything malformed are left out. */
function liveGroups(data: IDataObject, nowSeconds: number): Array<[number, string]> {
	const seen = data.seen;
	if (typeof seen !== 'object' || seen === null || Array.isArray(seen)) return [];
	const groups: Array<[number, string]> = [];
	for (const [key, prints] of Object.entries(seen)) {
		const expiry = Number(key);
		if (Number.isSafeInteger(expiry) && expiry > nowSeconds && typeof prints === 'string') groups.push([expiry, prints]);
	}
	return groups.sort((a, b) => a[0] - b[0]);
}

export function isDuplicate(data: IDataObject, print: string, nowSeconds: number): boolean {
	const needle = ` ${print} `;
	return liveGroups(data, nowSeconds).some(([, prints]) => ` ${prints} `.includes(needle));
}

/** Remembers accepted fingerprints for 24 hours (up to 10 minutes more), dropping expired and overflowing ones. */
export function remember(data: IDataObject, prints: string[], nowSeconds: number): void {
	const accepted = new Set(prints.filter((print) => print !== '' && !print.includes(' ')));
	if (accepted.size === 0) return;
	const newest = Math.ceil((nowSeconds + DEDUPE_WINDOW_SECONDS) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
	const groups = liveGroups(data, nowSeconds).map(
		([expiry, list]): [number, string[]] => [expiry, list.split(' ').filter((p) => p !== '' && !accepted.has(p))],
	);
	const last = groups[groups.length - 1];
	if (last?.[0] === newest) last[1].push(...accepted);
	else groups.push([newest, [...accepted]]);
	let excess = groups.reduce((sum, [, list]) => sum + list.length, 0) - MAX_SEEN;
	for (const [, list] of groups) {
		if (excess <= 0) break;
		excess -= list.splice(0, Math.min(excess, list.length)).length;
	}
	// Assigned through the static-data object itself, so n8n sees a change and saves it.
	data.seen = Object.fromEntries(
		groups.filter(([, list]) => list.length > 0).map(([expiry, list]) => [String(expiry), list.join(' ')]),
	);
}

/** Fingerprints accepted by this running instance, per trigger node (`workflowId:nodeId`), oldest first. */
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

/** Forget what this running instance accepted (tests that simulate a restart). */
export function forgetProcessMemory(): void {
	processMemory.clear();
}
