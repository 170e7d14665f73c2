import type { IDataObject } from 'n8n-workflow';

import { simplifyEvent } from '../../../nodes/IClosedTrigger/simplify';
import { buildEventPayload, startFakeIClosed } from '../../fake-iclosed';
import { customFieldsOf } from '../../../nodes/shared/events/customFields';
import { currentCallBooked, currentContactCreated, currentOutcome } from './fixtures/currentDeliveries';

const AT = '2026-04-10T06:12:46.000Z';

type Payload = IDataObject;

/** The call delivery with `event` fields changed (undefined removes one). */
function withEvent(changes: Payload, payload: Payload = currentCallBooked()): Payload {
	const event = { ...(payload.event as Payload), ...changes };
	for (const [key, value] of Object.entries(changes)) if (value === undefined) delete event[key];
	return { ...payload, event };
}

function call(payload: Payload) {
	return simplifyEvent('call.booked', payload, AT);
}

describe('Simplify of current call deliveries (§3.5)', () => {
	it('turns a current booked call into the documented item, field by field', () => {
		expect(call(currentCallBooked())).toEqual({
			event: 'call.booked',
			receivedAt: AT,
			call: {
				id: 918273,
				callPreviewId: 'call_Qm7xT2pL9aZc',
				callType: 'STRATEGY_EVENT',
				// No utc_* fields: the host's local time, converted by its offset.
				startTime: '2026-04-14T14:00:00.000Z',
				endTime: '2026-04-14T14:45:00.000Z',
				hostStartTime: '2026-04-14T16:00:00+02:00',
				hostEndTime: '2026-04-14T16:45:00+02:00',
				inviteeStartTime: '2026-04-14T10:00:00-04:00',
				inviteeEndTime: '2026-04-14T10:45:00-04:00',
				inviteeTimeZone: 'America/New_York',
				location: '+33612345678',
				locationType: 'phone',
				createdAt: '2026-04-10T06:12:45.000Z',
				bookedFrom: 'AI_SCHEDULER_BOOKING_MODAL',
				cancelled: false,
				cancelledBy: null,
				cancelReason: null,
				cancelledAt: null,
				rescheduled: false,
				rescheduledBy: null,
				rescheduleReason: null,
				previousStartTime: null,
				rescheduleLink: 'https://app.iclosed.io/reschedule/Qm7xT2pL9aZc',
			},
			eventType: {
				id: 3301,
				name: 'Strategy Call',
				slug: 'strategy-call',
				kind: 'Round Robin',
				durationMinutes: 45,
				url: 'https://app.iclosed.io/e/jane/strategy-call',
			},
			host: { id: 812, name: 'Jane Closer', email: 'jane.closer@example.com', timeZone: 'Europe/Paris' },
			hosts: [
				{ id: 812, name: 'Jane Closer', email: 'jane.closer@example.com', primary: true },
				{ id: null, name: 'Omar Backup', email: 'omar@example.com', primary: false },
			],
			setter: null,
			contact: {
				id: 55012,
				previewId: 'contact_Vw3kR8sN1bQe',
				previewUrl: 'https://app.iclosed.io/contacts?preview=contact_Vw3kR8sN1bQe',
				firstName: 'Léa',
				lastName: 'Martin',
				name: 'Léa Martin',
				email: 'lea.martin@example.com',
				phone: '+33*********',
				timeZone: 'America/New_York',
			},
			questions: [
				{ question: 'What is your monthly revenue?', answer: '$20k-$50k' },
				{ question: 'What do you want to learn?', answer: 'Scaling outbound' },
				{ question: 'How did you hear about us?', answer: 'Podcast' },
			],
			customFields: { 'call.learning-purpose': 'Scaling outbound', 'contact.company-size': '11-50', 'contact.budget': 20000 },
			tracking: { firstTouch: null, lastTouch: { source: 'podcast', medium: 'audio' }, custom: [] },
		});
	});

	it('never reports a position of assigned_to as a host id', () => {
		const item = call(withEvent({ closerId: undefined, closerName: undefined, closerEmail: undefined, closerTimezone: undefined }));
		expect(item.host).toEqual({ id: null, name: 'Jane Closer', email: 'jane.closer@example.com', timeZone: null });
		expect((item.hosts as Array<{ id: unknown }>).map((h) => h.id)).toEqual([null, null]);
	});

	it('reads assigned_to given as a plain string', () => {
		const item = call(withEvent({ assigned_to: 'Jane Closer', extended_assigned_to: undefined, closerEmail: undefined }));
		expect(item.hosts).toEqual([{ id: 812, name: 'Jane Closer', email: null, primary: true }]);
		expect(item.host).toEqual({ id: 812, name: 'Jane Closer', email: null, timeZone: 'Europe/Paris' });
	});

	it('reads assigned_to given as one person object', () => {
		const person = { firstName: 'Jane', lastName: 'Closer', email: 'JANE.CLOSER@example.com' };
		const item = call(withEvent({ assigned_to: person, extended_assigned_to: undefined, closerName: undefined }));
		expect(item.hosts).toEqual([{ id: 812, name: 'Jane Closer', email: 'JANE.CLOSER@example.com', primary: true }]);
		expect(item.host).toEqual({ id: 812, name: 'Jane Closer', email: 'jane.closer@example.com', timeZone: 'Europe/Paris' });
	});

	it('fills the closer from the primary host when iClosed gives only closerId', () => {
		const item = call(withEvent({ closerName: undefined, closerEmail: undefined, closerTimezone: undefined }));
		expect(item.host).toEqual({ id: 812, name: 'Jane Closer', email: 'jane.closer@example.com', timeZone: null });
	});

	it('does not borrow a name from another host when the closer is not among the assigned hosts', () => {
		const item = call(withEvent({ closerId: 900, closerName: undefined, closerEmail: 'someone.else@example.com' }));
		expect(item.host).toEqual({ id: 900, name: null, email: 'someone.else@example.com', timeZone: 'Europe/Paris' });
		expect((item.hosts as Array<{ id: unknown }>).map((h) => h.id)).toEqual([null, null]);
	});

	it('keeps string ids of older deliveries as numbers', () => {
		const payload = withEvent({ uuid: '918273', closerId: '812' });
		const item = call({ ...payload, event_type: { ...(payload.event_type as Payload), uuid: '3301', duration: '45' } });
		expect([(item.call as Payload).id, (item.host as Payload).id, (item.eventType as Payload).id, (item.eventType as Payload).durationMinutes]).toEqual([
			918273, 812, 3301, 45,
		]);
	});

	it('reads a block of empty strings as no setter, and a filled one with its setBy', () => {
		expect(call(currentCallBooked()).setter).toBeNull();
		const setter = { name: 'Sam Setter', firstName: 'Sam', lastName: 'Setter', email: 'sam@example.com', setBy: { firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' } };
		expect(call(withEvent({ setter })).setter).toEqual({ id: null, name: 'Sam Setter', email: 'sam@example.com', setBy: { name: 'Ada Admin', email: 'ada@example.com' } });
		const namedByParts = { firstName: 'Sam', lastName: 'Setter', email: '', setBy: { firstName: '', lastName: '', email: '' } };
		expect(call(withEvent({ setter: namedByParts })).setter).toEqual({ id: null, name: 'Sam Setter', email: null, setBy: null });
		const onlySetBy = { name: ' ', email: '', setBy: { firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com' } };
		expect(call(withEvent({ setter: onlySetBy })).setter).toEqual({ id: null, name: null, email: null, setBy: { name: 'Ada Admin', email: 'ada@example.com' } });
	});

	it('merges the answer list and the numbered record without repeats or iClosed keys', () => {
		const questions = call(currentCallBooked()).questions as Array<{ question: string }>;
		expect(questions.map((q) => q.question)).toEqual(['What is your monthly revenue?', 'What do you want to learn?', 'How did you hear about us?']);
		expect(JSON.stringify(questions)).not.toMatch(/_question|_response|Referrer_Url_Embed/);
	});

	it('reads answers when only one of the two structures arrives', () => {
		const onlyRecord = { ...currentCallBooked(), questions_and_answers: undefined };
		const onlyList = { ...currentCallBooked(), questions_and_responses: undefined };
		expect((call(onlyRecord).questions as unknown[]).length).toBe(3);
		expect(call(onlyList).questions).toEqual([
			{ question: 'What is your monthly revenue?', answer: '$20k-$50k' },
			{ question: 'What do you want to learn?', answer: 'Scaling outbound' },
		]);
	});

	it('takes the booking page URL from Referrer_Url_Embed when there is no eventLink', () => {
		const item = call(withEvent({ eventLink: undefined }));
		expect((item.eventType as Payload).url).toBe('https://app.iclosed.io/e/jane/strategy-call?utm_source=podcast');
	});

	it('passes a masked phone number through unchanged', () => {
		expect((call(currentCallBooked()).contact as Payload).phone).toBe('+33*********');
	});

	it('gives every call event an empty customFields object when iClosed sends none', () => {
		expect(call({ ...currentCallBooked(), contactFields: undefined }).customFields).toEqual({});
		expect(simplifyEvent('call.cancelled', { ...currentCallBooked(), hookType: 'Call cancelled' }, AT).customFields).toEqual(expect.objectContaining({ 'contact.budget': 20000 }));
	});
});

describe('Simplify of current contact deliveries (§3.5)', () => {
	it('turns a contact created into the documented item, field by field', () => {
		expect(simplifyEvent('contact.created', currentContactCreated(), AT)).toEqual({
			event: 'contact.created',
			receivedAt: AT,
			contact: {
				id: 55012,
				previewId: 'contact_Vw3kR8sN1bQe',
				previewUrl: 'https://app.iclosed.io/contacts?preview=contact_Vw3kR8sN1bQe',
				firstName: 'Léa',
				lastName: 'Martin',
				name: 'Léa Martin',
				email: 'lea.martin@example.com',
				phone: '+33*********',
				secondaryEmail: null,
				secondaryPhone: null,
				status: 'POTENTIAL_1',
				timeZone: 'Europe/Paris',
				country: 'FR',
				ownerId: 812,
				joinedAt: '2026-04-10T06:12:40.000Z',
				createdAt: '2026-04-10T06:12:40.000Z',
				updatedAt: '2026-04-10T06:12:41.000Z',
				updatedFields: [],
				disqualifiedBy: null,
			},
			bookingPage: {
				id: 3301,
				name: 'Strategy Call',
				linkPrefix: 'jane/strategy-call',
				callType: 'STRATEGY_EVENT',
				url: 'https://app.iclosed.io/e/jane/strategy-call',
			},
			latestCall: null,
			questions: [
				{ question: 'Full Name', answer: 'Léa Martin' },
				{ question: 'What do you want to learn?', answer: 'Scaling outbound' },
			],
			customFields: { 'call.learning-purpose': 'Scaling outbound', 'contact.company-size': '11-50' },
			tracking: { firstTouch: { source: 'podcast' }, lastTouch: { source: 'podcast' }, custom: [] },
		});
	});

	it('finds the booking page URL inside the answers, and keeps it out of them', () => {
		const payload = { ...currentContactCreated(), Referrer_Url_Embed: undefined, event: null };
		const item = simplifyEvent('contact.updated', payload, AT);
		expect(item.bookingPage).toEqual({ id: null, name: null, linkPrefix: null, callType: null, url: 'https://app.iclosed.io/e/jane/strategy-call' });
		expect(JSON.stringify(item.questions)).not.toContain('Referrer_Url_Embed');
	});
});

describe('Simplify of outcome deliveries', () => {
	it('reads a current outcome with numeric ids and a masked phone', () => {
		const item = simplifyEvent('call.outcome_added', currentOutcome(), AT);
		expect(item.outcome).toEqual({
			result: 'NO_SALE',
			noSaleReason: 'Needs to think',
			objection: 'TIMING',
			notes: 'Follow up next week',
			dealValue: null,
			product: null,
			deal: null,
			transactions: [],
		});
		expect(item.call).toEqual({
			id: 918273,
			startTime: '2026-04-14T14:00:00.000Z',
			durationMinutes: 45,
			eventType: { id: 3301, name: 'Strategy Call' },
			host: { id: 812, email: 'jane.closer@example.com' },
		});
		expect(item.contact).toEqual({ id: 55012, firstName: 'Léa', lastName: 'Martin', name: 'Léa Martin', email: 'lea.martin@example.com', phone: '+33*********' });
		expect(item.customFields).toEqual({});
	});
});

describe('custom fields', () => {
	it('strips {{…}} from identifiers, keeps values as sent, and the first answer wins', () => {
		expect(customFieldsOf({ '{{ a.b }}': 'x', 'a.b': 'y', ' c ': ['1', '2'], '': 'no', '{{}}': 'no', d: null })).toEqual({ 'a.b': 'x', c: ['1', '2'], d: null });
	});

	it('reads rows with an identifier and a value', () => {
		expect(customFieldsOf([{ identifier: '{{call.goal}}', value: 'Grow' }, { key: 'k', answer: 3 }, 'junk', { value: 'no id' }])).toEqual({ 'call.goal': 'Grow', k: 3 });
	});

	it('keeps identifiers that name Object properties as plain keys', () => {
		const fields = customFieldsOf(JSON.parse('{"__proto__": "p", "constructor": "c"}'));
		expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
		expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
	});

	it.each([[null], [undefined], ['text'], [42]])('reads %j as no custom fields', (value) => {
		expect(customFieldsOf(value)).toEqual({});
	});
});

describe('Simplify of what the fake iClosed delivers (written from §3.5, apart from the node)', () => {
	it('names the closer of every seeded call as host, by user id, and each answer once', async () => {
		const fake = await startFakeIClosed({ seed: 'demo' });
		try {
			for (const seeded of fake.state.calls) {
				const closer = fake.state.users.find((u) => u.id === seeded.userId);
				const item = simplifyEvent('call.booked', buildEventPayload(fake.state, 'call.booked', { callId: seeded.id }) as IDataObject, AT);
				expect(item.host).toEqual(expect.objectContaining({ id: seeded.userId, email: closer?.email }));
				const questions = (item.questions as Array<{ question: string }>).map((q) => q.question);
				expect(new Set(questions).size).toBe(questions.length);
				expect(item.setter === null || typeof (item.setter as IDataObject).name === 'string').toBe(true);
			}
		} finally {
			await fake.close();
		}
	});
});
