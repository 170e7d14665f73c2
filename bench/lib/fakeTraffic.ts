// Benchmark code (never shipped): what a fake iClosed server received, counted by outcome.
import type { FakeIClosed } from '../../test/fake-iclosed';

export interface Traffic {
	/** Every request that reached the fake for this method and path. */
	total: number;
	ok: number;
	rateLimited: number;
	/** Other errors and dropped connections. */
	failed: number;
}

export function trafficTo(fake: FakeIClosed, method: string, path: string): Traffic {
	const requests = fake.requests.filter((r) => r.method === method && r.path === path);
	const ok = requests.filter((r) => r.status >= 200 && r.status < 300).length;
	const rateLimited = requests.filter((r) => r.status === 429).length;
	return { total: requests.length, ok, rateLimited, failed: requests.length - ok - rateLimited };
}
