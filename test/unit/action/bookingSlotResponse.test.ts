import { parseEventDatesResponse, UnexpectedSlotResponseError } from '../../../nodes/IClosed/operations/event/slotResponse';
import { slotsOfDays } from '../../../nodes/IClosed/operations/event/slotTimes';

const NY = 'America/New_York';
/** 09:00 and 09:30 New York on 2026-03-09 (EDT, UTC-4). */
const EXPECTED = [
	{ startMs: Date.parse('2026-03-09T13:00:00Z'), date: '2026-03-09', time: '09:00' },
	{ startMs: Date.parse('2026-03-09T13:30:00Z'), date: '2026-03-09', time: '09:30' },
];
const read = (body: unknown, zone = NY) => slotsOfDays(parseEventDatesResponse(body), zone);

describe('eventDates answer shapes', () => {
	it.each([
		['data.availabilities map of HH:mm', { data: { availabilities: { '2026-03-09': ['09:00', '09:30'] }, appliedHostIds: [1] } }],
		['top-level availabilities map', { availabilities: { '2026-03-09': ['09:00', '09:30'] } }],
		['HH:mm:ss', { data: { availabilities: { '2026-03-09': ['09:00:00', '09:30:00'] } } }],
		['h:mm am', { data: { availabilities: { '2026-03-09': ['9:00 am', '9:30 AM'] } } }],
		['ISO with offset', { data: { availabilities: { '2026-03-09': ['2026-03-09T09:00:00.000-04:00', '2026-03-09T09:30:00-04:00'] } } }],
		['ISO in UTC', { data: { availabilities: { '2026-03-09': ['2026-03-09T13:00:00Z', '2026-03-09T13:30:00.000Z'] } } }],
		['ISO without offset (local)', { data: { availabilities: { '2026-03-09': ['2026-03-09T09:00:00', '2026-03-09 09:30'] } } }],
		['array of {date, slots}', { data: { availabilities: [{ date: '2026-03-09', slots: ['09:00', '09:30'] }] } }],
		['array of {date, times}', { availabilities: [{ date: '2026-03-09', times: ['09:00', '09:30'] }] }],
		['array of {day, slots: [{start}]}', { data: { availabilities: [{ day: '2026-03-09', slots: [{ start: '09:00' }, { startTime: '09:30' }] }] } }],
		['flat list of instants', { data: { availabilities: ['2026-03-09T13:00:00Z', { start: '2026-03-09T13:30:00Z' }] } }],
		['day keyed as a date-time', { data: { availabilities: { '2026-03-09T00:00:00.000Z': ['09:00', '09:30'] } } }],
	])('reads %s', (_, body) => {
		expect(read(body).slots).toEqual(EXPECTED);
	});

	it('reads "no availabilities" as no slots', () => {
		expect(read({ data: { availabilities: {} } }).slots).toEqual([]);
		expect(read({ data: { availabilities: null } }).slots).toEqual([]);
		expect(read({ availabilities: [] }).slots).toEqual([]);
	});

	it('knows the last day an answer covered, also from days without slots', () => {
		const body = { data: { availabilities: { '2026-03-09': ['09:00'], '2026-03-10': [], '2026-03-11': [] } } };
		expect(read(body).lastDay).toBe('2026-03-11');
		expect(read({ data: { availabilities: {} } }).lastDay).toBeUndefined();
	});

	it.each([
		['no availabilities at all', { data: { slots: [] } }],
		['a string body', 'Service Unavailable'],
		['availabilities as a number', { availabilities: 3 }],
		['a day whose slots are not a list', { availabilities: { '2026-03-09': '09:00' } }],
		['a slot that is no time', { availabilities: { '2026-03-09': ['soon'] } }],
		['a day key that is no date', { availabilities: { monday: ['09:00'] } }],
		['a bare time outside any day', { availabilities: ['09:00'] }],
		['a slot object without a time', { availabilities: { '2026-03-09': [{ host: 3 }] } }],
	])('refuses %s with an error quoting the answer', (_, body) => {
		expect(() => read(body)).toThrow(UnexpectedSlotResponseError);
		expect(() => read(body)).toThrow(/Could not read the free slots iClosed sent/);
	});
});

describe('slot times across daylight saving changes', () => {
	it('reads the same wall-clock time at different UTC instants either side of the change', () => {
		const body = { data: { availabilities: { '2026-03-06': ['09:00'], '2026-03-09': ['09:00'] } } };
		expect(read(body).slots.map((s) => new Date(s.startMs).toISOString())).toEqual([
			'2026-03-06T14:00:00.000Z',
			'2026-03-09T13:00:00.000Z',
		]);
	});

	it('skips and reports a local time that does not exist instead of shifting it', () => {
		const result = read({ data: { availabilities: { '2026-03-08': ['01:30', '02:30', '03:30'] } } });
		expect(result.slots.map((s) => s.time)).toEqual(['01:30', '03:30']);
		expect(result.slots.map((s) => new Date(s.startMs).toISOString())).toEqual([
			'2026-03-08T06:30:00.000Z',
			'2026-03-08T07:30:00.000Z',
		]);
		expect(result.skipped).toEqual(['2026-03-08 02:30']);
	});

	it('gives a repeated fall-back time its earlier instant first, then its later one', () => {
		const result = read({ data: { availabilities: { '2026-11-01': ['01:30', '01:30'] } } });
		expect(result.slots.map((s) => new Date(s.startMs).toISOString())).toEqual([
			'2026-11-01T05:30:00.000Z',
			'2026-11-01T06:30:00.000Z',
		]);
	});

	it('puts instants sent with an offset on the local date and time of the requested zone', () => {
		const result = read({ availabilities: { '2026-03-29': ['2026-03-29T23:30:00Z'] } }, 'Europe/Berlin');
		expect(result.slots).toEqual([{ startMs: Date.parse('2026-03-29T23:30:00Z'), date: '2026-03-30', time: '01:30' }]);
		expect(result.lastDay).toBe('2026-03-30');
	});
});
