import { DateTime } from 'luxon';

import { addDays } from '../../../nodes/IClosed/operations/event/calendarDays';
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, resolveDateRange } from '../../../nodes/IClosed/operations/event/dateRange';
import { collectSlots } from '../../../nodes/IClosed/operations/event/slotWindows';
import { IClosedInputError } from '../../../nodes/shared/inputError';

const NOW = DateTime.fromISO('2026-03-01T12:00:00Z');

/** A pretend eventDates endpoint: `windowDays` days from currentDate, `slotsOn(day)` local times each. */
function fakeEndpoint(options: {
	windowDays: number;
	slotsOn: (day: string) => string[];
	emptyDays?: 'omit' | 'include';
	ignoreCurrentDate?: string;
}) {
	const asked: string[] = [];
	const fetchWindow = async (currentDate: string) => {
		asked.push(currentDate);
		const from = options.ignoreCurrentDate ?? currentDate;
		const availabilities: Record<string, string[]> = {};
		for (let i = 0; i < options.windowDays; i++) {
			const day = addDays(from, i);
			const times = options.slotsOn(day);
			if (times.length > 0 || options.emptyDays === 'include') availabilities[day] = times;
		}
		return { data: { availabilities } };
	};
	return { asked, fetchWindow };
}

const range = (startDate: string, endDate: string) => ({ startDate, endDate });

describe('collectSlots: covering a date range window by window', () => {
	it('asks as many windows as a 20-day range needs, each from the day after the last one covered', async () => {
		const endpoint = fakeEndpoint({ windowDays: 7, slotsOn: () => ['09:00'], emptyDays: 'include' });
		const warnings: string[] = [];
		const slots = await collectSlots({
			range: range('2026-03-02', '2026-03-21'),
			zone: 'UTC',
			now: NOW,
			fetchWindow: endpoint.fetchWindow,
			warn: (m) => warnings.push(m),
		});
		expect(endpoint.asked).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
		expect(slots.map((s) => s.date)).toEqual(Array.from({ length: 20 }, (_, i) => addDays('2026-03-02', i)));
		expect(warnings).toEqual([]);
	});

	it('re-asks from the day after the last listed day when an answer leaves out empty days', async () => {
		// Only Mondays and Tuesdays have slots; a 7-day window therefore "ends" at its last slot day.
		const weekdays = (day: string) => DateTime.fromISO(day).weekday;
		const endpoint = fakeEndpoint({ windowDays: 7, slotsOn: (d) => (weekdays(d) <= 2 ? ['10:00'] : []) });
		const slots = await collectSlots({
			range: range('2026-03-02', '2026-03-17'),
			zone: 'UTC',
			now: NOW,
			fetchWindow: endpoint.fetchWindow,
			warn: () => undefined,
		});
		expect(slots.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-09', '2026-03-10', '2026-03-16', '2026-03-17']);
		expect(endpoint.asked).toEqual(['2026-03-02', '2026-03-04', '2026-03-11']);
	});

	it('keeps no slot twice when windows overlap, and none after the range end', async () => {
		// The endpoint answers 7 days but always from 2 days before currentDate.
		const asked: string[] = [];
		const fetchWindow = async (currentDate: string) => {
			asked.push(currentDate);
			const availabilities: Record<string, string[]> = {};
			for (let i = -2; i < 5; i++) availabilities[addDays(currentDate, i)] = ['09:00', '09:30'];
			return { availabilities };
		};
		const slots = await collectSlots({ range: range('2026-03-02', '2026-03-12'), zone: 'UTC', now: NOW, fetchWindow, warn: () => undefined });
		const starts = slots.map((s) => s.startMs);
		expect(new Set(starts).size).toBe(starts.length);
		expect(slots[0].date).toBe('2026-03-02');
		expect(slots[slots.length - 1].date).toBe('2026-03-12');
		expect(slots).toHaveLength(22);
		expect(asked).toEqual(['2026-03-02', '2026-03-07', '2026-03-12']);
	});

	it('stops, with a warning, when an answer ignores currentDate and makes no progress', async () => {
		const endpoint = fakeEndpoint({ windowDays: 3, slotsOn: () => ['09:00'], ignoreCurrentDate: '2026-03-02' });
		const warnings: string[] = [];
		const slots = await collectSlots({
			range: range('2026-03-02', '2026-03-20'),
			zone: 'UTC',
			now: NOW,
			fetchWindow: endpoint.fetchWindow,
			warn: (m) => warnings.push(m),
		});
		expect(endpoint.asked).toEqual(['2026-03-02', '2026-03-05']);
		expect(slots.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
		expect(warnings).toEqual([expect.stringMatching(/from 2026-03-05 with days up to 2026-03-04 only/)]);
	});

	it('keeps looking past a fully booked window, never skipping further than a known window reaches', async () => {
		// Nothing free in the first week; the empty answers do not say how long they were.
		const endpoint = fakeEndpoint({ windowDays: 7, slotsOn: (d) => (d >= '2026-03-09' ? ['11:00'] : []) });
		const slots = await collectSlots({
			range: range('2026-03-02', '2026-03-10'),
			zone: 'UTC',
			now: NOW,
			fetchWindow: endpoint.fetchWindow,
			warn: () => undefined,
		});
		expect(slots.map((s) => s.date)).toEqual(['2026-03-09', '2026-03-10']);
		expect(endpoint.asked.length).toBeLessThanOrEqual(9);
	});

	it('drops slots that already started', async () => {
		const endpoint = fakeEndpoint({ windowDays: 7, slotsOn: () => ['11:30', '12:00', '12:30'] });
		const slots = await collectSlots({ range: range('2026-03-01', '2026-03-01'), zone: 'UTC', now: NOW, fetchWindow: endpoint.fetchWindow, warn: () => undefined });
		expect(slots.map((s) => s.time)).toEqual(['12:30']);
	});

	it('warns about local times the zone skips', async () => {
		const fetchWindow = async () => ({ availabilities: { '2026-03-08': ['02:30', '03:00'] } });
		const warnings: string[] = [];
		const slots = await collectSlots({ range: range('2026-03-08', '2026-03-08'), zone: 'America/New_York', now: NOW, fetchWindow, warn: (m) => warnings.push(m) });
		expect(slots.map((s) => s.time)).toEqual(['03:00']);
		expect(warnings).toEqual([expect.stringMatching(/skipped: 2026-03-08 02:30/)]);
	});
});

describe('resolveDateRange', () => {
	it('defaults to today through seven days later, in the requested zone', () => {
		// 2026-03-01 12:00Z is already 2026-03-02 in Auckland.
		expect(resolveDateRange({}, 'UTC', NOW)).toEqual(range('2026-03-01', addDays('2026-03-01', DEFAULT_RANGE_DAYS)));
		expect(resolveDateRange({}, 'Pacific/Auckland', NOW)).toEqual(range('2026-03-02', '2026-03-09'));
	});

	it('takes dates as written, and instants as the day they fall on in the zone', () => {
		expect(resolveDateRange({ start: '2026-03-06', end: '2026-03-09T23:00:00' }, 'America/New_York', NOW)).toEqual(range('2026-03-06', '2026-03-09'));
		expect(resolveDateRange({ start: '2026-03-06T03:00:00Z', end: '2026-03-06T03:00:00Z' }, 'America/New_York', NOW)).toEqual(range('2026-03-05', '2026-03-05'));
		expect(resolveDateRange({ start: DateTime.fromISO('2026-03-06T23:30:00', { zone: 'Europe/Berlin' }) }, 'UTC', NOW).startDate).toBe('2026-03-06');
	});

	it('starts no earlier than today', () => {
		expect(resolveDateRange({ start: '2026-02-20', end: '2026-03-03' }, 'UTC', NOW)).toEqual(range('2026-03-01', '2026-03-03'));
	});

	it.each([
		[{ start: 'next tuesday' }, /Start Date is not a date/],
		[{ end: '2026-13-01' }, /End Date is not a date/],
		[{ start: '2026-03-09', end: '2026-03-08' }, /End Date \(2026-03-08\) is before Start Date \(2026-03-09\)/],
		[{ end: '2026-02-27' }, /End Date \(2026-02-27\) is in the past/],
		[{ start: '2026-03-02', end: addDays('2026-03-02', MAX_RANGE_DAYS) }, /covers 367 days; at most 366/],
	])('refuses %j', (input, message) => {
		expect(() => resolveDateRange(input, 'UTC', NOW)).toThrow(IClosedInputError);
		expect(() => resolveDateRange(input, 'UTC', NOW)).toThrow(message);
	});
});
