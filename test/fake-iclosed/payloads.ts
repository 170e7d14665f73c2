// Webhook payload builders shaped like the vendor samples (§3.2, iclosed-samples/webhook-*) (test code, never shipped).
import { DateTime } from 'luxon';

import type { Call, Contact } from './entities';
import { durationMinutes } from './state';
import type { FakeState } from './state';

const pretty = (d: DateTime) =>
	d.toFormat('hh:mma - cccc, LLLL d, yyyy').replace(/AM|PM/, (m) => m.toLowerCase());
const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) as string;
const fullName = (c?: { firstName: string | null; lastName: string | null } | null) =>
	[c?.firstName, c?.lastName].filter(Boolean).join(' ');

export type CallKind = 'booked' | 'cancelled' | 'rescheduled' | 'completed';

/** Answers as iClosed flattens them: numbered pairs, then the same answers by their label. */
function numberedAnswers(qa: Array<[string, string]>): Record<string, string> {
	const record: Record<string, string> = {};
	qa.forEach(([q, r], i) => {
		record[`${i + 1}_question`] = q;
		record[`${i + 1}_response`] = r;
	});
	for (const [q, r] of qa) record[q] = r;
	return record;
}

/** Calendly-v1-style call payload: event_type / event / invitee / contact / questions_and_answers / tracking. */
export function buildCallPayload(
	state: FakeState,
	call: Call,
	kind: CallKind,
	hookType: string,
): Record<string, unknown> {
	const event = state.event(call.eventId);
	const host = state.user(call.userId);
	const contact = state.contact(call.contactId);
	const setter = state.user(call.setterId);
	const hostZone = state.activeAvailability(call.userId)?.timeZone ?? host?.timeZone ?? 'UTC';
	const start = DateTime.fromISO(call.startUtc, { zone: 'utc' });
	const end = start.plus({ minutes: event ? durationMinutes(event) : 30 });
	const slug = event?.linkPrefix.split('/').pop() ?? 'event';
	const cancelled = kind === 'cancelled' || call.status === 'CANCELLED';
	const cancelledAt = call.cancelledAt ?? state.nowIso();
	const cancel = {
		canceled: cancelled,
		canceler_name: cancelled
			? call.cancelledBy === 'API' || !call.cancelledBy
				? fullName(host)
				: fullName(contact)
			: null,
		cancel_reason: cancelled ? (call.cancelReason ?? '') : null,
		canceled_at: cancelled ? cancelledAt : null,
	};
	const at = (d: DateTime, zone: string) => d.setZone(zone);
	const hostName = fullName(host);
	const secondary = call.secondaryAnswers.map((a) => {
		const f = a.customFieldId
			? state.field(a.customFieldId)
			: state.fieldByIdentifier(a.identifier ?? '');
		return { question: f?.name ?? a.identifier ?? '', answer: a.answer.join(', ') };
	});
	const answers = [
		...call.questions.map((q) => ({ question: q.statement, answer: q.answer })),
		...secondary,
	];
	return {
		event_type: {
			uuid: String(event?.id ?? ''),
			kind: event?.kind ?? 'Round Robin',
			slug,
			name: event?.name ?? '',
			duration: String(event?.duration ?? 30),
			durationUnit: event?.durationUnit ?? 'MINUTES',
			owner: { type: event?.eventType === 'DISCOVERY_EVENT' ? 'setter' : 'closer' },
			type: event?.eventType ?? 'STRATEGY_EVENT',
		},
		event: {
			uuid: String(call.id),
			callPreviewId: `call_${call.token.slice(0, 12)}`,
			// Keyed by position, not by user id (§3.5); the closer is named by closerId/closerName/….
			assigned_to: { '1': hostName },
			extended_assigned_to: {
				'1': { name: hostName, email: host?.email ?? '', primary: 'true' },
			},
			utc_start_time: iso(start),
			utc_end_time: iso(end),
			start_time: iso(at(start, hostZone)),
			start_time_pretty: pretty(at(start, hostZone)),
			invitee_start_time: iso(at(start, call.inviteTimeZone)),
			invitee_start_time_pretty: pretty(at(start, call.inviteTimeZone)),
			end_time: iso(at(end, hostZone)),
			end_time_pretty: pretty(at(end, hostZone)),
			invitee_end_time: iso(at(end, call.inviteTimeZone)),
			invitee_end_time_pretty: pretty(at(end, call.inviteTimeZone)),
			created_at: iso(DateTime.fromISO(call.createdAt, { zone: hostZone })),
			type: event?.eventType === 'DISCOVERY_EVENT' ? 'DISCOVERY_CALL' : 'STRATEGY_CALL',
			location: call.locationLink ?? `https://app.iclosed.io/e/${slug}`,
			...(kind === 'rescheduled'
				? {
						old_start_time: iso(
							at(DateTime.fromISO(call.oldStartUtc ?? call.startUtc, { zone: 'utc' }), hostZone),
						),
					}
				: {}),
			...cancel,
			// With no setter every field is an empty string (§3.5).
			setter: {
				name: setter ? fullName(setter) : ' ',
				firstName: setter?.firstName ?? '',
				lastName: setter?.lastName ?? '',
				email: setter?.email ?? '',
				setBy: { firstName: '', lastName: '', email: '' },
			},
			eventLink: `https://app.iclosed.io/e/${event?.linkPrefix ?? slug}`,
			closerId: call.userId,
			closerName: hostName,
			closerEmail: host?.email ?? null,
			closerTimezone: hostZone,
			rescheduleLink: `https://app.iclosed.io/reschedule/${call.token}`,
		},
		invitee: {
			previewUrl: `https://app.iclosed.io/contacts?preview=${contact?.previewId ?? ''}`,
			uuid: String(call.contactId),
			name: fullName(contact),
			first_name: contact?.firstName ?? null,
			last_name: contact?.lastName ?? null,
			email: contact?.email ?? null,
			text_reminder_number: contact?.phoneNumber ?? null,
			timezone: call.inviteTimeZone,
			created_at: contact?.createdAt ?? call.createdAt,
			is_reschedule: kind === 'rescheduled',
			reschedule_reason: kind === 'rescheduled' ? (call.rescheduleReason ?? '') : null,
			reschedule_by: kind === 'rescheduled' ? (call.rescheduledBy ?? 'INVITEE') : null,
			...cancel,
		},
		contact: contact
			? {
					id: contact.id,
					email: contact.email,
					phoneNumber: contact.phoneNumber,
					firstName: contact.firstName,
					lastName: contact.lastName,
				}
			: null,
		questions_and_answers: answers,
		questions_and_responses: numberedAnswers(answers.map((a): [string, string] => [a.question, a.answer])),
		contactFields: Object.fromEntries(
			call.secondaryAnswers.map((a) => [
				(a.customFieldId ? state.field(a.customFieldId)?.identifier : a.identifier) ?? String(a.customFieldId),
				a.answer.join(', '),
			]),
		),
		tracking: Object.fromEntries(call.utm.map((u) => [u.utmKey, u.utmValue])),
		call_booked_from: 'BOOKING_PAGE',
		hookType,
	};
}

/** Contact payload (webhook-contactUpdated sample): numbered + labelled questionsAndAnswers, tracking, latestCall. */
export function buildContactPayload(
	state: FakeState,
	contact: Contact,
	kind: 'created' | 'updated' | 'status_changed',
	hookType: string,
	updatedAttributes: string[] = ['status'],
): Record<string, unknown> {
	const qa: Array<[string, string]> = [
		['Phone Number', contact.phoneNumber ?? ''],
		['Email Address', contact.email ?? ''],
		['Full Name', fullName(contact)],
		...state.answers
			.filter((a) => a.contactId === contact.id)
			.map((a): [string, string] => [
				state.field(a.customFieldId)?.name ?? String(a.customFieldId),
				a.answer.join(', '),
			]),
	];
	const questionsAndAnswers = numberedAnswers(qa);
	const tracking: Record<string, string> = {};
	Object.entries(contact.tracking).forEach(([k, v], i) => {
		tracking[k] = v;
		if (k.startsWith('utm_')) tracking[`first_${k}`] = v;
		tracking[`utmKey_${i + 1}`] = k;
		tracking[`utmValue_${i + 1}`] = v;
	});
	const event = state.event(contact.eventId);
	const latest = state.calls
		.filter((c) => c.contactId === contact.id)
		.sort((a, b) => b.id - a.id)[0];
	const latestHost = state.user(latest?.userId);
	const hidden = new Set([
		'tag',
		'tagId',
		'blockedByRecaptcha',
		'blockedId',
		'referrerUrl',
		'eventId',
		'deletedAt',
		'tracking',
	]);
	const base = Object.fromEntries(Object.entries(contact).filter(([k]) => !hidden.has(k)));
	return {
		...base,
		...(kind === 'created' ? {} : { updatedAttributes }),
		questionsAndAnswers,
		contactFields: Object.fromEntries(
			state.answers
				.filter((a) => a.contactId === contact.id)
				.map((a) => [state.field(a.customFieldId)?.identifier ?? String(a.customFieldId), a.answer.join(', ')]),
		),
		previewUrl: `https://app.iclosed.io/contacts?preview=${contact.previewId ?? ''}`,
		...(event ? { Referrer_Url_Embed: `https://app.iclosed.io/e/${event.linkPrefix}` } : {}),
		event: event
			? {
					id: event.id,
					name: event.name,
					linkPrefix: event.linkPrefix,
					color: event.color,
					eventType: event.eventType,
				}
			: null,
		tracking,
		latestCall: latest
			? {
					id: latest.id,
					dateTime: latest.startUtc,
					duration: state.event(latest.eventId)?.duration ?? 30,
					user: latestHost
						? {
								id: latestHost.id,
								firstName: latestHost.firstName,
								lastName: latestHost.lastName,
								email: latestHost.email,
							}
						: null,
				}
			: null,
		disqualifyingGroup:
			contact.status === 'DISQUALIFIED' ? { id: 1, name: 'Revenue under $10k' } : null,
		hookType,
	};
}

/** Outcome payload, as the complete vendor sample (webhook-outcomeAdded.json): `callOutcome` says SALE for WON. */
export function buildOutcomePayload(
	state: FakeState,
	call: Call,
	hookType: string,
): Record<string, unknown> {
	const event = state.event(call.eventId);
	const contact = state.contact(call.contactId);
	const host = state.user(call.userId);
	const deal = state.deals.filter((d) => d.eventCallId === call.id).sort((a, b) => a.id - b.id)[0];
	const sale = (v: string | null | undefined) => (v === 'WON' ? 'SALE' : (v ?? null));
	return {
		uuid: call.id,
		userId: call.userId,
		eventName: event?.name ?? null,
		eventId: call.eventId,
		eventDuration: event?.duration ?? 30,
		eventDurationUnit: event?.durationUnit ?? 'MINUTES',
		email: contact?.email ?? null,
		contactId: call.contactId,
		firstName: contact?.firstName ?? null,
		lastName: contact?.lastName ?? null,
		phoneNumber: contact?.phoneNumber ?? null,
		closerEmail: host?.email ?? null,
		callOutcome: sale(call.task.outcome ?? 'WON'),
		noSaleReason: call.task.noSaleReason,
		objection: call.task.objection,
		startTime: call.startUtc,
		notes: call.task.notes,
		dealValue: deal?.value ?? null,
		productName: state.product(deal?.productId)?.name ?? null,
		deal: deal
			? {
					transactionType: sale(deal.transactionType),
					createdAt: deal.createdAt,
					value: deal.value,
				}
			: null,
		transaction: deal ? state.transactions.filter((t) => deal.transactionIds.includes(t.id)) : [],
		hookType,
	};
}

/** Small payload for events without a documented shape (deal.*, transaction.*, …). */
export function buildGenericPayload(
	event: string,
	entity: Record<string, unknown> | undefined,
	hookType: string,
): Record<string, unknown> {
	return { ...(entity ?? {}), event, hookType };
}
