// Calls (§2.2): list (answers 201), cancel, markSlotFree. Booking and rescheduling live in booking.ts.
import { matchesSearch, badRequest, notFound, paginate, reply, shuffled } from '../http';
import type { Ctx, Route } from '../http';
import { listItem, publicCall } from '../serialize';
import {
	id,
	orderBy,
	qCsv,
	qCsvEnum,
	qIds,
	qInt,
	qIso,
	qLimit,
	qPage,
	sortedTogether,
	str,
	validate,
	z,
} from '../validation';
import { book, reschedule } from './booking';

const OUTCOMES = [
	'WON',
	'NO_SALE',
	'QUALIFIED',
	'UNQUALIFIED',
	'PENDING',
	'APPROVED',
	'REJECTED',
	'PENDING_OUTCOME',
] as const;
const NO_SALE = [
	'FOLLOW_UP_SCHEDULE',
	'UNQUALIFIED',
	'NO_SHOW',
	'CONTACT_CANCELLED',
	'ADMIN_CANCELLED',
	'NOT_INTERESTED',
	'BAD_FIT',
	'OTHER',
] as const;
const TYPE_TO_STATUS = {
	scheduled_events: 'SCHEDULED',
	rescheduled_events: 'RESCHEDULED',
	cancelled_events: 'CANCELLED',
} as const;

function list(ctx: Ctx) {
	const q = validate(
		ctx,
		'query',
		{
			ids: qIds().optional(),
			contactId: qInt().optional(),
			eventType: z.enum(['PAST', 'UPCOMING', 'ALL']).optional(),
			search: z.string().min(1).optional(),
			dateFrom: qIso().optional(),
			dateTo: qIso().optional(),
			createdAtStart: qIso().optional(),
			createdAtEnd: qIso().optional(),
			location: qCsv().optional(),
			orderColumn: z.enum(['createdAt', 'dateTime', 'updatedAt', 'id']).optional(),
			orderBy: orderBy().optional(),
			limit: qLimit(100),
			page: qPage(),
			userIds: qIds().optional(),
			eventIds: qIds().optional(),
			types: qCsvEnum(['rescheduled_events', 'cancelled_events', 'scheduled_events']).optional(),
			inviteeEmails: qCsv().optional(),
			outcomes: qCsvEnum(OUTCOMES).optional(),
			noSaleReason: qCsvEnum(NO_SALE).optional(),
			utmKeys: qCsv().optional(),
			utmValues: qCsv().optional(),
			callTypes: qCsvEnum(['STRATEGY_EVENT', 'DISCOVERY_EVENT']).optional(),
			setterIds: qIds().optional(),
			previewId: z.string().min(1).optional(),
		},
		sortedTogether,
	);
	const { state } = ctx;
	const nowMs = state.now().getTime();
	const emails = q.inviteeEmails?.map((e) => e.toLowerCase());
	const statuses = q.types?.map((t) => TYPE_TO_STATUS[t]);
	let rows = state.calls.filter((call) => {
		const contact = state.contact(call.contactId);
		const event = state.event(call.eventId);
		const start = Date.parse(call.startUtc);
		const created = Date.parse(call.createdAt);
		const outcome = call.task.outcome ?? 'PENDING_OUTCOME';
		return (
			(!q.ids || q.ids.includes(call.id)) &&
			(q.contactId === undefined || call.contactId === q.contactId) &&
			(!q.eventType || q.eventType === 'ALL' || (q.eventType === 'PAST') === start < nowMs) &&
			matchesSearch(
				q.search,
				contact?.email,
				contact?.phoneNumber,
				contact?.firstName,
				contact?.lastName,
				[contact?.firstName, contact?.lastName].filter(Boolean).join(' '),
			) &&
			(q.dateFrom === undefined || start >= q.dateFrom) &&
			(q.dateTo === undefined || start <= q.dateTo) &&
			(q.createdAtStart === undefined || created >= q.createdAtStart) &&
			(q.createdAtEnd === undefined || created <= q.createdAtEnd) &&
			(!q.location || q.location.includes(call.location)) &&
			(!q.userIds || q.userIds.includes(call.userId)) &&
			(!q.eventIds || q.eventIds.includes(call.eventId)) &&
			(!statuses || statuses.includes(call.status)) &&
			(!emails || emails.includes((contact?.email ?? '').toLowerCase())) &&
			(!q.outcomes || (q.outcomes as string[]).includes(outcome)) &&
			(!q.noSaleReason || (q.noSaleReason as string[]).includes(call.task.noSaleReason ?? '')) &&
			(!q.utmKeys || call.utm.some((u) => q.utmKeys?.includes(u.utmKey))) &&
			(!q.utmValues || call.utm.some((u) => q.utmValues?.includes(u.utmValue))) &&
			(!q.callTypes || (!!event && q.callTypes.includes(event.eventType))) &&
			(!q.setterIds || (call.setterId !== null && q.setterIds.includes(call.setterId))) &&
			(!q.previewId || contact?.previewId === q.previewId)
		);
	});
	const stable = ctx.variants.pagingStable;
	if (!stable) rows = shuffled(rows);
	if (q.orderColumn) {
		const key = q.orderColumn === 'dateTime' ? 'startUtc' : q.orderColumn;
		const dir = q.orderBy === 'desc' ? -1 : 1;
		rows = [...rows].sort((a, b) => {
			const va = a[key];
			const vb = b[key];
			const byColumn =
				typeof va === 'number' ? va - (vb as number) : String(va).localeCompare(String(vb));
			return (byColumn || (stable ? a.id - b.id : 0)) * dir;
		});
	}
	const eventCalls = paginate(rows, q.page, q.limit).map((c) =>
		listItem(ctx.variants, publicCall(state, c)),
	);
	// §1.4: this search answers 201, not 200.
	return reply({ data: { eventCalls, count: rows.length } }, ctx.variants.eventCallsListStatus);
}

function cancel(ctx: Ctx) {
	const b = validate(ctx, 'body', { id: id(), cancelReason: str(1000).optional() });
	const call = ctx.state.call(b.id) ?? notFound('Event call');
	if (call.status === 'CANCELLED') badRequest('Event call is already cancelled');
	const at = ctx.state.nowIso();
	Object.assign(call, {
		status: 'CANCELLED',
		cancelReason: b.cancelReason ?? null,
		cancelledBy: 'API',
		cancelledAt: at,
		// The `cancelMovesUpdatedAt` variant: a cancel that leaves updatedAt where it was (unverified, §2.2).
		...(ctx.variants.cancelMovesUpdatedAt ? { updatedAt: at } : {}),
	});
	return reply({
		data: { eventCall: { message: 'Event call cancelled successfully', status: 200 } },
	});
}

function markSlotFree(ctx: Ctx) {
	const b = validate(ctx, 'body', { id: id(), isSlotFree: z.boolean() });
	const call = ctx.state.call(b.id) ?? notFound('Event call');
	call.isSlotFree = b.isSlotFree;
	call.updatedAt = ctx.state.nowIso();
	return reply({
		success: true,
		message: `Slot marked as ${b.isSlotFree ? 'free' : 'busy'}`,
		data: { id: call.id, isSlotFree: call.isSlotFree },
	});
}

export const eventCallRoutes: Route[] = [
	{ method: 'GET', path: '/v1/eventCalls', handler: list },
	{ method: 'POST', path: '/v1/eventCalls', handler: book },
	{ method: 'PUT', path: '/v1/eventCalls/reschedule', handler: reschedule },
	{ method: 'PUT', path: '/v1/eventCalls/cancel', handler: cancel },
	{ method: 'PUT', path: '/v1/eventCalls/markSlotFree', handler: markSlotFree },
];
