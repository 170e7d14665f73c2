// Booking and rescheduling calls (§2.2): the slot must be free per the event's availability.
import { freeHostsAt, pickHost } from '../availability';
import type { Call, Contact, IcEvent } from '../entities';
import { badRequest, notFound, reply } from '../http';
import type { Ctx } from '../http';
import { callEndUtc, publicCall } from '../serialize';
import { email, fieldError, id, isoZ, phone, str, timeZone, validate, z } from '../validation';

const answerItem = () =>
	z.object({
		customFieldId: id().optional(),
		identifier: str(255).optional(),
		answer: z.array(z.string()),
	});

const guests = () => z.array(z.object({ email: email(), name: str(100).optional() }));

const csvIds = () => z.string().regex(/^\d+(,\d+)*$/, 'Expected comma-separated user ids');

const NOT_FREE = 'The selected time slot is not available for this event';

function bookSchema(ctx: Ctx) {
	const answers = z.array(answerItem());
	return {
		dateTime: isoZ(),
		timeZone: timeZone(),
		contactId: id().optional(),
		email: email().optional(),
		phoneNumber: phone().optional(),
		firstName: str(25).optional(),
		lastName: str(25).optional(),
		eventId: id().optional(),
		linkPrefix: str(255).optional(),
		// §6.10: required (may be []) per w6w, absent from the vendor example.
		secondaryQuestionsAnswer: ctx.variants.bookingRequiresSecondaryAnswers
			? answers
			: answers.optional(),
		conditionalUsers: csvIds().optional(),
		routingGroupIds: str(1000).optional(),
		useSecondaryQuestionsForConditionalRouting: z.boolean().optional(),
		additionalGuests: guests().optional(),
		notes: str(10000).optional(),
		tracking: z.record(z.string()).optional(),
	};
}

function resolveEvent(ctx: Ctx, eventId?: number, linkPrefix?: string): IcEvent {
	const event = eventId ? ctx.state.event(eventId) : ctx.state.eventByLinkPrefix(linkPrefix ?? '');
	if (!event) notFound('Event');
	if (event.status !== 'ACTIVATED') badRequest('Event is not active');
	return event;
}

function resolveContact(
	ctx: Ctx,
	b: {
		contactId?: number;
		email?: string;
		phoneNumber?: string;
		firstName?: string;
		lastName?: string;
		timeZone: string;
	},
): Contact {
	const { state } = ctx;
	if (b.contactId) return state.contact(b.contactId) ?? notFound('Contact');
	const found = b.email
		? state.contactByEmail(b.email)
		: state.contacts.find((c) => c.phoneNumber === b.phoneNumber && !c.deletedAt);
	if (found) {
		found.firstName ??= b.firstName ?? null;
		found.lastName ??= b.lastName ?? null;
		found.phoneNumber ??= b.phoneNumber ?? null;
		return found;
	}
	return state.addContact({
		email: b.email ?? null,
		phoneNumber: b.phoneNumber ?? null,
		firstName: b.firstName ?? null,
		lastName: b.lastName ?? null,
		timeZone: b.timeZone,
	});
}

/** Checks each answer names a known field and stores it on the contact (upsert). */
function saveAnswers(ctx: Ctx, contactId: number, items: Call['secondaryAnswers']): void {
	items.forEach((a, i) => {
		const f = a.customFieldId
			? ctx.state.field(a.customFieldId)
			: ctx.state.fieldByIdentifier(a.identifier ?? '');
		if (!f) fieldError('secondaryQuestionsAnswer', `Unknown custom field at index ${i}`);
		const at = ctx.state.nowIso();
		const existing = ctx.state.answers.find(
			(x) => x.contactId === contactId && x.customFieldId === f.id,
		);
		if (existing) Object.assign(existing, { answer: a.answer, updatedAt: at });
		else
			ctx.state.answers.push({
				id: ctx.state.nextId('answer'),
				customFieldId: f.id,
				contactId,
				eventCallId: null,
				answer: a.answer,
				createdAt: at,
				updatedAt: at,
			});
	});
}

/** POST /v1/eventCalls — not idempotent: each success is a new call. */
export function book(ctx: Ctx) {
	const b = validate(ctx, 'body', bookSchema(ctx), (v, issues) => {
		if (!v.contactId && !v.email && !v.phoneNumber) {
			for (const path of ['email', 'phoneNumber'])
				issues.addIssue({
					code: 'custom',
					path: [path],
					message: `${path} is required when contactId is not provided`,
				});
		}
		if (!v.eventId && !v.linkPrefix) {
			issues.addIssue({
				code: 'custom',
				path: ['eventId'],
				message: 'eventId is required when linkPrefix is not provided',
			});
		}
	});
	const { state } = ctx;
	const event = resolveEvent(ctx, b.eventId, b.linkPrefix);
	const startMs = Date.parse(b.dateTime);
	const hosts = freeHostsAt(state, event, startMs, {
		hostIds: b.conditionalUsers?.split(',').map(Number),
		hidePast: !ctx.variants.allowPastSlots,
	});
	if (!hosts.length) badRequest(NOT_FREE);
	const contact = resolveContact(ctx, b);
	const secondary = b.secondaryQuestionsAnswer ?? [];
	saveAnswers(ctx, contact.id, secondary);
	contact.eventId = event.id;
	contact.userId ??= hosts[0];
	contact.updatedAt = state.nowIso();
	const call = state.addCall({
		contactId: contact.id,
		userId: pickHost(state, hosts),
		eventId: event.id,
		startUtc: new Date(startMs).toISOString(),
		inviteTimeZone: b.timeZone,
		location: event.location,
		notes: b.notes ?? null,
		additionalGuests: b.additionalGuests ?? [],
		secondaryAnswers: secondary,
		utm: Object.entries(b.tracking ?? {}).map(([utmKey, utmValue]) => ({ utmKey, utmValue })),
		questions: [
			{
				statement: 'Name',
				answer: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
			},
			{ statement: 'Email', answer: contact.email ?? '' },
			{ statement: 'Phone Number', answer: contact.phoneNumber ?? '' },
		],
	});
	const closer = state.user(call.userId);
	const status = ctx.variants.createStatus;
	return reply(
		{
			data: {
				eventCall: {
					message: 'Event call booked successfully',
					status,
					data: {
						id: call.id,
						startTime: call.startUtc,
						endTime: callEndUtc(state, call),
						closerId: call.userId,
						timeZone: call.inviteTimeZone,
						guestEmail: contact.email,
						token: call.token,
						closerName: closer ? `${closer.firstName} ${closer.lastName}` : null,
						previewId: contact.previewId,
						closerEmail: closer?.email ?? null,
						confirmationLink: `https://app.iclosed.io/confirmation/${call.token}`,
						redirectUrl: null,
					},
				},
			},
		},
		status,
	);
}

/** PUT /v1/eventCalls/reschedule — moves the call to another free slot of its event. */
export function reschedule(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		id: id(),
		dateTime: isoZ(),
		timeZone: timeZone(),
		rescheduleReason: str(1000).optional(),
		notes: str(10000).optional(),
		userId: id().optional(),
		additionalGuests: guests().optional(),
	});
	const { state } = ctx;
	const call = state.call(b.id) ?? notFound('Event call');
	if (call.status === 'CANCELLED') badRequest('A cancelled event call cannot be rescheduled');
	const event = state.event(call.eventId) ?? notFound('Event');
	if (b.userId && !event.hostIds.includes(b.userId))
		fieldError('userId', 'User is not a host of this event');
	const startMs = Date.parse(b.dateTime);
	const hosts = freeHostsAt(state, event, startMs, {
		hostIds: b.userId ? [b.userId] : undefined,
		ignoreCallId: call.id,
		hidePast: !ctx.variants.allowPastSlots,
	});
	if (!hosts.length) badRequest(NOT_FREE);
	const at = state.nowIso();
	Object.assign(call, {
		oldStartUtc: call.startUtc,
		startUtc: new Date(startMs).toISOString(),
		inviteTimeZone: b.timeZone,
		status: 'RESCHEDULED',
		rescheduledBy: 'API',
		rescheduleReason: b.rescheduleReason ?? null,
		notes: b.notes ?? call.notes,
		userId: hosts.includes(call.userId) ? call.userId : pickHost(state, hosts),
		additionalGuests: b.additionalGuests ?? call.additionalGuests,
		// The `rescheduleMovesUpdatedAt` variant: a reschedule that leaves updatedAt where it was.
		...(ctx.variants.rescheduleMovesUpdatedAt ? { updatedAt: at } : {}),
	});
	const body = publicCall(state, call);
	// §6.12: vendor page `{data:{eventCall}}` vs w6w `{message,status,data}`.
	if (ctx.variants.rescheduleEnvelope === 'messageStatusData') {
		return reply({ message: 'Event call rescheduled successfully', status: 200, data: body });
	}
	return reply({ data: { eventCall: body } });
}
