import { DateTime } from 'luxon';

import {
	assertUnambiguousWallClock,
	hasExplicitOffset,
	instantsForWallClock,
	parseClockTime,
	parseNaiveDateTime,
} from '../../../nodes/IClosed/operations/localTime';
import { IClosedInputError } from '../../../nodes/shared/inputError';

const iso = (instants: DateTime[]) => instants.map((d) => d.toISO());

describe('instantsForWallClock', () => {
	it('puts 09:00 New York at 14:00Z before and 13:00Z after the March 2026 change', () => {
		const nine = { hour: 9, minute: 0 };
		expect(iso(instantsForWallClock({ year: 2026, month: 3, day: 6, ...nine }, 'America/New_York'))).toEqual([
			'2026-03-06T14:00:00.000Z',
		]);
		expect(iso(instantsForWallClock({ year: 2026, month: 3, day: 9, ...nine }, 'America/New_York'))).toEqual([
			'2026-03-09T13:00:00.000Z',
		]);
	});

	it('puts 09:00 Berlin at 08:00Z before and 07:00Z after the March 2026 change', () => {
		const nine = { hour: 9, minute: 0 };
		expect(iso(instantsForWallClock({ year: 2026, month: 3, day: 27, ...nine }, 'Europe/Berlin'))).toEqual([
			'2026-03-27T08:00:00.000Z',
		]);
		expect(iso(instantsForWallClock({ year: 2026, month: 3, day: 30, ...nine }, 'Europe/Berlin'))).toEqual([
			'2026-03-30T07:00:00.000Z',
		]);
	});

	it('finds no instant for a time in the spring-forward gap', () => {
		expect(instantsForWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toEqual([]);
		expect(instantsForWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 0 }, 'Europe/Berlin')).toEqual([]);
	});

	it('finds both instants, earlier first, for a time the fall-back repeats', () => {
		expect(iso(instantsForWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York'))).toEqual([
			'2026-11-01T05:30:00.000Z',
			'2026-11-01T06:30:00.000Z',
		]);
	});

	it('handles zones without DST and with half-hour offsets', () => {
		expect(iso(instantsForWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'UTC'))).toEqual([
			'2026-03-08T02:30:00.000Z',
		]);
		expect(iso(instantsForWallClock({ year: 2026, month: 6, day: 1, hour: 9, minute: 0 }, 'Asia/Kolkata'))).toEqual([
			'2026-06-01T03:30:00.000Z',
		]);
	});
});

describe('parseClockTime', () => {
	it.each([
		['09:00', { hour: 9, minute: 0, second: 0 }],
		['9:05', { hour: 9, minute: 5, second: 0 }],
		['17:30:15', { hour: 17, minute: 30, second: 15 }],
		['9:30 am', { hour: 9, minute: 30, second: 0 }],
		['12:00 am', { hour: 0, minute: 0, second: 0 }],
		['12:15 PM', { hour: 12, minute: 15, second: 0 }],
		['1:45pm', { hour: 13, minute: 45, second: 0 }],
		['9 a.m.', { hour: 9, minute: 0, second: 0 }],
	])('reads %s', (text, expected) => {
		expect(parseClockTime(text)).toEqual(expected);
	});

	it.each(['24:00', '9:60', '13:00 pm', 'noon', '', '0900'])('refuses %j', (text) => {
		expect(parseClockTime(text)).toBeUndefined();
	});
});

describe('date-time strings', () => {
	it('tells strings with an offset from local ones', () => {
		expect(hasExplicitOffset('2026-03-09T13:00:00Z')).toBe(true);
		expect(hasExplicitOffset('2026-03-09T09:00:00-04:00')).toBe(true);
		expect(hasExplicitOffset('2026-03-09T09:00:00.000+0100')).toBe(true);
		expect(hasExplicitOffset('2026-03-09T09:00:00')).toBe(false);
		expect(hasExplicitOffset('2026-03-09')).toBe(false);
		expect(hasExplicitOffset('09:00')).toBe(false);
	});

	it('reads a local date-time with T or a space, and refuses one with an offset', () => {
		expect(parseNaiveDateTime('2026-03-09T09:00')).toEqual({ year: 2026, month: 3, day: 9, hour: 9, minute: 0, second: 0 });
		expect(parseNaiveDateTime('2026-04-18 10:00:00.000')).toEqual({ year: 2026, month: 4, day: 18, hour: 10, minute: 0, second: 0 });
		expect(parseNaiveDateTime('2026-03-09T09:00Z')).toBeUndefined();
		expect(parseNaiveDateTime('2026-02-30T09:00')).toBeUndefined();
	});
});

describe('assertUnambiguousWallClock', () => {
	const check = (value: unknown, zone = 'America/New_York') => () => assertUnambiguousWallClock(value, zone, 'Start Time');

	it('refuses a local time in the skipped hour, saying why and how to fix it', () => {
		expect(check('2026-03-08T02:30:00')).toThrow(IClosedInputError);
		expect(check('2026-03-08T02:30:00')).toThrow(/2026-03-08 02:30 in America\/New_York does not exist/);
	});

	it('refuses a local time the clocks show twice', () => {
		expect(check('2026-11-01 01:30')).toThrow(/happens twice/);
	});

	it('accepts ordinary local times, instants and non-strings', () => {
		expect(check('2026-03-08T03:30:00')).not.toThrow();
		expect(check('2026-03-08T02:30:00-05:00')).not.toThrow();
		expect(check('2026-03-08T07:30:00Z')).not.toThrow();
		expect(check(1773000000000)).not.toThrow();
		expect(check(DateTime.fromISO('2026-03-08T02:30:00Z'))).not.toThrow();
	});
});
