import type { IDataObject } from 'n8n-workflow';

import { IClosedPollingTrigger } from '../../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node';
import { IClosedTrigger } from '../../../nodes/IClosedTrigger/IClosedTrigger.node';
import { simplifyEvent } from '../../../nodes/IClosedTrigger/simplify';
import type { FakeIClosed } from '../../fake-iclosed';
import { buildCallPayload, buildContactPayload, buildOutcomePayload } from '../../fake-iclosed';
import { CallActions, pollingWorkflow, startFake, updateContact } from './support';

/** The same items as the webhook trigger, Simplify off, and Fetch Test Event. */
describe('iClosed Polling Trigger: items', () => {
	let fake: FakeIClosed;
	let calls: CallActions;
	beforeEach(async () => {
		fake = await startFake();
		calls = new CallActions(fake);
	});
	afterEach(() => fake.close());

	/**
	 * The key paths of an item two levels deep (`.call.startTime`), arrays by their first element: the
	 * fixed shape downstream nodes read. Deeper levels may be maps keyed by the account's own names.
	 */
	function shape(value: unknown, prefix = '', depth = 2): string[] {
		if (Array.isArray(value)) return value.length > 0 ? shape(value[0], `${prefix}[]`, depth) : [`${prefix}[]`];
		if (typeof value !== 'object' || value === null || depth === 0) return [prefix];
		return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...shape(v, `${prefix}.${k}`, depth - 1)]);
	}
	const keysOf = (item: IDataObject) => Object.keys(item).filter((k) => k !== 'rest').sort();

	it('gives call, outcome and contact items the webhook trigger’s Simplify shape, delivery-only fields null', async () => {
		const wf = pollingWorkflow(fake, { events: ['call.booked', 'call.outcome_added', 'contact.updated'] });
		await wf.activate();
		fake.clock.advance(60_000);
		const id = await calls.book('shape@example.com');
		fake.clock.advance(1_000);
		await calls.outcome(id, 'WON');
		const call = fake.state.call(id)!;
		await updateContact(fake, call.contactId, { firstName: 'Shaped' });
		const items = (await wf.poll()).items;
		const byEvent = Object.fromEntries(items.map((i) => [i.event as string, i]));
		const webhook = {
			'call.booked': simplifyEvent('call.booked', buildCallPayload(fake.state, call, 'booked', 'Call booked') as IDataObject, 'now'),
			'call.outcome_added': simplifyEvent('call.outcome_added', buildOutcomePayload(fake.state, call, 'Outcome added') as IDataObject, 'now'),
			'contact.updated': simplifyEvent('contact.updated', buildContactPayload(fake.state, fake.state.contact(call.contactId)!, 'updated', 'Contact updated') as IDataObject, 'now'),
		};
		for (const [event, expected] of Object.entries(webhook)) {
			const polled = byEvent[event];
			expect(keysOf(polled)).toEqual(keysOf(expected));
			// Every nested field the webhook item has exists in the polled item (null where only a delivery has it).
			// `call.callPreviewId` is a key the webhook Simplify adds only when a delivery carries it; a part
			// only deliveries carry (a contact's latestCall) is null as a whole.
			const nulls = shape(polled).filter((path) => path !== '' && path.split('.').slice(1).reduce<unknown>((o, k) => (o as IDataObject)?.[k], polled) === null);
			const missing = shape(expected).filter(
				(path) => !path.includes('[]') && !path.includes('callPreviewId') && !shape(polled).includes(path) && !nulls.some((n) => path.startsWith(`${n}.`)),
			);
			expect({ event, missing }).toEqual({ event, missing: [] });
		}
		expect(byEvent['call.booked']).toMatchObject({
			call: { id, callType: 'STRATEGY_EVENT', startTime: call.startUtc.replace('Z', '').slice(0, 19) + '.000Z', cancelled: false },
			contact: { id: call.contactId, email: 'shape@example.com' },
			host: { id: call.userId },
			rest: { deals: [], updatedAt: expect.any(String) },
		});
		expect(byEvent['call.outcome_added']).toMatchObject({ outcome: { result: 'WON' }, call: { id } });
		expect(byEvent['contact.updated']).toMatchObject({ contact: { firstName: 'Shaped' }, latestCall: null, bookingPage: { id: calls.eventId, name: null } });
	});

	it('offers the webhook trigger’s events (same values) and its very Filters', () => {
		const polling = new IClosedPollingTrigger().description.properties;
		const webhook = new IClosedTrigger().description.properties;
		const values = (props: typeof polling, name: string) => (props.find((p) => p.name === name)?.options ?? []).map((o) => ('value' in o ? o.value : o.name));
		expect(values(webhook, 'events')).toEqual(expect.arrayContaining(values(polling, 'events')));
		expect(polling.find((p) => p.name === 'filters')?.options).toBe(webhook.find((p) => p.name === 'filters')?.options);
	});

	it('with Simplify off returns the REST record plus event', async () => {
		const wf = pollingWorkflow(fake, { events: ['call.booked'], simplify: false });
		await wf.activate();
		fake.clock.advance(60_000);
		const id = await calls.book('raw@example.com');
		const [item] = (await wf.poll()).items;
		expect(item).toMatchObject({ event: 'call.booked', id, callId: id, inviteeEmail: 'raw@example.com', dateTimeUTC: expect.any(String) });
	});

	it('applies booking page link prefixes and outcomes after reading when iClosed cannot', async () => {
		const wf = pollingWorkflow(fake, { events: ['call.booked'], filters: { bookingPages: ['seeded/other'] } });
		await wf.activate();
		fake.clock.advance(60_000);
		await calls.book('filtered@example.com');
		expect((await wf.poll()).items).toEqual([]);
		const matching = pollingWorkflow(fake, { events: ['call.booked'], filters: { bookingPages: ['seeded/call'] } });
		await matching.activate();
		fake.clock.advance(60_000);
		const id = await calls.book('kept@example.com');
		expect((await matching.poll()).items.map((i) => (i.call as IDataObject).id)).toEqual([id]);
	});
});

describe('iClosed Polling Trigger: Fetch Test Event', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFake();
	});
	afterEach(() => fake.close());

	it('returns the newest matching record, without touching the cursor', async () => {
		fake.state.addContact({ email: 'older@example.com' });
		fake.clock.advance(1_000);
		const newest = fake.state.addContact({ email: 'newest@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.created'] });
		const { items, error } = await wf.fetchTestEvent();
		expect(error).toBeUndefined();
		expect(items).toEqual([expect.objectContaining({ event: 'contact.created', contact: expect.objectContaining({ id: newest.id }) })]);
		expect(wf.memory()).toEqual({});
	});

	it('says "nothing matching yet" naming the event when there is none', async () => {
		fake.state.addContact({ email: 'potential@example.com' });
		const wf = pollingWorkflow(fake, { events: ['contact.status_changed'], statuses: ['DISQUALIFIED'] });
		const { error } = await wf.fetchTestEvent();
		expect(error?.message).toBe('Nothing matching yet in iClosed for contact.status_changed');
		expect(error?.constructor.name).toBe('NodeOperationError');
	});

	it('refuses a node with no event it knows, or a Start From that is not a date, before calling iClosed', async () => {
		for (const events of [[], ['call.completed']]) {
			await expect(pollingWorkflow(fake, { events }).activate()).rejects.toThrow('Choose at least one event');
		}
		const badDate = pollingWorkflow(fake, { events: ['call.booked'], options: { startFrom: 'next tuesday-ish' } });
		await expect(badDate.activate()).rejects.toThrow('Start From is not a date: next tuesday-ish');
		expect(fake.requests).toEqual([]);
	});
});
