// Records → the JSON objects iClosed answers with (§2) (test code, never shipped).
import { DateTime } from 'luxon';

import type { Call, Contact, Deal, IcEvent, User } from './entities';
import { durationMinutes } from './state';
import type { FakeState } from './state';
import type { FakeVariants } from './types';

/** A record as a list shows it: without `updatedAt` / `createdAt` when the `listsCarry…` variants say so. */
export function listItem<T extends object>(variants: FakeVariants, record: T): T {
	if (variants.listsCarryUpdatedAt && variants.listsCarryCreatedAt) return record;
	const rest = { ...record } as Record<string, unknown>;
	if (!variants.listsCarryUpdatedAt) delete rest.updatedAt;
	if (!variants.listsCarryCreatedAt) delete rest.createdAt;
	return rest as T;
}

export function publicUser(state: FakeState, u: User): Record<string, unknown> {
	return { ...u, activeAvailability: state.activeAvailability(u.id) ?? null };
}

export function publicContact(c: Contact): Record<string, unknown> {
	return { ...c };
}

/** Contact detail: contact + custom field answers (+ UTM rows per call when asked). */
export function contactDetail(
	state: FakeState,
	c: Contact,
	includeUtms: boolean,
): Record<string, unknown> {
	const answers = state.answers
		.filter((a) => a.contactId === c.id)
		.map((a) => {
			const f = state.field(a.customFieldId);
			return {
				...a,
				customField: f
					? { id: f.id, name: f.name, identifier: f.identifier, inputType: f.inputType }
					: null,
			};
		});
	const out: Record<string, unknown> = { ...c, CustomFieldAnswer: answers };
	if (includeUtms) {
		out.utms = state.calls
			.filter((call) => call.contactId === c.id)
			.flatMap((call) => call.utm.map((u) => ({ eventCallId: call.id, ...u })));
	}
	return out;
}

export function publicEvent(state: FakeState, e: IcEvent): Record<string, unknown> {
	const { hostIds, slotInterval, ...rest } = e;
	return {
		...rest,
		slotInterval,
		optimizationPriorities: hostIds.map((userId, i) => {
			const u = state.user(userId);
			return {
				id: e.id * 10 + i,
				priority: i + 1,
				userId,
				eventId: e.id,
				user: u
					? {
							id: u.id,
							firstName: u.firstName,
							lastName: u.lastName,
							email: u.email,
							profilePictureKey: u.profilePictureKey,
							previewId: u.previewId,
							signedUrl: null,
							calendarConnected: u.calendarConnected,
							zoomConnected: u.zoomConnected,
							inviteNotAccepted: false,
							activeAvailability: state.activeAvailability(u.id) ?? null,
							availabilitySet: !!state.activeAvailability(u.id),
						}
					: null,
			};
		}),
		workflowEvents: [],
		EventRules: [],
		EventLogicGroup: [],
	};
}

export function publicDeal(state: FakeState, d: Deal): Record<string, unknown> {
	const p = state.product(d.productId);
	const c = state.contact(d.contactId);
	return {
		...d,
		product: p ? { id: p.id, name: p.name } : null,
		contact: c
			? {
					id: c.id,
					firstName: c.firstName,
					lastName: c.lastName,
					email: c.email,
					phoneNumber: c.phoneNumber,
					status: c.status,
				}
			: null,
		Transaction: state.transactions.filter((t) => d.transactionIds.includes(t.id)),
	};
}

/** The call object of `GET /v1/eventCalls` (sample: eventCall-observed-production.jsonc). */
export function publicCall(state: FakeState, call: Call): Record<string, unknown> {
	const event = state.event(call.eventId);
	const host = state.user(call.userId);
	const contact = state.contact(call.contactId);
	const hostZone = state.activeAvailability(call.userId)?.timeZone ?? host?.timeZone ?? 'UTC';
	const start = DateTime.fromISO(call.startUtc, { zone: 'utc' });
	const setter = state.user(call.setterId);
	return {
		id: call.id,
		callId: call.id,
		previewId: contact?.previewId ?? null,
		contactId: call.contactId,
		userId: call.userId,
		eventId: call.eventId,
		// The closer, not the prospect (§2.2).
		firstName: host?.firstName ?? null,
		lastName: host?.lastName ?? null,
		email: host?.email ?? null,
		inviteeEmail: contact?.email ?? null,
		inviteeName: [contact?.firstName, contact?.lastName].filter(Boolean).join(' ') || null,
		phoneNumber: contact?.phoneNumber ?? null,
		location: call.location,
		locationLink: call.locationLink,
		locationLinkInvitee: call.locationLink,
		// Local wall-clock time of the host's schedule, without offset.
		dateTime: start.setZone(hostZone).toFormat('yyyy-MM-dd HH:mm:ss.SSS'),
		dateTimeUTC: start.toISO(),
		duration: event?.duration ?? 30,
		durationUnit: event?.durationUnit ?? 'MINUTES',
		callType: event?.eventType ?? 'STRATEGY_EVENT',
		eventType: start.toMillis() < state.now().getTime() ? 'PAST' : 'UPCOMING',
		isSlotFree: call.isSlotFree,
		overBooked: 0,
		totalOverBooked: 0,
		isCalendarConnected: host?.calendarConnected ?? false,
		isZoomConnected: host?.zoomConnected ?? false,
		googleResponseStatus: call.status === 'CANCELLED' ? 'declined' : 'accepted',
		allowReschedule: call.allowReschedule,
		rescheduledBy: call.rescheduledBy,
		rescheduleReason: call.rescheduleReason,
		cancelledBy: call.cancelledBy,
		cancelReason: call.cancelReason,
		name: event?.name ?? null,
		linkPrefix: event?.linkPrefix ?? null,
		notes: call.notes,
		inviteTimeZone: call.inviteTimeZone,
		userAvailabilityTimezone: hostZone,
		SettedClaim: setter
			? {
					id: call.id + 1_000_000,
					claimStatus: call.status === 'CANCELLED' ? 'CANCELLED' : 'USER_SCHEDULED',
					outcome: null,
					user: {
						id: setter.id,
						firstName: setter.firstName,
						lastName: setter.lastName,
						profilePictureKey: null,
						signedUrl: null,
					},
				}
			: null,
		task: [
			{
				id: call.task.id,
				completed: call.task.completed,
				outcome: call.task.outcome,
				noSaleReason: call.task.noSaleReason,
				objection: call.task.objection,
				notes: call.task.notes,
			},
		],
		taskId: call.task.id,
		deals: state.deals
			.filter((d) => d.eventCallId === call.id)
			.map((d) => {
				const p = state.product(d.productId);
				return {
					id: d.id,
					value: d.value,
					time: d.time,
					transactionType: d.transactionType,
					product: p ? { id: p.id, name: p.name } : null,
					Transaction: d.transactionIds.length ? { id: d.transactionIds[0] } : null,
				};
			}),
		questions: call.questions,
		secondaryAnswers: call.secondaryAnswers.map((a) => {
			const f = a.customFieldId
				? state.field(a.customFieldId)
				: state.fieldByIdentifier(a.identifier ?? '');
			return {
				statement: f?.name ?? a.identifier ?? String(a.customFieldId),
				isSecondaryQuestion: true,
				answer: a.answer.map((ans) => ({ inputType: f?.inputType ?? 'TEXT', answer: ans })),
			};
		}),
		utm: call.utm,
		additionalGuests: call.additionalGuests,
		createdAt: call.createdAt,
		updatedAt: call.updatedAt,
		deletedAt: null,
	};
}

export function callEndUtc(state: FakeState, call: Call): string {
	const event = state.event(call.eventId);
	return DateTime.fromISO(call.startUtc, { zone: 'utc' })
		.plus({ minutes: event ? durationMinutes(event) : 30 })
		.toISO() as string;
}
