import { NOW, runAction, useFakeIClosed } from './support';

/** Any n8n date, ISO string or epoch in; ISO-8601 UTC with `Z` out (§4). */
describe('Dates sent to iClosed', () => {
	const fake = useFakeIClosed({ now: () => NOW });

	async function sentDateFrom(value: unknown, timezone = 'UTC'): Promise<string | undefined> {
		fake().clearRequests();
		const { error } = await runAction(
			fake(),
			{ resource: 'call', operation: 'getMany', filters: { dateFrom: '={{ $json.value }}' } },
			{ items: [{ value } as never], timezone },
		);
		expect(error).toBeUndefined();
		return fake().requests[0]?.query.dateFrom;
	}

	it.each([
		['an ISO string with an offset', '2026-03-05T10:00:00-05:00', '2026-03-05T15:00:00.000Z'],
		['an ISO string in UTC', '2026-03-05T15:00:00Z', '2026-03-05T15:00:00.000Z'],
		['epoch seconds', 1772722800, '2026-03-05T15:00:00.000Z'],
		['epoch milliseconds', 1772722800000, '2026-03-05T15:00:00.000Z'],
		['a SQL-style string', '2026-03-05 15:00:00', '2026-03-05T15:00:00.000Z'],
	])('converts %s', async (_what, value, expected) => {
		expect(await sentDateFrom(value)).toBe(expected);
	});

	it('converts an n8n (luxon) date from an expression', async () => {
		fake().clearRequests();
		await runAction(fake(), {
			resource: 'call',
			operation: 'getMany',
			filters: { dateFrom: '={{ DateTime.fromISO("2026-03-05T10:00:00", { zone: "America/New_York" }) }}' },
		});
		expect(fake().requests[0].query.dateFrom).toBe('2026-03-05T15:00:00.000Z');
	});

	it('reads a date without an offset in the workflow’s time zone, across a DST change', async () => {
		// Europe/Berlin moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026.
		expect(await sentDateFrom('2026-03-29T01:30:00', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
		expect(await sentDateFrom('2026-03-29T03:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
	});
});
