import type { IDataObject } from 'n8n-workflow';

import { buildEventPayload, startFakeIClosed } from '../../fake-iclosed';
import { callPayloadSchema } from '../../../nodes/IClosedTrigger/schemas/call';
import { contactPayloadSchema } from '../../../nodes/IClosedTrigger/schemas/contact';
import { outcomePayloadSchema } from '../../../nodes/IClosedTrigger/schemas/outcome';
import { simplifyEvent } from '../../../nodes/IClosedTrigger/simplify';
import { questionsFromList, questionsFromRecord } from '../../../nodes/shared/events/questions';
import { toUtcIso } from '../../../nodes/shared/events/time';
import { simplifyTracking } from '../../../nodes/shared/events/tracking';
import { ALL_EVENTS } from './support/receiving';
import { VENDOR_SAMPLES, callBooked, callCancelled, callRescheduled, contactUpdated, outcomeAdded } from './fixtures/vendorSamples';

const AT = '2026-01-01T00:00:00.000Z';

describe('payload schemas', () => {
	const schemaFor = { 'call.booked': callPayloadSchema, 'call.cancelled': callPayloadSchema, 'call.rescheduled': callPayloadSchema, 'contact.updated': contactPayloadSchema, 'call.outcome_added': outcomePayloadSchema };

	it.each(Object.entries(VENDOR_SAMPLES))('parse the vendor sample for %s and keep unknown fields', (event, sample) => {
		const parsed = schemaFor[event as keyof typeof schemaFor].safeParse(sample[0]);
		expect(parsed.success).toBe(true);
		expect(parsed.data).toEqual(expect.objectContaining({ hookType: sample[0].hookType }));
		if (event.startsWith('call.') && event !== 'call.outcome_added') {
			expect((parsed.data as { event: Record<string, unknown> }).event.start_time_pretty).toBe('06:00pm - Wednesday, February 15, 2023');
		}
	});

	it('never drop an event for a field of the wrong type or a missing one', () => {
		const broken = { event_type: 5, event: 'oops', invitee: { email: 42, canceled: 'maybe' }, questions_and_answers: 'x', hookType: 'Call booked' };
		expect(callPayloadSchema.safeParse(broken).success).toBe(true);
		const item = simplifyEvent('call.booked', broken, AT);
		expect(item).toMatchObject({ event: 'call.booked', call: { id: null, startTime: null, cancelled: false }, contact: { email: '42' }, questions: [] });
		expect(simplifyEvent('contact.updated', {}, AT)).toMatchObject({ event: 'contact.updated', contact: { id: null }, questions: [], tracking: null });
		expect(simplifyEvent('call.outcome_added', { dealValue: 'lots' }, AT)).toMatchObject({ outcome: { dealValue: null } });
	});

	it('parse what the fake server delivers for every event', async () => {
		const fake = await startFakeIClosed({ seed: 'demo' });
		try {
			for (const event of ALL_EVENTS) {
				const item = simplifyEvent(event, buildEventPayload(fake.state, event) as IDataObject, AT);
				expect(item.event).toBe(event);
			}
		} finally {
			await fake.close();
		}
	});
});

describe('Simplify', () => {
	it('turns a booked call into one clean item', () => {
		expect(simplifyEvent('call.booked', callBooked[0], AT)).toEqual({
			event: 'call.booked',
			receivedAt: AT,
			call: {
				id: 45526,
				callPreviewId: null,
				callType: 'STRATEGY_EVENT',
				startTime: '2023-02-15T15:00:00.000Z',
				endTime: '2023-02-15T15:00:00.000Z',
				hostStartTime: '2023-02-15T18:00:00+01:00',
				hostEndTime: '2023-02-15T18:30:00+01:00',
				inviteeStartTime: '2023-02-15T18:00:00+01:00',
				inviteeEndTime: '2023-02-15T18:30:00+01:00',
				inviteeTimeZone: 'Asia/Karachi',
				location: 'https://app.iclosed.io/e/event-name',
				locationType: null,
				createdAt: '2023-02-14T21:11:30.000Z',
				bookedFrom: null,
				cancelled: false,
				cancelledBy: null,
				cancelReason: null,
				cancelledAt: null,
				rescheduled: false,
				rescheduledBy: null,
				rescheduleReason: null,
				previousStartTime: null,
				rescheduleLink: null,
			},
			eventType: { id: 123, name: 'Event Name', slug: 'event-name', kind: 'Round Robin', durationMinutes: 15, url: null },
			// "1" in assigned_to is a position, not a user id, and this sample names no closer.
			host: { id: null, name: 'Example Name', email: 'email@example.com', timeZone: null },
			hosts: [{ id: null, name: 'Example Name', email: 'email@example.com', primary: true }],
			setter: { id: null, name: 'Setter Name', email: 'setter@example.com', setBy: null },
			contact: {
				id: 5,
				previewId: 'contact_-d9DGyd9xHK_',
				previewUrl: 'https://app.iclosed.io/contacts?preview=contact_-d9DGyd9xHK_',
				firstName: 'Raya',
				lastName: 'Fleming',
				name: 'Raya Fleming',
				email: 'zogiji@example.com',
				phone: '+1234567890',
				timeZone: 'Asia/Karachi',
			},
			questions: [{ question: 'What is your budget?', answer: '$10k+' }],
			customFields: {},
			tracking: { firstTouch: null, lastTouch: { source: 'google', medium: 'cpc', campaign: 'spring' }, custom: [] },
		});
	});

	it('keeps callPreviewId when iClosed sends it, null otherwise', () => {
		const payload = { ...callBooked[0], event: { ...callBooked[0].event, callPreviewId: 'call_abc' } };
		expect((simplifyEvent('call.booked', payload, AT).call as Record<string, unknown>).callPreviewId).toBe('call_abc');
		expect(simplifyEvent('call.booked', callBooked[0], AT).call).toHaveProperty('callPreviewId', null);
	});

	it('says who cancelled a call, when and why', () => {
		expect(simplifyEvent('call.cancelled', callCancelled[0], AT).call).toMatchObject({
			cancelled: true,
			cancelledBy: 'Canceller Name',
			cancelReason: null,
			cancelledAt: '2025-07-31T19:51:39.900Z',
			rescheduled: false,
		});
	});

	it('gives a rescheduled call its previous start and the reason', () => {
		expect(simplifyEvent('call.rescheduled', callRescheduled[0], AT).call).toMatchObject({
			rescheduled: true,
			rescheduleReason: 'Conflict at work',
			previousStartTime: '2023-02-15T11:00:00.000Z',
			cancelled: false,
		});
	});

	it('turns a contact update into the contact, its booking page, latest call, answers and UTMs', () => {
		const item = simplifyEvent('contact.updated', contactUpdated[0], AT);
		expect(item.contact).toMatchObject({ id: 5, name: 'Raya Fleming', status: 'QUALIFIED', joinedAt: '2025-05-09T15:28:40.783Z', phone: null, updatedFields: [] });
		expect(item.bookingPage).toEqual({ id: 2, name: 'Event Name', linkPrefix: 'example/event-name', callType: 'STRATEGY_EVENT', url: null });
		expect(item.latestCall).toEqual({ id: null, startTime: '2025-05-12T14:00:00.000Z', durationMinutes: 30, host: { id: null, name: 'Example Name', email: null } });
		expect(item.questions).toEqual([
			{ question: 'Phone Number', answer: '+1234567890' },
			{ question: 'Email Address', answer: 'zogiji@example.com' },
			{ question: 'Full Name', answer: 'Raya Fleming' },
			{ question: 'Additional Information Question 1', answer: 'Additional Information Response 1' },
			{ question: 'Additional Information Question 2', answer: 'Additional Information Response 2' },
			{ question: 'Additional Information Question 3', answer: 'Additional Information Response 3' },
			{ question: 'Additional Information Question 4', answer: 'Additional Information Response 4' },
		]);
		expect(item.tracking).toEqual({
			firstTouch: { source: 'google', medium: 'cpc', campaign: 'spring' },
			lastTouch: { source: 'facebook', medium: 'paid', campaign: 'retargeting' },
			custom: [{ key: 'partner', value: 'acme' }],
		});
	});

	it('turns an outcome into the result, reason, objection, deal value and product', () => {
		expect(simplifyEvent('call.outcome_added', outcomeAdded[0], AT)).toEqual({
			event: 'call.outcome_added',
			receivedAt: AT,
			outcome: {
				result: 'SALE',
				noSaleReason: null,
				objection: null,
				notes: 'Great call, client was very interested',
				dealValue: 5000,
				product: 'Premium Package',
				deal: { type: 'SALE', value: 5000, createdAt: '2024-03-20T10:30:00.000Z' },
				transactions: [],
			},
			call: {
				id: 123,
				startTime: '2024-03-20T10:00:00.000Z',
				durationMinutes: 30,
				eventType: { id: 789, name: 'Strategy Call' },
				host: { id: 456, email: 'closer@example.com' },
			},
			contact: { id: 101, firstName: 'John', lastName: 'Doe', name: 'John Doe', email: 'contact@example.com', phone: '+1234567890' },
			customFields: {},
		});
	});

	it('passes an event without a documented payload through with its dotted name', () => {
		const payload = { id: 9, value: 1200, hookType: 'Deal created' };
		expect(simplifyEvent('deal.created', payload, AT)).toEqual({ id: 9, value: 1200, event: 'deal.created', receivedAt: AT });
	});
});

describe('time normalisation', () => {
	it.each([
		['a "UTC" time that carries an offset', '2023-02-15T16:00:00+01:00', '2023-02-15T15:00:00.000Z'],
		['a Z time', '2024-03-20T10:00:00Z', '2024-03-20T10:00:00.000Z'],
		['a negative offset', '2023-02-15T10:00:00-05:00', '2023-02-15T15:00:00.000Z'],
		['a time without offset (taken as UTC)', '2026-04-18 10:00:00.000', '2026-04-18T10:00:00.000Z'],
	])('converts %s to UTC', (_name, input, expected) => {
		expect(toUtcIso(input)).toBe(expected);
	});

	it.each([[''], ['soon'], [null], [42]])('reads %j as no time', (input) => {
		expect(toUtcIso(input)).toBeNull();
	});
});

describe('questions and tracking', () => {
	it('reads numbered pairs in number order, then labels not asked as numbers', () => {
		expect(questionsFromRecord({ '10_question': 'Ten', '10_response': 'x', '2_question': 'Two', '2_response': ['a', 'b'], Two: 'a, b', Extra: 'y' })).toEqual([
			{ question: 'Two', answer: 'a, b' },
			{ question: 'Ten', answer: 'x' },
			{ question: 'Extra', answer: 'y' },
		]);
	});

	it('reads {statement, answer} rows and nested answers', () => {
		expect(questionsFromList([{ statement: 'Situation?', answer: [{ inputType: 'SINGLE_SELECT', answer: 'Employed' }] }, { nope: 1 }, 'x'])).toEqual([
			{ question: 'Situation?', answer: 'Employed' },
		]);
	});

	it('keeps click ids and custom keys as custom pairs', () => {
		expect(simplifyTracking({ utm_source: 'google', gclid: 'abc', utmKey_1: 'utm_source', utmValue_1: 'google', utmKey_2: 'ref', utmValue_2: 'newsletter' })).toEqual({
			firstTouch: null,
			lastTouch: { source: 'google' },
			custom: [
				{ key: 'gclid', value: 'abc' },
				{ key: 'ref', value: 'newsletter' },
			],
		});
		expect(simplifyTracking({})).toBeNull();
	});
});
