/**
 * iClosed retries a delivery "with exponential backoff for up to 24 hours" (iclosed-api.md §3.4), so
 * the same event can arrive again after n8n already ran the workflow for it (a slow answer, a network
 * cut after the 200). An event identical to one this n8n process accepted in the last 24 hours starts
 * nothing.
 *
 * Key: `fingerprint` in dedupeKey.ts (what makes two deliveries the same); this file only says where
 * accepted keys are kept.
 *
 * Memory: in the running process only, never in the workflow's static data. n8n saves static data
 * after every production request by writing the whole column, last writer wins (21 concurrent
 * deliveries that each added one to a counter left it at 5, n8n 2.8.4 in queue mode). A memory kept
 * there made webhook() a writer: in queue mode a webhook processor could overwrite the subscription
 * ids main had just stored, and concurrent deliveries erased each other's entries; on a single
 * instance the save slowed every acknowledgement (BENCHMARKS.md). So webhook() only reads static
 * data, and what it remembers lives here.
 *
 * What that means (measured, README → Queue mode): one n8n instance catches every repeat while it
 * runs; a restart forgets, so a retry after a restart runs again. With several webhook processors each
 * has its own memory: a retry that lands on another processor, or two copies arriving at the same
 * instant on two processors, each start an execution. The editor's test listener never deduplicates,
 * so a test event can be sent twice on purpose.
 */
export const DEDUPE_WINDOW_SECONDS = 24 * 60 * 60;
export const MAX_SEEN = 1000;

/** What makes two deliveries the same lives in dedupeKey.ts. */
export { fingerprint } from './dedupeKey';

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

/** Remembers accepted fingerprints for 24 hours, at most MAX_SEEN per trigger node, the oldest dropped first. */
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
