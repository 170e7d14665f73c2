import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

/**
 * Test code: one set of iClosed facts per kind of event, written out three ways: as a delivery in the
 * shape of iClosed's documented examples (test/unit/trigger/fixtures/vendorSamples.ts), as a delivery in
 * the shape current accounts send (fixtures/currentDeliveries.ts, iclosed-api.md §3.5), and as the REST
 * record the polling trigger reads (§2.1, §2.2; test/fixtures/iclosed-samples/eventCall-observed-production.jsonc,
 * the fake's lists). Each writer puts only what its source carries.
 */

/** A local time as deliveries write it: `2026-04-14T16:00:00+02:00`. */
function local(utc: string, zone: string, plusMinutes = 0): string {
	return DateTime.fromISO(utc, { zone: 'utc' }).plus({ minutes: plusMinutes }).setZone(zone).toISO({ suppressMilliseconds: true }) as string;
}

/** iClosed's webhook says SALE where its API says WON (§6.20). */
const inDeliveryWords = (word: string) => (word === 'WON' ? 'SALE' : word);

export interface CallFacts {
	callId: number;
	callPreviewId: string;
	page: { id: number; name: string; linkPrefix: string; kind: string };
	minutes: number;
	startUtc: string;
	createdAtUtc: string;
	host: { id: number; firstName: string; lastName: string; email: string; zone: string };
	invitee: { contactId: number; previewId: string; firstName: string; lastName: string; email: string; phone: string; zone: string };
	location: string;
	cancelled?: { by: string; reason: string; atUtc: string };
	rescheduled?: { by: string; reason: string; previousStartUtc: string };
	setter?: { id: number; firstName: string; lastName: string; email: string };
	questions: Array<[string, string]>;
	utm: Record<string, string>;
}

export const BOOKED: CallFacts = {
	callId: 918273,
	callPreviewId: 'call_Qm7xT2pL9aZc',
	page: { id: 3301, name: 'Strategy Call', linkPrefix: 'jane/strategy-call', kind: 'Round Robin' },
	minutes: 45,
	startUtc: '2026-04-14T14:00:00.000Z',
	createdAtUtc: '2026-04-10T06:12:45.000Z',
	host: { id: 812, firstName: 'Jane', lastName: 'Closer', email: 'jane.closer@example.com', zone: 'Europe/Paris' },
	invitee: {
		contactId: 55012,
		previewId: 'contact_Vw3kR8sN1bQe',
		firstName: 'Léa',
		lastName: 'Martin',
		email: 'lea.martin@example.com',
		phone: '+33612345678',
		zone: 'America/New_York',
	},
	location: 'https://meet.google.com/ffc-yqwz-hmy',
	setter: { id: 77, firstName: 'Sam', lastName: 'Setter', email: 'sam.setter@example.com' },
	questions: [
		['What is your monthly revenue?', '$20k-$50k'],
		['How did you hear about us?', 'Podcast'],
	],
	utm: { utm_source: 'podcast', utm_medium: 'audio', gclid: 'abc123' },
};

export const CANCELLED: CallFacts = {
	...BOOKED,
	setter: undefined,
	cancelled: { by: 'Léa Martin', reason: 'Found another slot', atUtc: '2026-04-12T19:51:39.000Z' },
};

export const RESCHEDULED: CallFacts = {
	...BOOKED,
	startUtc: '2026-04-16T09:30:00.000Z',
	rescheduled: { by: 'Léa Martin', reason: 'Conflict at work', previousStartUtc: BOOKED.startUtc },
};

const hostName = (f: CallFacts) => `${f.host.firstName} ${f.host.lastName}`;
const inviteeName = (f: CallFacts) => `${f.invitee.firstName} ${f.invitee.lastName}`;
const previewUrl = (previewId: string) => `https://app.iclosed.io/contacts?preview=${previewId}`;
const endUtc = (f: CallFacts) => DateTime.fromISO(f.startUtc, { zone: 'utc' }).plus({ minutes: f.minutes }).toISO() as string;

function deliveryTimes(f: CallFacts): IDataObject {
	return {
		start_time: local(f.startUtc, f.host.zone),
		end_time: local(f.startUtc, f.host.zone, f.minutes),
		invitee_start_time: local(f.startUtc, f.invitee.zone),
		invitee_end_time: local(f.startUtc, f.invitee.zone, f.minutes),
		created_at: local(f.createdAtUtc, f.host.zone),
	};
}

/** iClosed's documented call examples: `utc_*` times with an offset, hosts by name only, no closer fields. */
export function documentedCallDelivery(f: CallFacts, hookType: string): IDataObject {
	return {
		event_type: {
			uuid: String(f.page.id),
			kind: f.page.kind,
			slug: f.page.linkPrefix.split('/').pop(),
			name: f.page.name,
			duration: String(f.minutes),
			durationUnit: 'MINUTES',
			owner: { type: 'closer' },
			type: 'STRATEGY_EVENT',
		},
		event: {
			uuid: String(f.callId),
			assigned_to: { '1': hostName(f) },
			extended_assigned_to: { '1': { name: hostName(f), email: f.host.email, primary: 'true' } },
			utc_start_time: local(f.startUtc, f.host.zone),
			utc_end_time: local(endUtc(f), f.host.zone),
			...deliveryTimes(f),
			type: 'STRATEGY_CALL',
			location: f.location,
			canceled: !!f.cancelled,
			canceler_name: f.cancelled?.by ?? null,
			cancel_reason: f.cancelled?.reason ?? null,
			canceled_at: f.cancelled?.atUtc ?? null,
			...(f.rescheduled ? { old_start_time: local(f.rescheduled.previousStartUtc, f.host.zone) } : {}),
			...(f.setter ? { setter: { firstName: f.setter.firstName, lastName: f.setter.lastName, email: f.setter.email } } : {}),
		},
		invitee: {
			previewUrl: previewUrl(f.invitee.previewId),
			uuid: String(f.invitee.contactId),
			name: inviteeName(f),
			first_name: f.invitee.firstName,
			last_name: f.invitee.lastName,
			email: f.invitee.email,
			text_reminder_number: f.invitee.phone,
			timezone: f.invitee.zone,
			created_at: local(f.createdAtUtc, f.invitee.zone),
			is_reschedule: !!f.rescheduled,
			reschedule_reason: f.rescheduled?.reason ?? null,
			canceled: !!f.cancelled,
			canceler_name: f.cancelled?.by ?? null,
			cancel_reason: f.cancelled?.reason ?? null,
			canceled_at: f.cancelled?.atUtc ?? null,
		},
		questions_and_answers: f.questions.map(([question, answer]) => ({ question, answer })),
		tracking: f.utm,
		hookType,
	};
}

/** Current deliveries (§3.5): the closer named on the call, no `utc_*`, answers twice, custom fields. */
export function productionCallDelivery(f: CallFacts, hookType: string): IDataObject {
	const numbered = Object.fromEntries(
		f.questions.flatMap(([question, answer], i) => [
			[`${i + 1}_question`, question],
			[`${i + 1}_response`, answer],
		]),
	);
	return {
		event_type: {
			uuid: f.page.id,
			kind: f.page.kind,
			slug: f.page.linkPrefix.split('/').pop(),
			name: f.page.name,
			duration: f.minutes,
			durationUnit: 'MINUTES',
			owner: { type: 'closer' },
			type: 'STRATEGY_EVENT',
		},
		event: {
			uuid: f.callId,
			callPreviewId: f.callPreviewId,
			assigned_to: { '1': hostName(f) },
			extended_assigned_to: { '1': { name: hostName(f), email: f.host.email, primary: true } },
			...deliveryTimes(f),
			type: 'STRATEGY_CALL',
			location: f.location,
			location_type: 'google_meet',
			eventLink: `https://app.iclosed.io/e/${f.page.linkPrefix}`,
			canceled: !!f.cancelled,
			canceler_name: f.cancelled?.by ?? null,
			cancel_reason: f.cancelled?.reason ?? null,
			canceled_at: f.cancelled?.atUtc ?? null,
			...(f.rescheduled ? { old_start_time: local(f.rescheduled.previousStartUtc, f.host.zone) } : {}),
			setter: f.setter
				? { name: `${f.setter.firstName} ${f.setter.lastName}`, firstName: f.setter.firstName, lastName: f.setter.lastName, email: f.setter.email, setBy: { firstName: '', lastName: '', email: '' } }
				: { name: ' ', firstName: '', lastName: '', email: '', setBy: { firstName: '', lastName: '', email: '' } },
			closerId: f.host.id,
			closerName: hostName(f),
			closerEmail: f.host.email,
			closerTimezone: f.host.zone,
			rescheduleLink: `https://app.iclosed.io/reschedule/${f.callPreviewId.slice('call_'.length)}`,
		},
		invitee: {
			previewUrl: previewUrl(f.invitee.previewId),
			callPreviewId: f.callPreviewId,
			uuid: f.invitee.contactId,
			name: inviteeName(f),
			first_name: f.invitee.firstName,
			last_name: f.invitee.lastName,
			email: f.invitee.email,
			text_reminder_number: f.invitee.phone,
			timezone: f.invitee.zone,
			created_at: f.createdAtUtc,
			is_reschedule: !!f.rescheduled,
			reschedule_reason: f.rescheduled?.reason ?? null,
			reschedule_by: f.rescheduled?.by ?? null,
			canceled: !!f.cancelled,
		},
		questions_and_answers: f.questions.slice(0, 1).map(([question, answer]) => ({ question, answer })),
		questions_and_responses: {
			...numbered,
			...Object.fromEntries(f.questions),
			Referrer_Url_Embed: `https://app.iclosed.io/e/${f.page.linkPrefix}?utm_source=podcast`,
		},
		contactFields: { 'call.learning-purpose': 'Scaling outbound' },
		tracking: f.utm,
		call_booked_from: 'PUBLIC_SCHEDULER',
		hookType,
	};
}

/** A call as `GET /v1/eventCalls` lists it (the observed production item). */
export function callRecord(f: CallFacts, task: IDataObject = {}, deals: IDataObject[] = []): IDataObject {
	return {
		id: f.callId,
		callId: f.callId,
		previewId: f.invitee.previewId,
		contactId: f.invitee.contactId,
		userId: f.host.id,
		eventId: f.page.id,
		firstName: f.host.firstName,
		lastName: f.host.lastName,
		email: f.host.email,
		inviteeEmail: f.invitee.email,
		inviteeName: inviteeName(f),
		phoneNumber: f.invitee.phone,
		location: 'GOOGLE_MEET',
		locationLink: f.location,
		locationLinkInvitee: f.location,
		dateTime: DateTime.fromISO(f.startUtc, { zone: 'utc' }).setZone(f.host.zone).toFormat('yyyy-MM-dd HH:mm:ss.SSS'),
		dateTimeUTC: f.startUtc,
		duration: f.minutes,
		durationUnit: 'MINUTES',
		callType: 'STRATEGY_EVENT',
		eventType: 'UPCOMING',
		isCalendarConnected: true,
		allowReschedule: true,
		rescheduledBy: f.rescheduled?.by ?? null,
		rescheduleReason: f.rescheduled?.reason ?? null,
		cancelledBy: f.cancelled?.by ?? null,
		cancelReason: f.cancelled?.reason ?? null,
		name: f.page.name,
		linkPrefix: f.page.linkPrefix,
		notes: null,
		inviteTimeZone: f.invitee.zone,
		userAvailabilityTimezone: f.host.zone,
		createdAt: f.createdAtUtc,
		updatedAt: '2026-04-12T20:00:00.000Z',
		SettedClaim: f.setter
			? { id: 3620840, claimStatus: 'USER_SCHEDULED', outcome: null, user: { id: f.setter.id, firstName: f.setter.firstName, lastName: f.setter.lastName } }
			: null,
		task: [{ id: 1740988, completed: false, outcome: null, noSaleReason: null, objection: null, notes: null, ...task }],
		taskId: 1740988,
		deals,
		questions: f.questions.map(([statement, answer]) => ({ statement, answer })),
		secondaryAnswers: [],
		utm: Object.entries(f.utm).map(([utmKey, utmValue]) => ({ utmKey, utmValue })),
	};
}

export interface OutcomeFacts {
	call: CallFacts;
	/** In the API's words (WON, NO_SALE, APPROVED, REJECTED). */
	result: string;
	noSaleReason: string | null;
	objection: string | null;
	notes: string;
	deal?: { type: string; value: number; timeUtc: string; product: string };
}

export const WON: OutcomeFacts = {
	call: BOOKED,
	result: 'WON',
	noSaleReason: null,
	objection: null,
	notes: 'Great call, client was very interested',
	deal: { type: 'WON', value: 5000, timeUtc: '2026-04-14T15:00:00.000Z', product: 'Premium Package' },
};

export const NO_SALE: OutcomeFacts = {
	call: BOOKED,
	result: 'NO_SALE',
	noSaleReason: 'NOT_INTERESTED',
	objection: 'TIMING',
	notes: 'Follow up next week',
};

/** The documented outcome example (webhook-outcomeAdded.json) and current deliveries share one shape. */
export function outcomeDelivery(o: OutcomeFacts, hookType: string): IDataObject {
	const f = o.call;
	return {
		uuid: f.callId,
		userId: f.host.id,
		eventName: f.page.name,
		eventId: f.page.id,
		eventDuration: f.minutes,
		eventDurationUnit: 'MINUTES',
		email: f.invitee.email,
		contactId: f.invitee.contactId,
		firstName: f.invitee.firstName,
		lastName: f.invitee.lastName,
		phoneNumber: f.invitee.phone,
		closerEmail: f.host.email,
		callOutcome: inDeliveryWords(o.result),
		noSaleReason: o.noSaleReason,
		objection: o.objection,
		startTime: f.startUtc,
		notes: o.notes,
		dealValue: o.deal?.value ?? null,
		productName: o.deal?.product ?? null,
		deal: o.deal ? { transactionType: inDeliveryWords(o.deal.type), createdAt: o.deal.timeUtc, value: o.deal.value } : null,
		transaction: [],
		hookType,
	};
}

export function outcomeRecord(o: OutcomeFacts): IDataObject {
	const deals = o.deal
		? [{ id: 9001, value: o.deal.value, time: o.deal.timeUtc, transactionType: o.deal.type, product: { id: 4, name: o.deal.product }, Transaction: null }]
		: [];
	return callRecord(o.call, { completed: true, outcome: o.result, noSaleReason: o.noSaleReason, objection: o.objection, notes: o.notes }, deals);
}

export interface ContactFacts {
	id: number;
	ownerId: number;
	previewId: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	status: string;
	timeZone: string;
	country: string;
	joinedUtc: string;
	createdUtc: string;
	updatedUtc: string;
	page: { id: number; name: string; linkPrefix: string };
	tracking: Record<string, string>;
}

export const CONTACT: ContactFacts = {
	id: 55012,
	ownerId: 812,
	previewId: 'contact_Vw3kR8sN1bQe',
	firstName: 'Léa',
	lastName: 'Martin',
	email: 'lea.martin@example.com',
	phone: '+33612345678',
	status: 'QUALIFIED',
	timeZone: 'Europe/Paris',
	country: 'FR',
	joinedUtc: '2026-04-10T06:12:40.000Z',
	createdUtc: '2026-04-10T06:12:40.000Z',
	updatedUtc: '2026-04-10T06:12:41.000Z',
	page: { id: 3301, name: 'Strategy Call', linkPrefix: 'jane/strategy-call' },
	tracking: { utm_source: 'facebook', utm_medium: 'paid', first_utm_source: 'google', utmKey_1: 'partner', utmValue_1: 'acme' },
};

function contactCard(c: ContactFacts): IDataObject {
	return {
		id: c.id,
		userId: c.ownerId,
		accountId: 77,
		firstName: c.firstName,
		lastName: c.lastName,
		email: c.email,
		phoneNumber: c.phone,
		secondary_email: null,
		secondary_phoneNumber: null,
		status: c.status,
		createdAt: c.createdUtc,
		previewId: c.previewId,
		timeZone: c.timeZone,
		joinedTime: c.joinedUtc,
		country: c.country,
		updatedAt: c.updatedUtc,
	};
}

/** The documented contact example (webhook-contactUpdated): answers, booking page, latest call. */
export function documentedContactDelivery(c: ContactFacts, hookType: string): IDataObject {
	return {
		...contactCard(c),
		ipAddress: '::1',
		updatedAttributes: [],
		questionsAndAnswers: { '1_question': 'Full Name', '1_response': `${c.firstName} ${c.lastName}`, 'Full Name': `${c.firstName} ${c.lastName}` },
		event: { ...c.page, color: 'blue', eventType: 'STRATEGY_EVENT' },
		tracking: c.tracking,
		latestCall: { dateTime: '2026-04-14T14:00:00.000Z', duration: 45, user: { firstName: 'Jane', lastName: 'Closer' } },
		disqualifyingGroup: null,
		hookType,
	};
}

/** Current contact deliveries (§3.5): the preview link, the page's URL, custom fields. */
export function productionContactDelivery(c: ContactFacts, hookType: string): IDataObject {
	return {
		...contactCard(c),
		previewUrl: previewUrl(c.previewId),
		Referrer_Url_Embed: `https://app.iclosed.io/e/${c.page.linkPrefix}`,
		questionsAndAnswers: { '1_question': 'Full Name', '1_response': `${c.firstName} ${c.lastName}`, 'Full Name': `${c.firstName} ${c.lastName}` },
		contactFields: { 'contact.company-size': '11-50' },
		event: { ...c.page, color: '#3366ff', eventType: 'STRATEGY_EVENT' },
		tracking: c.tracking,
		latestCall: null,
		disqualifyingGroup: [],
		updatedAttributes: [],
		hookType,
	};
}

/** A contact as `GET /v1/contacts` lists it (§2.1; the fake's list item). */
export function contactRecord(c: ContactFacts): IDataObject {
	return {
		...contactCard(c),
		tagId: null,
		tag: null,
		blockedByRecaptcha: false,
		ipAddress: null,
		blockedId: null,
		referrerUrl: null,
		eventId: c.page.id,
		tracking: c.tracking,
		deletedAt: null,
	};
}
