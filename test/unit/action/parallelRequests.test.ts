import { resetRateLimitPacer } from '../../../nodes/shared/transport/rateLimitPacer';
import { byId, runAction, seedAccount, useFakeIClosed } from './support';

/**
 * Parallel executions in one n8n process share the learnt rate limit. A request counts against it when
 * it is sent, so requests going out at the same moment queue behind each other instead of all seeing
 * room that only one of them has.
 */
describe('parallel requests to one endpoint', () => {
	const fake = useFakeIClosed();
	beforeEach(() => resetRateLimitPacer());

	it('50 concurrent Contact → Get against 20 per 10 s: at most one 429 (the one that teaches the limit), all 50 answered', async () => {
		const { contact } = seedAccount(fake());
		fake().setRateLimit({ points: 20, windowSec: 10 });
		const runs = await Promise.all(
			Array.from({ length: 50 }, async () => await runAction(fake(), { resource: 'contact', operation: 'get', contactId: byId(contact.id) })),
		);
		expect(runs.filter((run) => run.error !== undefined)).toEqual([]);
		expect(runs.every((run) => run.json[0]?.id === contact.id)).toBe(true);
		const gets = fake().requests.filter((r) => r.method === 'GET');
		expect(gets.filter((r) => r.status === 429).length).toBeLessThanOrEqual(1);
		expect(gets.filter((r) => r.status === 200)).toHaveLength(50);
	}, 60_000);

	it('a burst once the limit is known (from an earlier 429): no 429 at all (5 per 2 s, scaled down)', async () => {
		const { contact } = seedAccount(fake());
		fake().setRateLimit({ points: 5, windowSec: 2 });
		const get = async () => await runAction(fake(), { resource: 'contact', operation: 'get', contactId: byId(contact.id) });
		for (let i = 0; i < 6; i++) await get(); // the 6th is refused once, teaching 5 per 2 s
		fake().clearRequests();
		const runs = await Promise.all(Array.from({ length: 15 }, get));
		expect(runs.filter((run) => run.error !== undefined)).toEqual([]);
		expect(fake().requests.filter((r) => r.status === 429)).toHaveLength(0);
	}, 60_000);
});
