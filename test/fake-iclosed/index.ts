/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped */
// Public API of the fake iClosed server: real HTTP on 127.0.0.1, in-memory state (test code, never shipped).
import type { AddressInfo } from 'node:net';

import { createClock } from './clock';
import { deliver } from './deliveries';
import { FaultInjector } from './faults';
import { RateLimiter } from './rateLimit';
import { seedDemo } from './seed';
import { createFakeServer } from './server';
import { FakeState } from './state';
import type { FakeIClosed, FakeIClosedOptions, FakeVariants, RecordedRequest } from './types';
import { DEFAULT_VARIANTS } from './variants';

export * from './types';
export type * from './entities';
export { FakeState } from './state';
export type { FakeClock } from './clock';
export { DEFAULT_VARIANTS } from './variants';
export { HOOK_TYPES, SANDBOX_EVENTS, hookTypeFor } from './hookTypes';
export {
	buildCallPayload,
	buildContactPayload,
	buildGenericPayload,
	buildOutcomePayload,
} from './payloads';
export { buildEventPayload, signBody } from './deliveries';
export { freeSlots } from './availability';
export { seedBookableEvent } from './bookableEvent';
export type { BookableEvent } from './bookableEvent';

export const DEFAULT_API_KEY = 'iclosed_test_key';

export async function startFakeIClosed(options: FakeIClosedOptions = {}): Promise<FakeIClosed> {
	const clock = createClock(options.now);
	const state = new FakeState(() => clock.now());
	if (options.seed === 'demo') seedDemo(state);
	const apiKeys = options.apiKeys?.length ? options.apiKeys : [DEFAULT_API_KEY];
	let variants: FakeVariants = { ...DEFAULT_VARIANTS, ...options.variants };
	const requests: RecordedRequest[] = [];
	const limiter = new RateLimiter(options.rateLimit);
	const faults = new FaultInjector();
	const server = createFakeServer({
		state,
		keys: {
			valid: new Set(apiKeys),
			expired: new Set(options.expiredKeys ?? []),
			noPlan: new Set(options.noPlanKeys ?? []),
		},
		limiter,
		faults,
		variants: () => variants,
		requests,
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	let bulk = 0;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		apiKey: apiKeys[0],
		requests,
		clearRequests: () => {
			requests.length = 0;
		},
		state,
		clock,
		get variants() {
			return variants;
		},
		setRateLimit: (limit, route) => limiter.set(limit, route),
		injectFault: (route, fault) => faults.inject(route, fault),
		clearFaults: () => faults.clear(),
		setVariants: (v) => {
			variants = { ...variants, ...v };
		},
		addContacts: (n) => {
			const base = state.now().getTime();
			for (let i = 0; i < n; i++) {
				bulk++;
				const joined = new Date(base - (n - i) * 60_000).toISOString();
				state.addContact({
					firstName: 'Bulk',
					lastName: `Contact ${bulk}`,
					email: `bulk-${bulk}@example.com`,
					phoneNumber: `+1555${String(9000000 + bulk)}`,
					joinedTime: joined,
					createdAt: joined,
					updatedAt: joined,
				});
			}
		},
		deliver: (event, opts) => deliver(state, event, opts),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			}),
	};
}
