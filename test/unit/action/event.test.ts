import { NOW, byId, byMode, fromList, runAction, seedAccount, sent, useFakeIClosed } from './support';

describe('Event', () => {
	const fake = useFakeIClosed({ now: () => NOW });
	let seed: ReturnType<typeof seedAccount>;
	beforeEach(() => {
		seed = seedAccount(fake());
	});

	describe('Get Many', () => {
		it('sends the filters, booleans as true/false, and returns one item per event', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'event',
				operation: 'getMany',
				returnAll: true,
				filters: {
					search: 'strategy',
					userId: byId(seed.closer.id),
					eventType: 'STRATEGY_EVENT',
					latestFirst: true,
					sort: 'asc',
					showFeatureStatuses: false,
				},
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{
					method: 'GET',
					path: '/v1/events',
					query: {
						search: 'strategy',
						userId: String(seed.closer.id),
						eventType: 'STRATEGY_EVENT',
						latestFirst: 'true',
						sort: 'asc',
						showFeatureStatuses: 'false',
						page: '0',
						limit: '100',
					},
					body: undefined,
				},
			]);
			expect(json).toEqual([expect.objectContaining({ id: seed.event.id, linkPrefix: 'ava/strategy-call' })]);
		});
	});

	describe('Get', () => {
		it('reads an event by ID', async () => {
			const { json, error } = await runAction(fake(), { resource: 'event', operation: 'get', eventId: fromList(seed.event.id) });
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/events/detail', query: { id: String(seed.event.id) }, body: undefined },
			]);
			expect(json).toEqual([expect.objectContaining({ id: seed.event.id, name: 'Strategy Call' })]);
		});

		it('reads an event by link prefix', async () => {
			const { json } = await runAction(fake(), {
				resource: 'event',
				operation: 'get',
				eventId: byMode('linkPrefix', 'ava/strategy-call'),
			});
			expect(sent(fake())[0].query).toEqual({ linkPrefix: 'ava/strategy-call' });
			expect(json).toEqual([expect.objectContaining({ id: seed.event.id })]);
		});
	});

	describe('Set Status', () => {
		it('puts the event ID (looked up from a link prefix) and the status', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'event',
				operation: 'setStatus',
				eventId: byMode('linkPrefix', 'ava/strategy-call'),
				status: 'DEACTIVATED',
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/events/detail', query: { linkPrefix: 'ava/strategy-call' }, body: undefined },
				{ method: 'PUT', path: '/v1/events/status', query: {}, body: { id: seed.event.id, status: 'DEACTIVATED' } },
			]);
			expect(json).toEqual([{ message: 'Event status updated successfully', status: 200 }]);
			await runAction(fake(), { resource: 'event', operation: 'setStatus', eventId: byId(seed.event.id), status: 'ACTIVATED' });
			expect(fake().state.event(seed.event.id)?.status).toBe('ACTIVATED');
		});
	});

	describe('Troubleshoot Slots', () => {
		it('queries with the link prefix, date and lower-case `timezone`, one item per slot', async () => {
			const { json, error } = await runAction(fake(), {
				resource: 'event',
				operation: 'troubleshootSlots',
				eventId: byId(seed.event.id),
				date: '2026-03-04',
				timeZone: 'America/New_York',
				options: { userId: byId(seed.closer.id) },
			});
			expect(error).toBeUndefined();
			expect(sent(fake())).toEqual([
				{ method: 'GET', path: '/v1/events/detail', query: { id: String(seed.event.id) }, body: undefined },
				{
					method: 'GET',
					path: '/v1/events/troubleshootSlots',
					query: { linkPrefix: 'ava/strategy-call', date: '2026-03-04', timezone: 'America/New_York', selectedHost: String(seed.closer.id) },
					body: undefined,
				},
			]);
			// 09:00–17:00 in 30-minute steps; the seeded call at 10:00 New York is booked.
			expect(json).toHaveLength(16);
			expect(json.find((s) => s.time === '10:00')).toMatchObject({ available: false, reason: 'BOOKED' });
			expect(json.find((s) => s.time === '09:00')).toMatchObject({ available: true });
		});

		it('refuses a time zone that is not an IANA name before sending', async () => {
			const { error } = await runAction(fake(), {
				resource: 'event',
				operation: 'troubleshootSlots',
				eventId: byMode('linkPrefix', 'ava/strategy-call'),
				date: '2026-03-04',
				timeZone: 'Eastern Time',
			});
			expect(error?.message).toMatch(/not a valid IANA time zone/);
			expect(fake().requests).toHaveLength(0);
		});
	});
});
