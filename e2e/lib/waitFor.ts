/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): polling helpers for asynchronous n8n behaviour.
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

export interface WaitOptions {
	timeoutMs?: number;
	stepMs?: number;
	what: string;
}

/**
 * Polls until `probe` returns a truthy value. n8n 2.40.x activates and deactivates workflows
 * asynchronously and executions are saved after the webhook answers, so tests poll instead of sleeping.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, options: WaitOptions): Promise<T> {
	const { timeoutMs = 30_000, stepMs = 200, what } = options;
	const end = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > end) {
			const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
		}
		await sleep(stepMs);
	}
}

/** Waits `ms` and returns whatever `read` says then: for asserting that something did NOT happen. */
export async function settle<T>(ms: number, read: () => Promise<T> | T): Promise<T> {
	await sleep(ms);
	return await read();
}
