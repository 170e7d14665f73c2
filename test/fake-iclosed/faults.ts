/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not shipped */
// Injected failures: error statuses, delays, dropped connections (test code, never shipped).
import { normalizeRoute } from './rateLimit';
import type { Fault } from './types';

interface Armed {
	route: string;
	fault: Fault;
	remaining: number;
}

export class FaultInjector {
	private armed: Armed[] = [];

	/** `route` is 'POST /v1/eventCalls' (a path or a template such as 'DELETE /v1/webhooks/:id') or '*'. */
	inject(route: string, fault: Fault): void {
		this.armed.push({
			route: route === '*' ? '*' : normalizeRoute(route),
			fault,
			remaining: fault.times ?? Infinity,
		});
	}

	clear(): void {
		this.armed = [];
	}

	/** The first armed fault matching this request, consuming one of its `times`. */
	take(method: string, path: string, template: string | undefined): Fault | undefined {
		const candidates = new Set([`${method} ${path}`, `${method} ${template ?? path}`]);
		const hit = this.armed.find(
			(a) => a.remaining > 0 && (a.route === '*' || candidates.has(a.route)),
		);
		if (!hit) return undefined;
		hit.remaining--;
		return hit.fault;
	}
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
