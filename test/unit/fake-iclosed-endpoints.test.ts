/* eslint-disable @typescript-eslint/no-explicit-any -- walks arbitrary JSON answers */
import { startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';

/** Every §2 endpoint answers a valid request from the demo account with its documented envelope. */
describe('fake iClosed: the 38 REST endpoints on the demo seed', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed({ seed: 'demo' });
	});
	afterEach(() => fake.close());

	it('answers each one with 2xx and the envelope of the reference', async () => {
		const s = fake.state;
		const contact = s.contacts[0];
		const upcoming = s.calls.filter(
			(c) => Date.parse(c.startUtc) > Date.now() && c.status !== 'CANCELLED',
		);
		const [toCancel, toMove, toFree] = upcoming;
		const stage = s.fieldByIdentifier('contact_stage')!;
		const company = s.fieldByIdentifier('company')!;
		const revenue = s.fieldByIdentifier('monthly_revenue')!;
		const strategy = s.eventByLinkPrefix('acme/strategy-call')!;
		const slotsBody = (
			await callFake(fake, 'POST', '/v1/events/eventDates', {
				body: { linkPrefix: strategy.linkPrefix, timeZone: 'UTC' },
			})
		).body;
		const [day, times] = Object.entries(
			slotsBody.data.availabilities as Record<string, string[]>,
		)[0];
		const free = `${day}T${times[times.length - 1]}:00.000Z`;
		const discoveryCall = s.calls.find((c) => s.event(c.eventId)?.eventType === 'DISCOVERY_EVENT')!;

		type Case = [
			string,
			string,
			{ query?: Record<string, string | number>; body?: unknown },
			(b: any) => unknown,
		];
		const cases: Case[] = [
			['GET', '/v1/contacts', { query: { statuses: 'POTENTIAL' } }, (b) => b.data.contacts],
			[
				'GET',
				'/v1/contacts/detail',
				{ query: { contactId: contact.id, includeUtms: 'true' } },
				(b) => b.data.CustomFieldAnswer,
			],
			[
				'POST',
				'/v1/contacts',
				{
					body: {
						email: 'new.lead@example.com',
						firstName: 'New',
						linkPrefix: 'acme/strategy-call',
						utm: 'utm_source=google&utm_medium=cpc',
					},
				},
				(b) => b.data.contact.id,
			],
			[
				'PUT',
				'/v1/contacts',
				{ body: { id: contact.id, status: 'QUALIFIED', secondary_email: 'alt@example.com' } },
				(b) => b.data.contact.status === 'QUALIFIED' || undefined,
			],
			['GET', '/v1/contacts/notes', { query: { contactId: contact.id } }, (b) => b.count],
			[
				'POST',
				'/v1/contacts/notes',
				{ body: { contactId: contact.id, note: 'Called back<br>Interested' } },
				(b) => b.message,
			],
			['GET', '/v1/contacts/journey', { query: { contactId: contact.id } }, (b) => b.data.journey],
			[
				'GET',
				'/v1/eventCalls',
				{
					query: {
						eventType: 'UPCOMING',
						types: 'scheduled_events,rescheduled_events',
						orderColumn: 'dateTime',
						orderBy: 'asc',
					},
				},
				(b) => b.data.eventCalls,
			],
			[
				'POST',
				'/v1/eventCalls',
				{
					body: {
						dateTime: free,
						timeZone: 'Europe/Paris',
						email: 'booker@example.com',
						linkPrefix: strategy.linkPrefix,
						secondaryQuestionsAnswer: [{ identifier: 'monthly_revenue', answer: ['$50k-$250k'] }],
					},
				},
				(b) => b.data.eventCall.data.id,
			],
			[
				'PUT',
				'/v1/eventCalls/reschedule',
				{
					body: {
						id: toMove.id,
						dateTime: toMove.startUtc,
						timeZone: 'UTC',
						rescheduleReason: 'Same time, new notes',
					},
				},
				(b) => b.data.eventCall.id,
			],
			[
				'PUT',
				'/v1/eventCalls/cancel',
				{ body: { id: toCancel.id, cancelReason: 'No longer needed' } },
				(b) => b.data.eventCall.message,
			],
			[
				'PUT',
				'/v1/eventCalls/markSlotFree',
				{ body: { id: toFree.id, isSlotFree: true } },
				(b) => b.success,
			],
			[
				'POST',
				'/v1/outcomes',
				{ body: { eventCallId: discoveryCall.id, outcome: 'REJECTED', noSaleReason: 'BAD_FIT' } },
				(b) => b.data.id,
			],
			['GET', '/v1/events', { query: { eventType: 'STRATEGY_EVENT' } }, (b) => b.data],
			[
				'GET',
				'/v1/events/detail',
				{ query: { linkPrefix: 'acme/discovery-call' } },
				(b) => b.data.optimizationPriorities[0].user.activeAvailability,
			],
			[
				'POST',
				'/v1/events/eventDates',
				{ body: { linkPrefix: 'acme/discovery-call', timeZone: 'America/Los_Angeles' } },
				(b) => b.data.availabilities,
			],
			[
				'PUT',
				'/v1/events/status',
				{ body: { id: s.eventByLinkPrefix('acme/enterprise-demo')!.id, status: 'DEACTIVATED' } },
				(b) => b.message,
			],
			[
				'GET',
				'/v1/events/troubleshootSlots',
				{ query: { linkPrefix: strategy.linkPrefix, date: day, timezone: 'UTC' } },
				(b) => b.data.slots,
			],
			['GET', '/v1/deals', { query: { transactionType: 'WON' } }, (b) => b.data.deals],
			[
				'POST',
				'/v1/deals',
				{
					body: {
						eventCallId: s.calls[1].id,
						productName: 'Strategy Session',
						value: 250,
						time: '2026-01-01T10:00:00Z',
					},
				},
				(b) => b.data.deal.id,
			],
			[
				'PUT',
				'/v1/deals',
				{ body: { id: s.deals[0].id, value: 5200, closerId: s.users[1].id } },
				(b) => b.data.deal.value === 5200 || undefined,
			],
			['GET', '/v1/products', { query: { search: 'growth' } }, (b) => b.data.products],
			[
				'POST',
				'/v1/products',
				{ body: { name: 'VIP Day', description: 'One day on site' } },
				(b) => b.data.product.id,
			],
			[
				'PUT',
				'/v1/products',
				{ body: { productId: s.products[0].id, name: 'Growth Coaching 2.0' } },
				(b) => b.data.product.name,
			],
			['GET', '/v1/transactions', { query: { synced: 'true', source: 'Stripe' } }, (b) => b.data],
			[
				'POST',
				'/v1/transactions',
				{ body: { value: 99, email: 'payer@example.com', source: 'STRIPE' } },
				(b) => b.data.id,
			],
			[
				'PUT',
				'/v1/transactions',
				{ body: { id: s.transactions[4].id, description: 'Refund pending' } },
				(b) => b.data.id,
			],
			['DELETE', '/v1/transactions', { query: { id: s.transactions[3].id } }, (b) => b.message],
			[
				'GET',
				'/v1/fields/objects',
				{ query: { objectType: 'CONTACT', showSystemFields: 'true' } },
				(b) => b.data,
			],
			['GET', '/v1/fields/objects/all', {}, (b) => b.data.CONTACT],
			['GET', '/v1/fields/contact-stage', {}, (b) => b.CustomFieldOptions],
			[
				'POST',
				'/v1/fields',
				{ body: { name: 'Budget', inputType: 'NUMBER', type: 'CONTACT' } },
				(b) => b.data.id,
			],
			[
				'PUT',
				'/v1/fields',
				{
					body: { id: stage.id, options: [{ name: 'Potential' }, { name: 'Won', color: 'green' }] },
				},
				(b) => b.data.CustomFieldOptions,
			],
			[
				'POST',
				'/v1/fields/answer',
				{ body: { identifier: company.identifier, answer: ['Acme Inc'], contactId: contact.id } },
				(b) => b.CustomFieldAnswer,
			],
			[
				'POST',
				'/v1/fields/answer/bulk',
				{
					body: {
						contactIds: [contact.id, s.contacts[1].id],
						customFieldId: company.id,
						answer: ['Globex'],
					},
				},
				(b) => b.message,
			],
			[
				'POST',
				'/v1/fields/inviteeAnswers',
				{
					body: {
						linkPrefix: strategy.linkPrefix,
						inviteeQuestionAnswers: [{ type: 'EMAIL', answer: 'form@example.com' }],
						secondaryQuestionsAnswer: [{ customFieldId: revenue.id, answer: ['Over $250k'] }],
					},
				},
				(b) => b.data.conditionalUsers,
			],
			['GET', '/v1/users', { query: { search: 'ava' } }, (b) => b.data.users],
			['GET', '/v1/userAvailabilities', { query: { userId: s.users[0].id } }, (b) => b.data],
		];
		expect(cases).toHaveLength(38);
		for (const [method, path, opts, pick] of cases) {
			const r = await callFake(fake, method, path, opts);
			expect({
				method,
				path,
				status: r.status,
				ok: r.status >= 200 && r.status < 300,
				picked: pick(r.body) !== undefined,
			}).toEqual({
				method,
				path,
				status: r.status,
				ok: true,
				picked: true,
			});
		}
		expect(fake.requests.every((r) => r.status < 500)).toBe(true);
	});
});
