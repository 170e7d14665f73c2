// Slot engine: host weekly schedules (host time zone) minus booked calls, in UTC (test code, never shipped).
// Uses luxon so local wall times stay right across DST changes.
import { DateTime } from 'luxon';

import type { Call, IcEvent } from './entities';
import { durationMinutes, WEEKDAYS } from './state';
import type { FakeState } from './state';

export interface SlotQuery {
	fromUtc: DateTime;
	toUtc: DateTime;
	/** Restrict to these hosts (conditionalUsers / selectedHost). */
	hostIds?: number[];
	/** Ignore this call when checking conflicts (reschedule). */
	ignoreCallId?: number;
	/** Drop slots that start before now. */
	hidePast: boolean;
}

const wallCache = new Map<string, number>();

/** UTC millis of a local wall time ('2026-03-09', '09:00') in a zone (luxon resolves DST gaps). Memoised: luxon is slow. */
export function wallToMillis(zone: string, date: string, time: string): number {
	const key = `${zone}|${date}T${time}`;
	let ms = wallCache.get(key);
	if (ms === undefined) {
		// '24:00' closes a day that runs to midnight.
		ms =
			time === '24:00'
				? DateTime.fromISO(`${date}T00:00`, { zone }).plus({ days: 1 }).toMillis()
				: DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
		wallCache.set(key, ms);
	}
	return ms;
}

/** Start times (UTC millis) of the host's schedule grid for `event` within [from, to). */
export function scheduleStarts(
	state: FakeState,
	event: IcEvent,
	hostId: number,
	fromUtc: DateTime,
	toUtc: DateTime,
): number[] {
	const availability = state.activeAvailability(hostId);
	if (!availability) return [];
	const zone = availability.timeZone;
	const minutes = durationMinutes(event);
	const step = Math.max(1, event.slotInterval || minutes);
	const starts: number[] = [];
	const fromMs = fromUtc.toMillis();
	const toMs = toUtc.toMillis();
	// One local day of margin on each side: the range is in UTC, the schedule in the host's zone.
	const first = fromUtc.setZone(zone).minus({ days: 1 });
	const days = Math.ceil(toUtc.diff(fromUtc, 'days').days) + 3;
	for (let i = 0; i < days; i++) {
		// Calendar-day arithmetic on a UTC date: no zone involved, so no DST surprise.
		const d = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
		const date = d.toISOString().slice(0, 10);
		const weekday = WEEKDAYS[(d.getUTCDay() + 6) % 7];
		const dayRule = availability.availabilityDays.find((x) => x.name === weekday && x.active);
		for (const t of dayRule?.timings ?? []) {
			// Wall-clock bounds in the host's zone; steps are absolute minutes (as luxon's plus({minutes})).
			const start = wallToMillis(zone, date, t.startTime);
			const end = wallToMillis(zone, date, t.endTime);
			for (let ms = start; ms + minutes * 60_000 <= end; ms += step * 60_000) {
				if (ms >= fromMs && ms < toMs) starts.push(ms);
			}
		}
	}
	return starts;
}

/** Calls that occupy a host's calendar (not cancelled, not marked free). */
export function blockingCalls(state: FakeState, hostId: number, ignoreCallId?: number): Call[] {
	return state.calls.filter(
		(c) =>
			c.userId === hostId && c.status !== 'CANCELLED' && !c.isSlotFree && c.id !== ignoreCallId,
	);
}

export function callInterval(state: FakeState, call: Call): [number, number] {
	const event = state.event(call.eventId);
	const start = Date.parse(call.startUtc);
	return [start, start + (event ? durationMinutes(event) : 30) * 60_000];
}

/** Free slots of an event: UTC start millis → hosts free at that time (ascending by start). */
export function freeSlots(state: FakeState, event: IcEvent, q: SlotQuery): Map<number, number[]> {
	const hosts = q.hostIds ? event.hostIds.filter((h) => q.hostIds?.includes(h)) : event.hostIds;
	const lengthMs = durationMinutes(event) * 60_000;
	const nowMs = state.now().getTime();
	const slots = new Map<number, number[]>();
	for (const hostId of hosts) {
		const busy = blockingCalls(state, hostId, q.ignoreCallId).map((c) => callInterval(state, c));
		for (const start of scheduleStarts(state, event, hostId, q.fromUtc, q.toUtc)) {
			if (q.hidePast && start < nowMs) continue;
			const end = start + lengthMs;
			if (busy.some(([bs, be]) => start < be && bs < end)) continue;
			slots.set(start, [...(slots.get(start) ?? []), hostId]);
		}
	}
	return new Map([...slots.entries()].sort((a, b) => a[0] - b[0]));
}

/** Hosts free for exactly this start (must sit on the event's grid). */
export function freeHostsAt(
	state: FakeState,
	event: IcEvent,
	startMs: number,
	opts: Omit<SlotQuery, 'fromUtc' | 'toUtc'>,
): number[] {
	const at = DateTime.fromMillis(startMs, { zone: 'utc' });
	const slots = freeSlots(state, event, { ...opts, fromUtc: at, toUtc: at.plus({ minutes: 1 }) });
	return slots.get(startMs) ?? [];
}

/** Among free hosts, the one with the fewest active calls (a simple round robin). */
export function pickHost(state: FakeState, hosts: number[]): number {
	const load = (h: number) => blockingCalls(state, h).length;
	return [...hosts].sort((a, b) => load(a) - load(b))[0];
}
