// Free slots (§2.4, §8): the shape of POST /v1/events/eventDates, and a free slot for the call checks.
import { DateTime } from 'luxon';

import { parseEventDatesResponse } from '../../../nodes/IClosed/operations/event/slotResponse';
import { slotsOfDays } from '../../../nodes/IClosed/operations/event/slotTimes';
import type { ProbeContext } from '../context';
import { said } from '../context';
import { at, describeShape, idOf, isObject, plural } from '../shapes';
import { pathOf } from './contactReads';
import { recordsOf } from './lists';
import type { Check } from './types';

const SHAPE = 'ref.slots.answer-shape';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^\d{2}:\d{2}$/;

/** `2026-03-09T14:00:00+01:00` → `9999-99-99T99:99:99+99:99`: how a time is written, not which. */
const form = (text: string) => text.replace(/\d/g, '9');

/** The booking page to use: the one named by --event, else the first active one with a link prefix. */
function pickEvent(events: Record<string, unknown>[], wanted: string | undefined): Record<string, unknown> | undefined {
	const usable = events.filter((e) => typeof e.linkPrefix === 'string' && idOf(e) !== undefined);
	if (wanted) return usable.find((e) => idOf(e) === wanted || e.linkPrefix === wanted);
	return usable.find((e) => e.status === undefined || e.status === 'ACTIVATED');
}

function judgeShape(probe: ProbeContext, body: unknown, what: string): void {
	const nested = at(body, ['data', 'availabilities']);
	const top = at(body, ['availabilities']);
	if (nested === undefined) {
		const where = top === undefined ? `no availabilities in ${describeShape(body)}` : 'availabilities at the top level, not in data';
		return probe.findings.refute(SHAPE, `${what}: ${where}`);
	}
	if (!isObject(nested)) return probe.findings.refute(SHAPE, `${what}: availabilities is ${Array.isArray(nested) ? 'an array' : typeof nested}, not a map of days`);
	const days = Object.entries(nested);
	const times = days.flatMap(([, list]) => (Array.isArray(list) ? list : [list]));
	if (times.length === 0) return probe.findings.skip(SHAPE, `${what}: no free time in the ${plural(days.length, 'day')} answered`);
	const badDay = days.find(([day]) => !DAY.test(day));
	const badTime = times.find((t) => typeof t !== 'string' || !HHMM.test(t));
	if (badDay) probe.findings.refute(SHAPE, `${what}: a day is keyed like "${form(badDay[0])}"`);
	else if (badTime !== undefined) probe.findings.refute(SHAPE, `${what}: times are written like ${typeof badTime === 'string' ? `"${form(badTime)}"` : `a ${typeof badTime} (${describeShape(badTime)})`}`);
	else probe.findings.confirm(SHAPE, `${what}: ${plural(times.length, 'free time')} as HH:mm over ${plural(days.length, 'day')} (${days[0][0]} … ${days[days.length - 1][0]})`);
}

export const slotsCheck: Check = {
	name: 'free slots',
	answers: [SHAPE],
	async run(probe) {
		const { answer: listed, items } = await recordsOf(probe, 'event');
		if (!listed.ok) return probe.findings.skip(SHAPE, `the booking pages could not be listed: ${said(listed)}`);
		const event = pickEvent(items, probe.options.event);
		if (!event) return probe.findings.skip(SHAPE, probe.options.event ? 'no booking page with that id or link prefix' : 'no active booking page with a link prefix');
		const linkPrefix = String(event.linkPrefix);
		// From tomorrow (UTC): a call booked by the write checks is never about to start.
		const currentDate = DateTime.utc().plus({ days: 1 }).toISODate() as string;
		const answer = await probe.send({
			method: 'POST',
			path: pathOf('event', 'getAvailableSlots'),
			body: { linkPrefix, timeZone: 'UTC', currentDate },
			readOnly: true,
		});
		const what = `${answer.what} (${answer.status}, ${answer.ms} ms)`;
		if (!answer.ok) return probe.findings.refute(SHAPE, said(answer));
		judgeShape(probe, answer.body, what);
		try {
			const slots = slotsOfDays(parseEventDatesResponse(answer.body), 'UTC').slots.map((s) => s.startMs);
			probe.findings.note(SHAPE, `the node reads ${plural(slots.length, 'slot')} from it`);
			probe.learned.bookable = { eventId: Number(idOf(event)), linkPrefix, slots };
		} catch (error) {
			probe.findings.note(SHAPE, `the node cannot read it: ${(error as Error).message}`);
		}
	},
};
