import type { IDataObject } from 'n8n-workflow';

import type { Assumption } from '../shared/assumption';
import {
	declaredValue,
	offeredValue,
	orderedBy,
	paramName,
	trustedPageSize,
} from '../shared/catalogue/query';
import type { OperationDeclaration } from '../shared/catalogue/types';
import { declarationOf } from '../shared/declaredRequest';

/**
 * Where the polling trigger reads each event, and how it tells news from what it already reported. Every
 * choice rests on docs/iclosed-api.md; the points iClosed leaves open are the POLLING_ASSUMPTIONS at the
 * end, by id (README → "What we assume about iClosed"). docs/polling-state-model.md is the state model
 * these definitions plug into.
 *
 * Each event reads one list as a **stream**: newest change first by `column`, down to its cursor minus an
 * overlap (streamRead.ts). State events whose change may not move `updatedAt` (cancel, reschedule,
 * outcome: unverified, §3.6) also **sweep** a bounded window of calls now and then and
 * compare each call's state with the one remembered (sweepRead.ts), so they never depend on it.
 */
export type PollEvent =
	| 'contact.created'
	| 'contact.updated'
	| 'contact.status_changed'
	| 'call.booked'
	| 'call.cancelled'
	| 'call.rescheduled'
	| 'call.outcome_added'
	| 'deal.created'
	| 'transaction.created';

/** Filters as the user set them, already split into lists (the Filters parameter). */
export interface SourceFilters {
	callTypes: string[];
	/** Numeric booking page ids only: a link prefix is checked after reading. */
	eventIds: number[];
	outcomes: string[];
	statuses: string[];
}

/**
 * How an event tells news (the Salesforce lesson: one key per kind of change).
 * - `created`: an id not seen before. Later edits of the record are not news.
 * - `changed`: an id whose `column` value differs from the one seen (each edit once).
 * - `state`: a record whose state (status, outcome content, start time, "cancelled") differs from the one
 *   reported for it; an unrelated edit finds the same state and is not news.
 */
export type Detection = 'created' | 'changed' | 'state';

export interface ListSpec {
	/** The catalogue's declaration of the list: method, path, where the records sit (§1.5). */
	endpoint: OperationDeclaration;
	/** Largest page every source confirms (200 on deals is uncertain, §6.7: 100 everywhere). */
	pageSize: number;
}

export interface SweepSpec {
	/** The list's own filter (a call state). */
	query: (filters: SourceFilters) => IDataObject;
	/** The calls starting in [from, to] (ISO), in id order: what the sweep adds to `query`. */
	window: (from: string, to: string) => IDataObject;
	/** Calls whose start (dateTime) lies from this many days ago… */
	pastDays: number;
	/** …to this many days ahead: where this change happens in practice. */
	aheadDays: number;
}

export interface PollSource {
	event: PollEvent;
	list: ListSpec;
	/** Newest change first: `orderColumn`/`orderBy`, or `sort` on transactions. */
	order: IDataObject;
	/** What the stream's cursor follows: a server timestamp, or the id where ids grow with creation. */
	column: 'createdAt' | 'updatedAt' | 'id';
	/** The server-side lower bound on the column, where the endpoint has one (answers stay short). */
	serverSince?: (iso: string) => IDataObject;
	/** Server-side filters from the node's Filters. */
	filterQuery: (filters: SourceFilters) => IDataObject;
	detection: Detection;
	/** State events: the state a record is in, or undefined when it is not in it. */
	state?: (record: IDataObject) => string | undefined;
	/** Client-side conditions the server cannot check. */
	accepts?: (record: IDataObject, filters: SourceFilters) => boolean;
	sweep?: SweepSpec;
	family: 'call' | 'contact' | 'outcome' | 'other';
	/** Ids of the POLLING_ASSUMPTIONS this event rests on. */
	assumptions: string[];
}

/** Each event reads the list the catalogue declares; its query parameters are declared there too. */
function listOf(endpoint: OperationDeclaration): ListSpec {
	return { endpoint, pageSize: trustedPageSize(endpoint) };
}

const CONTACTS = listOf(declarationOf('contact', 'getMany'));
const CALLS = listOf(declarationOf('call', 'getMany'));
const DEALS = listOf(declarationOf('deal', 'getMany'));
const TRANSACTIONS = listOf(declarationOf('transaction', 'getMany'));

const csv = (values: Array<string | number>) => (values.length > 0 ? values.join(',') : undefined);

/** `{ wireName: a,b,c }` for one of the list's declared multi-value parameters. */
const csvParam =
	(list: ListSpec, name: string) =>
	(values: Array<string | number>): IDataObject => ({ [paramName(list.endpoint, name)]: csv(values) });

const byEventIds = (list: ListSpec) => {
	const eventIds = csvParam(list, 'eventIds');
	return (f: SourceFilters): IDataObject => eventIds(f.eventIds);
};

const callTypes = csvParam(CALLS, 'callTypes');
const callEventIds = byEventIds(CALLS);
const callFilters = (f: SourceFilters): IDataObject => ({
	...callTypes(f.callTypes),
	...callEventIds(f),
});

const newest = (list: ListSpec, column: string): IDataObject => orderedBy(list.endpoint, column, 'desc');

/** A call state the call list filters on (`types`, §2.2). */
const inState = (state: 'cancelled_events' | 'rescheduled_events'): IDataObject =>
	declaredValue(CALLS.endpoint, 'types', state);

/** Calls starting in [from, to], oldest id first: the window a sweep pages through. */
const startingBetween = (from: string, to: string): IDataObject => ({
	[paramName(CALLS.endpoint, 'dateFrom')]: from,
	[paramName(CALLS.endpoint, 'dateTo')]: to,
	...orderedBy(CALLS.endpoint, 'id', 'asc'),
});

/** Outcomes the call search knows (§2.2) that mean "an outcome was set". */
const SET_OUTCOMES = ['WON', 'NO_SALE', 'APPROVED', 'REJECTED'].map((outcome) =>
	offeredValue(CALLS.endpoint, 'outcomes', outcome),
);

const outcomes = csvParam(CALLS, 'outcomes');
const outcomesQuery = (f: SourceFilters): IDataObject => ({
	...callFilters(f),
	...outcomes(f.outcomes.length > 0 ? f.outcomes : SET_OUTCOMES),
});

const contactFilters = byEventIds(CONTACTS);
const dealFilters = byEventIds(DEALS);

/** The outcome row of a call (`task[]`, §2.2); the one place that reads it. */
export function outcomeTask(call: IDataObject): IDataObject {
	const tasks = Array.isArray(call.task)
		? (call.task as IDataObject[]).filter((t) => typeof t === 'object' && t !== null)
		: [];
	return tasks.find((t) => t.outcome) ?? tasks[0] ?? {};
}

/** "Added" and "Updated" both fire in iClosed (§3.5): the outcome's content is its state. */
function outcomeState(call: IDataObject): string | undefined {
	const task = outcomeTask(call);
	if (!task.outcome || task.outcome === 'PENDING_OUTCOME') return undefined;
	return [task.outcome, task.noSaleReason, task.objection, task.notes]
		.map((v) => String(v ?? ''))
		.join('|');
}

/** Cancellations and reschedules happen before the call; a day back covers late edits. */
const UPCOMING_CALLS = { pastDays: 1, aheadDays: 90 };

/** The sweep of the calls in a state (cancelled, rescheduled): upcoming ones, by id. */
const upcomingInState = (state: 'cancelled_events' | 'rescheduled_events'): SweepSpec => ({
	query: (f) => ({ ...callFilters(f), ...inState(state) }),
	window: startingBetween,
	...UPCOMING_CALLS,
});

/** What a call state event (cancel, reschedule) rests on, with the assumption that its change moves `updatedAt`. */
const stateChangeAssumptions = (movesUpdatedAt: string): string[] => [
	'poll.calls.types-filter',
	'poll.calls.order-by-updatedAt',
	'poll.calls.items-have-updatedAt',
	movesUpdatedAt,
	'poll.calls.date-window-filter',
];

export const POLL_SOURCES: Record<PollEvent, PollSource> = {
	'contact.created': {
		event: 'contact.created',
		list: CONTACTS,
		order: newest(CONTACTS, 'createdAt'),
		column: 'createdAt',
		filterQuery: contactFilters,
		detection: 'created',
		family: 'contact',
		assumptions: ['poll.contacts.order-by-createdAt', 'poll.contacts.items-have-createdAt'],
	},
	'contact.updated': {
		event: 'contact.updated',
		list: CONTACTS,
		order: newest(CONTACTS, 'updatedAt'),
		column: 'updatedAt',
		filterQuery: contactFilters,
		detection: 'changed',
		// A contact never edited has updatedAt = createdAt: that is contact.created, not an update.
		accepts: (record) => record.updatedAt !== record.createdAt,
		family: 'contact',
		assumptions: [
			'poll.contacts.order-by-updatedAt',
			'poll.contacts.items-have-updatedAt',
			'poll.contacts.updatedAt-moves-on-edit',
		],
	},
	'contact.status_changed': {
		event: 'contact.status_changed',
		list: CONTACTS,
		order: newest(CONTACTS, 'updatedAt'),
		column: 'updatedAt',
		// Not filtered by status on the server: seeing a contact leave a status lets a later return fire.
		filterQuery: contactFilters,
		detection: 'state',
		state: (record) => String(record.status ?? ''),
		accepts: (record, f) =>
			f.statuses.length === 0 || f.statuses.includes(String(record.status ?? '').toUpperCase()),
		family: 'contact',
		assumptions: [
			'poll.contacts.order-by-updatedAt',
			'poll.contacts.items-have-updatedAt',
			'poll.contacts.updatedAt-moves-on-edit',
		],
	},
	'call.booked': {
		event: 'call.booked',
		list: CALLS,
		order: newest(CALLS, 'createdAt'),
		column: 'createdAt',
		serverSince: (iso) => ({ [paramName(CALLS.endpoint, 'createdAtStart')]: iso }),
		filterQuery: callFilters,
		detection: 'created',
		family: 'call',
		assumptions: ['poll.calls.order-by-createdAt', 'poll.calls.createdAtStart-filter'],
	},
	'call.cancelled': {
		event: 'call.cancelled',
		list: CALLS,
		order: { ...newest(CALLS, 'updatedAt'), ...inState('cancelled_events') },
		column: 'updatedAt',
		filterQuery: callFilters,
		detection: 'state',
		state: () => 'cancelled',
		sweep: upcomingInState('cancelled_events'),
		family: 'call',
		assumptions: stateChangeAssumptions('poll.calls.updatedAt-moves-on-cancel'),
	},
	'call.rescheduled': {
		event: 'call.rescheduled',
		list: CALLS,
		order: { ...newest(CALLS, 'updatedAt'), ...inState('rescheduled_events') },
		column: 'updatedAt',
		filterQuery: callFilters,
		detection: 'state',
		// Each new start time is a new reschedule.
		state: (record) => String(record.dateTimeUTC ?? record.dateTime ?? ''),
		sweep: upcomingInState('rescheduled_events'),
		family: 'call',
		assumptions: stateChangeAssumptions('poll.calls.updatedAt-moves-on-reschedule'),
	},
	'call.outcome_added': {
		event: 'call.outcome_added',
		list: CALLS,
		order: newest(CALLS, 'updatedAt'),
		column: 'updatedAt',
		filterQuery: outcomesQuery,
		detection: 'state',
		state: outcomeState,
		// Outcomes are recorded during the call or in the days after it (a call booked ahead rarely has one, and then costs little).
		sweep: { query: outcomesQuery, window: startingBetween, pastDays: 14, aheadDays: 90 },
		family: 'outcome',
		assumptions: [
			'poll.calls.outcomes-filter',
			'poll.calls.order-by-updatedAt',
			'poll.calls.items-have-updatedAt',
			'poll.calls.updatedAt-moves-on-outcome',
			'poll.calls.date-window-filter',
		],
	},
	'deal.created': {
		event: 'deal.created',
		list: DEALS,
		// Deals sort by id, time, value… but not createdAt (§2.5), and `time` is a date users set: ids it is.
		order: newest(DEALS, 'id'),
		column: 'id',
		filterQuery: dealFilters,
		detection: 'created',
		family: 'other',
		assumptions: ['poll.deals.order-by-id'],
	},
	'transaction.created': {
		event: 'transaction.created',
		list: TRANSACTIONS,
		order: declaredValue(TRANSACTIONS.endpoint, 'sort', 'desc'),
		column: 'createdAt',
		serverSince: (iso) => ({ [paramName(TRANSACTIONS.endpoint, 'timeFrom')]: iso }),
		filterQuery: () => ({}),
		detection: 'created',
		family: 'other',
		assumptions: ['poll.transactions.timeFrom-and-sort', 'poll.transactions.items-have-createdAt'],
	},
};

export const POLL_EVENTS = Object.keys(POLL_SOURCES) as PollEvent[];

/** The record's value of the source's column in ms (timestamps) or as a number (ids), if it has one. */
export function columnValue(source: PollSource, record: IDataObject): number | undefined {
	const value = record[source.column];
	if (source.column === 'id') {
		const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
		return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
	}
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

export function idOf(record: IDataObject): string | undefined {
	const id = record.id;
	return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : undefined;
}

/**
 * What the polling trigger assumes about iClosed's lists, by stable id (`npm run probe` checks each one
 * against a real account; README → "What we assume about iClosed").
 */
export const POLLING_ASSUMPTIONS: Assumption[] = [
	{
		id: 'poll.contacts.order-by-createdAt',
		statement:
			`GET ${CONTACTS.endpoint.path} accepts orderColumn=createdAt&orderBy=desc and answers newest first.`,
		confidence: 'medium',
		basis: '§2.1, §1.5',
		ifWrong:
			'contact.created reads an unordered list: the trigger stops at the cursor too early or too late; the probe reports it.',
	},
	{
		id: 'poll.contacts.order-by-updatedAt',
		statement:
			`GET ${CONTACTS.endpoint.path} accepts orderColumn=updatedAt&orderBy=desc and answers the most recently changed first.`,
		confidence: 'medium',
		basis: '§2.1',
		ifWrong: 'contact.updated and contact.status_changed cannot be read as a stream.',
	},
	{
		id: 'poll.contacts.items-have-createdAt',
		statement: `Every item of GET ${CONTACTS.endpoint.path} carries createdAt.`,
		confidence: 'high',
		basis: '§2.1',
		ifWrong:
			'contact.created fails every poll with an error naming the missing field (never silent).',
	},
	{
		id: 'poll.contacts.items-have-updatedAt',
		statement: `Every item of GET ${CONTACTS.endpoint.path} carries updatedAt.`,
		confidence: 'medium',
		basis: '§2.1, §3.6 (two integrator samples lack it)',
		ifWrong:
			'contact.updated and contact.status_changed fail every poll with an error naming the missing field.',
	},
	{
		id: 'poll.contacts.updatedAt-moves-on-edit',
		statement: "Editing a contact, its status included, moves the contact's updatedAt.",
		confidence: 'medium',
		basis: '§2.1',
		ifWrong: 'Such edits are not seen by contact.updated or contact.status_changed.',
	},
	{
		id: 'poll.calls.order-by-createdAt',
		statement:
			`GET ${CALLS.endpoint.path} accepts orderColumn=createdAt&orderBy=desc and answers newest first.`,
		confidence: 'high',
		basis: '§2.2',
		ifWrong: 'call.booked reads an unordered list.',
	},
	{
		id: 'poll.calls.order-by-updatedAt',
		statement: `GET ${CALLS.endpoint.path} accepts orderColumn=updatedAt&orderBy=desc.`,
		confidence: 'medium',
		basis: '§2.2',
		ifWrong: 'Call changes are found by the periodic sweep only (minutes later).',
	},
	{
		id: 'poll.calls.createdAtStart-filter',
		statement:
			`GET ${CALLS.endpoint.path}?createdAtStart=<ISO> lists only calls created at or after that instant.`,
		confidence: 'high',
		basis: '§2.2',
		ifWrong: 'Harmless: the trigger checks createdAt itself; answers are only longer.',
	},
	{
		id: 'poll.calls.types-filter',
		statement:
			'types=cancelled_events lists cancelled calls and types=rescheduled_events rescheduled ones.',
		confidence: 'medium',
		basis: '§2.2',
		ifWrong: 'call.cancelled and call.rescheduled see the wrong calls; the probe reports it.',
	},
	{
		id: 'poll.calls.outcomes-filter',
		statement:
			'outcomes=WON,NO_SALE,APPROVED,REJECTED lists only calls with one of those outcomes in task[].',
		confidence: 'medium',
		basis: '§2.2, §2.3',
		ifWrong: 'Harmless: the trigger reads the outcome from task[] itself.',
	},
	{
		id: 'poll.calls.date-window-filter',
		statement: 'dateFrom/dateTo (inclusive) bound a call by its start (dateTime).',
		confidence: 'high',
		basis: '§2.2',
		ifWrong: 'The sweep reads more calls than it needs.',
	},
	{
		id: 'poll.calls.items-have-updatedAt',
		statement: `Every item of GET ${CALLS.endpoint.path} carries updatedAt.`,
		confidence: 'medium',
		basis: '§2.2, §3.5 (a production sample lacks it)',
		ifWrong: 'Cancellations, reschedules and outcomes are found by the periodic sweep only.',
	},
	{
		id: 'poll.calls.updatedAt-moves-on-outcome',
		statement:
			"Recording or changing an outcome moves the call's updatedAt (the outcome lives on a separate task row).",
		confidence: 'low',
		basis: '§2.3, §3.6',
		ifWrong: 'call.outcome_added is found by the periodic sweep, minutes later.',
	},
	{
		id: 'poll.calls.updatedAt-moves-on-cancel',
		statement: 'Cancelling a call moves its updatedAt.',
		confidence: 'medium',
		basis: '§2.2, §3.6',
		ifWrong: 'call.cancelled is found by the periodic sweep, minutes later.',
	},
	{
		id: 'poll.calls.updatedAt-moves-on-reschedule',
		statement: 'Rescheduling a call moves its updatedAt.',
		confidence: 'medium',
		basis: '§2.2',
		ifWrong: 'call.rescheduled is found by the periodic sweep, minutes later.',
	},
	{
		id: 'poll.deals.order-by-id',
		statement:
			`GET ${DEALS.endpoint.path} accepts orderColumn=id&orderBy=desc, and deal ids grow in creation order.`,
		confidence: 'medium',
		basis: '§2.5',
		ifWrong: 'deal.created may miss or repeat deals; the probe reports it.',
	},
	{
		id: 'poll.transactions.items-have-createdAt',
		statement: `Every item of GET ${TRANSACTIONS.endpoint.path} carries createdAt.`,
		confidence: 'medium',
		basis: '§2.7',
		ifWrong: 'transaction.created fails every poll with an error naming the missing field.',
	},
	{
		id: 'poll.transactions.timeFrom-and-sort',
		statement:
			`GET ${TRANSACTIONS.endpoint.path}?timeFrom=<ISO>&sort=desc lists payments created since then, newest first.`,
		confidence: 'medium',
		basis: '§2.7',
		ifWrong: 'transaction.created reads an unordered list; the probe reports it.',
	},
	{
		id: 'poll.paging.stable',
		statement:
			'Two reads of the same ordered list, page by page, give the same records in the same order while nothing changes.',
		confidence: 'medium',
		basis: '§1.5, §3.6',
		ifWrong:
			'Pages overlap and each page must start inside the last one, so a shifted list costs a re-read, not a record.',
	},
	{
		id: 'poll.server.date-header',
		statement: "iClosed's answers carry a Date header with its own clock.",
		confidence: 'medium',
		basis: '§1.3',
		ifWrong:
			"n8n's clock bounds the cursor instead (a record stamped in the future cannot hide later ones either way).",
	},
];
