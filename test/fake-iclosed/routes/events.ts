// Events (§2.4): list, detail, eventDates (free slots), status, troubleshootSlots (test code, never shipped).
import { DateTime } from 'luxon';

import { blockingCalls, callInterval, freeSlots, scheduleStarts } from '../availability';
import type { IcEvent } from '../entities';
import { matchesSearch, notFound, paginate, reply } from '../http';
import type { Ctx, Route } from '../http';
import { publicEvent } from '../serialize';
import { durationMinutes } from '../state';
import {
	fieldError,
	id,
	qBool,
	qInt,
	qLimit,
	qPage,
	str,
	timeZone,
	validate,
	ymd,
	z,
} from '../validation';

function list(ctx: Ctx) {
	const q = validate(ctx, 'query', {
		limit: qLimit(100),
		page: qPage(),
		search: z.string().min(1).optional(),
		userId: qInt().optional(),
		eventType: z.enum(['STRATEGY_EVENT', 'DISCOVERY_EVENT']).optional(),
		latestFirst: qBool().optional(),
		sort: z.enum(['asc', 'desc']).optional(),
		showFeatureStatuses: qBool().optional(),
	});
	let rows = ctx.state.events.filter(
		(e) =>
			matchesSearch(q.search, e.name, e.description, e.linkPrefix) &&
			(q.userId === undefined || e.hostIds.includes(q.userId)) &&
			(!q.eventType || e.eventType === q.eventType),
	);
	if (q.latestFirst) rows = [...rows].sort((a, b) => b.id - a.id);
	if (q.sort) {
		const dir = q.sort === 'desc' ? -1 : 1;
		rows = [...rows].sort((a, b) => a.name.localeCompare(b.name) * dir);
	}
	return reply({ data: paginate(rows, q.page, q.limit).map((e) => publicEvent(ctx.state, e)) });
}

function detail(ctx: Ctx) {
	const q = validate(ctx, 'query', {
		id: qInt().optional(),
		linkPrefix: z.string().min(1).optional(),
	});
	if (q.id === undefined && !q.linkPrefix) fieldError('id', 'id or linkPrefix is required');
	const e =
		q.id !== undefined ? ctx.state.event(q.id) : ctx.state.eventByLinkPrefix(q.linkPrefix ?? '');
	return reply({ data: publicEvent(ctx.state, e ?? notFound('Event')) });
}

function hostFilter(csv: string | undefined): number[] | undefined {
	return csv ? csv.split(',').map(Number) : undefined;
}

/**
 * POST /v1/events/eventDates: free slots for a window of days from `currentDate`, as local times in the
 * requested `timeZone` (`{"2026-02-26":["09:00","09:30"]}`), plus the hosts that were considered.
 */
function eventDates(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		linkPrefix: str(255),
		timeZone: timeZone().optional(),
		currentDate: ymd().optional(),
		conditionalUsers: z
			.string()
			.regex(/^\d+(,\d+)*$/, 'Expected comma-separated user ids')
			.optional(),
		routingGroupIds: str(1000).optional(),
	});
	const { state, variants } = ctx;
	const event = state.eventByLinkPrefix(b.linkPrefix) ?? notFound('Event');
	const zone = b.timeZone ?? 'UTC';
	const from = b.currentDate
		? DateTime.fromISO(b.currentDate, { zone })
		: DateTime.fromJSDate(state.now(), { zone }).startOf('day');
	const to = from.plus({ days: variants.eventDatesWindowDays });
	const hostIds = hostFilter(b.conditionalUsers);
	const applied = hostIds ? event.hostIds.filter((h) => hostIds.includes(h)) : event.hostIds;
	const availabilities: Record<string, string[]> = {};
	if (variants.eventDatesEmptyDays === 'include') {
		for (let d = from; d < to; d = d.plus({ days: 1 }))
			availabilities[d.toISODate() as string] = [];
	}
	if (event.status === 'ACTIVATED') {
		const slots = freeSlots(state, event, {
			fromUtc: from.toUTC(),
			toUtc: to.toUTC(),
			hostIds,
			hidePast: !variants.allowPastSlots,
		});
		for (const start of slots.keys()) {
			const local = DateTime.fromMillis(start, { zone });
			const day = local.toISODate() as string;
			const time =
				variants.eventDatesTimes === 'iso' ? (local.toISO() as string) : local.toFormat('HH:mm');
			(availabilities[day] ??= []).push(time);
		}
	}
	const payload = { availabilities, appliedHostIds: applied };
	return reply(variants.eventDatesEnvelope === 'top' ? payload : { data: payload });
}

function setStatus(ctx: Ctx) {
	const b = validate(ctx, 'body', { id: id(), status: z.enum(['ACTIVATED', 'DEACTIVATED']) });
	const e = ctx.state.event(b.id) ?? notFound('Event');
	e.status = b.status;
	e.updatedAt = ctx.state.nowIso();
	return reply({ message: 'Event status updated successfully', status: 200 });
}

/** Why each grid slot of one day is or is not offered, per host. */
function troubleshootSlots(ctx: Ctx) {
	const q = validate(ctx, 'query', {
		linkPrefix: z.string().min(1),
		date: ymd(),
		// §4: this endpoint spells it `timezone`.
		timezone: timeZone(),
		selectedHost: qInt().optional(),
	});
	const { state } = ctx;
	const event: IcEvent = state.eventByLinkPrefix(q.linkPrefix) ?? notFound('Event');
	const from = DateTime.fromISO(q.date, { zone: q.timezone });
	const to = from.plus({ days: 1 });
	const hosts = q.selectedHost !== undefined ? [q.selectedHost] : event.hostIds;
	const nowMs = state.now().getTime();
	const lengthMs = durationMinutes(event) * 60_000;
	type Row = {
		hostId: number;
		time: string | null;
		startTimeUTC?: string;
		available: boolean;
		reason: string | null;
	};
	const slots = hosts.flatMap((hostId): Row[] => {
		if (!event.hostIds.includes(hostId))
			return [{ hostId, time: null, available: false, reason: 'HOST_NOT_IN_EVENT' }];
		if (!state.activeAvailability(hostId))
			return [{ hostId, time: null, available: false, reason: 'NO_AVAILABILITY' }];
		const busy = blockingCalls(state, hostId).map((c) => callInterval(state, c));
		return scheduleStarts(state, event, hostId, from.toUTC(), to.toUTC()).map((start) => {
			const reason =
				start < nowMs
					? 'IN_THE_PAST'
					: busy.some(([bs, be]) => start < be && bs < start + lengthMs)
						? 'BOOKED'
						: null;
			return {
				hostId,
				time: DateTime.fromMillis(start, { zone: q.timezone }).toFormat('HH:mm'),
				startTimeUTC: new Date(start).toISOString(),
				available: reason === null,
				reason,
			};
		});
	});
	return reply({ data: { slots } });
}

export const eventRoutes: Route[] = [
	{ method: 'GET', path: '/v1/events', handler: list },
	{ method: 'GET', path: '/v1/events/detail', handler: detail },
	{ method: 'POST', path: '/v1/events/eventDates', handler: eventDates },
	{ method: 'PUT', path: '/v1/events/status', handler: setStatus },
	{ method: 'GET', path: '/v1/events/troubleshootSlots', handler: troubleshootSlots },
];
