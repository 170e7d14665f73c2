import { DateTime } from 'luxon';

import { toIClosedDateTime, toTimeZone } from '../../../nodes/shared/dates';
import { IClosedInputError } from '../../../nodes/shared/inputError';

describe('toIClosedDateTime (iClosed accepts only UTC with a trailing Z)', () => {
	it.each([
		['an ISO string with Z', '2026-03-10T14:00:00Z', '2026-03-10T14:00:00.000Z'],
		['an ISO string with an offset', '2026-03-10T10:00:00-04:00', '2026-03-10T14:00:00.000Z'],
		['fractional seconds', '2026-03-10T14:00:00.123456Z', '2026-03-10T14:00:00.123Z'],
		['epoch seconds', 1773151200, '2026-03-10T14:00:00.000Z'],
		['epoch milliseconds', 1773151200000, '2026-03-10T14:00:00.000Z'],
		['epoch seconds as text', '1773151200', '2026-03-10T14:00:00.000Z'],
		['a JS Date', new Date('2026-03-10T14:00:00Z'), '2026-03-10T14:00:00.000Z'],
		['a luxon DateTime in a zone', DateTime.fromISO('2026-03-10T15:00:00', { zone: 'Europe/Berlin' }), '2026-03-10T14:00:00.000Z'],
		['a serialised luxon DateTime', { ts: 1773151200000, zone: 'Europe/Berlin' }, '2026-03-10T14:00:00.000Z'],
		['an SQL timestamp', '2026-03-10 14:00:00', '2026-03-10T14:00:00.000Z'],
	])('converts %s', (_name, input, expected) => {
		expect(toIClosedDateTime(input, 'Start Time')).toBe(expected);
	});

	it('reads a time without offset in the workflow time zone, across DST', () => {
		expect(toIClosedDateTime('2026-03-06T09:00:00', 'Start', 'America/New_York')).toBe('2026-03-06T14:00:00.000Z');
		expect(toIClosedDateTime('2026-03-09T09:00:00', 'Start', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
	});

	it.each([['not a date'], [''], [null], [undefined], [{}], [Number.NaN], ['2026-02-30T10:00:00Z']])(
		'rejects %p with a clear error naming the field',
		(input) => {
			expect(() => toIClosedDateTime(input, 'Start Time')).toThrow(IClosedInputError);
			expect(() => toIClosedDateTime(input, 'Start Time')).toThrow(/^Start Time is not a date and time iClosed can use/);
		},
	);
});

describe('toTimeZone', () => {
	it.each(['America/New_York', 'Europe/Berlin', 'UTC', ' Asia/Karachi '])('accepts %s', (zone) => {
		expect(toTimeZone(zone, 'Time Zone')).toBe(zone.trim());
	});

	it.each(['Mars/Olympus', 'EST5', '', 42, 'GMT+25'])('rejects %p', (zone) => {
		expect(() => toTimeZone(zone, 'Time Zone')).toThrow(/^Time Zone is not a valid IANA time zone/);
	});
});
