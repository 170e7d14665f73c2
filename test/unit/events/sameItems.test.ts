import type { IDataObject } from 'n8n-workflow';

import { simplifyEvent } from '../../../nodes/IClosedTrigger/simplify';
import { POLL_EVENTS, POLL_SOURCES } from '../../../nodes/IClosedPollingTrigger/sources';
import { recordItem } from '../../../nodes/IClosedPollingTrigger/toItem';
import { familyOf } from '../../../nodes/shared/events/eventList';
import { outcomeCode } from '../../../nodes/shared/events/filters';
import { NOT_IN_DELIVERIES, NOT_IN_RECORDS } from '../../../nodes/shared/events/items';
import {
	BOOKED,
	CANCELLED,
	CONTACT,
	NO_SALE,
	RESCHEDULED,
	WON,
	callRecord,
	contactRecord,
	documentedCallDelivery,
	documentedContactDelivery,
	outcomeDelivery,
	outcomeRecord,
	productionCallDelivery,
	productionContactDelivery,
} from './sameFacts';

/**
 * The contract between the two triggers: for every event both of them emit, the same iClosed facts give
 * the same item, whether they arrive as a delivery (iClosed's documented shape, or the shape current
 * accounts send) or as the REST record the polling trigger reads. A field one source cannot know is
 * null (or empty) in its item and listed: NOT_IN_RECORDS and NOT_IN_DELIVERIES in the event model
 * (shared/events/items.ts), and below what iClosed's documented examples lack that current deliveries
 * carry. Every other field is equal.
 */
const AT = '2026-04-14T14:00:02.000Z';

/** What the documented examples do not carry (they predate the closer fields, links and custom fields, §3.5). */
const NOT_IN_DOCUMENTED_DELIVERIES: Record<string, string[]> = {
	call: [
		'call.callPreviewId',
		'call.locationType',
		'call.bookedFrom',
		'call.rescheduledBy',
		'call.rescheduleLink',
		'eventType.url',
		'host.id',
		'host.timeZone',
		'hosts.0.id',
		'customFields',
	],
	contact: ['contact.previewUrl', 'bookingPage.url', 'customFields'],
	outcome: [],
};

/** A leaf per path (`hosts.0.id`); empty lists and maps and nulls are leaves. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
	if (Array.isArray(value) && value.length > 0) value.forEach((v, i) => leaves(v, path ? `${path}.${i}` : String(i), out));
	else if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
		for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
	} else out.set(path, value);
	return out;
}

const isEmpty = (value: unknown) =>
	value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value as object).length === 0);

const listed = (path: string, list: string[]) => list.some((l) => path === l || path.startsWith(`${l}.`));

/** iClosed spells one outcome two ways: deliveries say SALE where the REST API says WON (§6.20). */
const SPELLED_BY_SOURCE = ['outcome.result', 'outcome.deal.type'];

/** Every way the two items disagree beyond what the lists allow; [] when they tell the same facts. */
function disagreements(fromDelivery: IDataObject, fromRecord: IDataObject, notInDelivery: string[], notInRecord: string[]): string[] {
	const delivery = leaves(fromDelivery);
	const record = leaves(fromRecord);
	const problems: string[] = [];
	for (const path of new Set([...delivery.keys(), ...record.keys()])) {
		const d = delivery.get(path);
		const r = record.get(path);
		if (listed(path, notInRecord) || listed(path, notInDelivery)) {
			if (listed(path, notInRecord) && !isEmpty(r)) problems.push(`${path}: listed as not in records, yet ${JSON.stringify(r)}`);
			if (listed(path, notInDelivery) && !isEmpty(d)) problems.push(`${path}: listed as not in deliveries, yet ${JSON.stringify(d)}`);
			continue;
		}
		const same = SPELLED_BY_SOURCE.includes(path) && typeof d === 'string' && typeof r === 'string' ? outcomeCode(d) === outcomeCode(r) : JSON.stringify(d) === JSON.stringify(r);
		if (!same) problems.push(`${path}: delivery ${JSON.stringify(d)}, record ${JSON.stringify(r)}`);
	}
	return problems;
}

interface Case {
	name: string;
	delivery: IDataObject;
	record: IDataObject;
	documented: boolean;
}

function casesFor(event: string): Case[] {
	const hookType = `${event} delivery`;
	const call = (facts: typeof BOOKED) => [
		{ name: 'documented delivery', delivery: documentedCallDelivery(facts, hookType), record: callRecord(facts), documented: true },
		{ name: 'current delivery', delivery: productionCallDelivery(facts, hookType), record: callRecord(facts), documented: false },
	];
	switch (event) {
		case 'call.booked':
			return call(BOOKED);
		case 'call.cancelled':
			return call(CANCELLED);
		case 'call.rescheduled':
			return call(RESCHEDULED);
		case 'call.outcome_added':
			return [WON, NO_SALE].map((o) => ({ name: `${o.result} outcome`, delivery: outcomeDelivery(o, hookType), record: outcomeRecord(o), documented: false }));
		case 'contact.created':
		case 'contact.updated':
		case 'contact.status_changed':
			return [
				{ name: 'documented delivery', delivery: documentedContactDelivery(CONTACT, hookType), record: contactRecord(CONTACT), documented: true },
				{ name: 'current delivery', delivery: productionContactDelivery(CONTACT, hookType), record: contactRecord(CONTACT), documented: false },
			];
		default: {
			// Deals and payments have no documented delivery: the record as iClosed would send it.
			const record = { id: 4242, value: 1200, createdAt: '2026-04-14T15:00:00.000Z', contact: { id: CONTACT.id } };
			return [{ name: 'undocumented delivery', delivery: { ...record, hookType }, record, documented: false }];
		}
	}
}

describe('The same facts give the same item, delivered or polled', () => {
	it('covers every event both triggers emit', () => {
		expect(POLL_EVENTS.length).toBe(9);
		for (const event of POLL_EVENTS) expect(casesFor(event).length).toBeGreaterThan(0);
	});

	for (const event of POLL_EVENTS) {
		for (const { name, delivery, record, documented } of casesFor(event)) {
			it(`${event}: a ${name} and a REST record`, () => {
				const fromDelivery = simplifyEvent(event, delivery, AT);
				const { rest, ...fromRecord } = recordItem(POLL_SOURCES[event], record, AT);
				const family = familyOf(event);
				expect(fromDelivery.rest).toBeUndefined();
				if (family === 'other') {
					expect(rest).toBeUndefined();
					expect(fromRecord).toEqual(fromDelivery);
					return;
				}
				expect(rest).toEqual(expect.any(Object));
				const notInDelivery = [...NOT_IN_DELIVERIES[family], ...(documented ? NOT_IN_DOCUMENTED_DELIVERIES[family] : [])];
				expect(disagreements(fromDelivery, fromRecord, notInDelivery, NOT_IN_RECORDS[family])).toEqual([]);
				// The same keys at every level: nothing one source adds that the other lacks.
				expect(Object.keys(fromRecord).sort()).toEqual(Object.keys(fromDelivery).sort());
			});
		}
	}

	it('lists only fields the items have', () => {
		const paths = (event: string) => [...leaves(simplifyEvent(event, casesFor(event)[1]?.delivery ?? casesFor(event)[0].delivery, AT)).keys()];
		const known = { call: paths('call.booked'), contact: paths('contact.updated'), outcome: paths('call.outcome_added') };
		for (const family of ['call', 'contact', 'outcome'] as const) {
			const lists = [...NOT_IN_RECORDS[family], ...NOT_IN_DELIVERIES[family], ...NOT_IN_DOCUMENTED_DELIVERIES[family]];
			expect(lists.filter((l) => !known[family].some((p) => p === l || p.startsWith(`${l}.`)))).toEqual([]);
		}
	});

	it('fails when a field differs: a record whose call starts a minute later', () => {
		const later = { ...callRecord(BOOKED), dateTimeUTC: '2026-04-14T14:01:00.000Z' };
		const fromRecord = recordItem(POLL_SOURCES['call.booked'], later, AT);
		delete fromRecord.rest;
		const fromDelivery = simplifyEvent('call.booked', productionCallDelivery(BOOKED, 'Call booked'), AT);
		expect(disagreements(fromDelivery, fromRecord, NOT_IN_DELIVERIES.call, NOT_IN_RECORDS.call)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^call\.startTime: /), expect.stringMatching(/^call\.hostStartTime: /)]),
		);
	});
});
