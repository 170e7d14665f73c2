import type { IDataObject } from 'n8n-workflow';

import type { Assumption } from '../shared/assumption';

/**
 * Where the polling trigger reads each event, and how it tells a new change from one already emitted.
 * Every choice here rests on iclosed-api.md (§1.5, §2.1, §2.2, §2.5, §2.7) and is listed in README →
 * "What we assume about iClosed". No endpoint filters on `updatedAt`, so every event is read the same
 * way: newest first by the column below, page by page, until the records are older than the cursor
 * minus the overlap window (poll.ts). A server-side date filter is added where iClosed has one on the
 * same column, to keep the answer short.
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

/** Filters as the user set them, already split into lists (filters.ts of the webhook trigger). */
export interface SourceFilters {
	callTypes: string[];
	/** Numeric booking page ids only: a link prefix given by expression is checked after reading. */
	eventIds: number[];
	outcomes: string[];
	statuses: string[];
}

/**
 * What a record's memory entry holds besides its id. `created`: nothing (an id fires once, even when
 * the record is edited inside the overlap window: the Salesforce lesson). `changed`: the timestamp
 * (each edit fires). `state`: the value the event is about (status, outcome, new start), kept beyond
 * the overlap window so that an unrelated edit does not fire the same state again.
 */
export type KeyKind = 'created' | 'changed' | 'state';

export interface PollSource {
	event: PollEvent;
	path: string;
	/** Where the records sit in `data` (§1.5); transactions put them in `data` itself. */
	listKey: string;
	maxPageSize: number;
	/** Newest first: `orderColumn`/`orderBy`, or `sort` on transactions. */
	newestFirst: IDataObject;
	/** The server-side lower bound on the cursor's column, when the endpoint has one. */
	since?: (iso: string) => IDataObject;
	/** Server-side filters from the node's Filters. */
	filterQuery: (filters: SourceFilters) => IDataObject;
	/** The record's server timestamp the cursor follows (tolerant: the first field present). */
	timestampFields: string[];
	keyKind: KeyKind;
	/** The part of the memory entry besides the id (see KeyKind). */
	state?: (record: IDataObject) => string;
	/** Client-side conditions the server cannot check. */
	accepts?: (record: IDataObject, filters: SourceFilters) => boolean;
	family: 'call' | 'contact' | 'outcome' | 'other';
	/** How sure we are that iClosed behaves as assumed, and why. */
	confidence: 'high' | 'medium' | 'low';
	reasoning: string;
}

const csv = (values: Array<string | number>) => (values.length > 0 ? values.join(',') : undefined);

const callFilters = (f: SourceFilters): IDataObject => ({
	callTypes: csv(f.callTypes),
	eventIds: csv(f.eventIds),
});

const byUpdatedAt = { orderColumn: 'updatedAt', orderBy: 'desc' };

/** The two lists most events read (§2.1, §2.2). */
const CONTACTS = { path: '/v1/contacts', listKey: 'contacts', maxPageSize: 100 };
const CALLS = { path: '/v1/eventCalls', listKey: 'eventCalls', maxPageSize: 100 };

/** Outcomes the call search knows (§2.2) that mean "an outcome was set". */
const SET_OUTCOMES = ['WON', 'NO_SALE', 'APPROVED', 'REJECTED'];

function outcomeOf(record: IDataObject): IDataObject {
	const tasks = Array.isArray(record.task) ? (record.task as IDataObject[]) : [];
	return tasks.find((t) => t && t.outcome) ?? tasks[0] ?? {};
}

export const POLL_SOURCES: Record<PollEvent, PollSource> = {
	'contact.created': {
		event: 'contact.created',
		...CONTACTS,
		newestFirst: { orderColumn: 'createdAt', orderBy: 'desc' },
		filterQuery: (f) => ({ eventIds: csv(f.eventIds) }),
		timestampFields: ['createdAt'],
		keyKind: 'created',
		family: 'contact',
		confidence: 'medium',
		reasoning:
			'orderColumn createdAt is in the spec-derived list (§2.1). timeFrom/timeTo bound joinedTime, which a client may set to any past date on create, so it is not used as the cursor filter.',
	},
	'contact.updated': {
		event: 'contact.updated',
		...CONTACTS,
		newestFirst: byUpdatedAt,
		filterQuery: (f) => ({ eventIds: csv(f.eventIds) }),
		timestampFields: ['updatedAt'],
		keyKind: 'changed',
		// A contact never edited has updatedAt = createdAt: that is contact.created, not an update.
		accepts: (record) => record.updatedAt !== record.createdAt,
		family: 'contact',
		confidence: 'medium',
		reasoning:
			'orderColumn updatedAt is documented (§2.1) and updatedAt is on every contact. We assume iClosed moves it on every change to the contact record (custom-field answers may not move it).',
	},
	'contact.status_changed': {
		event: 'contact.status_changed',
		...CONTACTS,
		newestFirst: byUpdatedAt,
		// Not filtered by status on the server: seeing a contact leave a status lets a later return fire.
		filterQuery: (f) => ({ eventIds: csv(f.eventIds) }),
		timestampFields: ['updatedAt'],
		keyKind: 'state',
		state: (record) => String(record.status ?? ''),
		accepts: (record, f) =>
			f.statuses.length === 0 || f.statuses.includes(String(record.status ?? '').toUpperCase()),
		family: 'contact',
		confidence: 'low',
		reasoning:
			'The REST API has no status history (§2.1), so a change is a contact whose updatedAt moved and whose status differs from the one we last saw. A contact edited for the first time since activation while already in a chosen status fires once.',
	},
	'call.booked': {
		event: 'call.booked',
		...CALLS,
		newestFirst: { orderColumn: 'createdAt', orderBy: 'desc' },
		since: (iso) => ({ createdAtStart: iso }),
		filterQuery: callFilters,
		timestampFields: ['createdAt'],
		keyKind: 'created',
		family: 'call',
		confidence: 'high',
		reasoning:
			'createdAtStart/createdAtEnd (inclusive) and orderColumn createdAt are confirmed by two sources (§2.2); integrators on the Startup plan poll exactly this (§3.5).',
	},
	'call.cancelled': {
		event: 'call.cancelled',
		...CALLS,
		newestFirst: { ...byUpdatedAt, types: 'cancelled_events' },
		filterQuery: callFilters,
		timestampFields: ['updatedAt'],
		keyKind: 'state',
		state: () => 'cancelled',
		family: 'call',
		confidence: 'medium',
		reasoning:
			'types=cancelled_events and orderColumn updatedAt are documented (§2.2); the call object carries no cancellation time, so we assume cancelling moves updatedAt.',
	},
	'call.rescheduled': {
		event: 'call.rescheduled',
		...CALLS,
		newestFirst: { ...byUpdatedAt, types: 'rescheduled_events' },
		filterQuery: callFilters,
		timestampFields: ['updatedAt'],
		keyKind: 'state',
		// Each new start time is a new reschedule.
		state: (record) => String(record.dateTimeUTC ?? record.dateTime ?? ''),
		family: 'call',
		confidence: 'medium',
		reasoning:
			'types=rescheduled_events is documented (§2.2); a call rescheduled twice fires twice because its start time differs. A rescheduled call later cancelled leaves this list.',
	},
	'call.outcome_added': {
		event: 'call.outcome_added',
		...CALLS,
		newestFirst: byUpdatedAt,
		filterQuery: (f) => ({
			...callFilters(f),
			outcomes: csv(f.outcomes.length > 0 ? f.outcomes : SET_OUTCOMES),
		}),
		timestampFields: ['updatedAt'],
		keyKind: 'state',
		// "Added" and "Updated" both fire in iClosed (§3.5): the content is the key.
		state: (record) => {
			const t = outcomeOf(record);
			return [t.outcome, t.noSaleReason, t.objection, t.notes]
				.map((v) => String(v ?? ''))
				.join('|');
		},
		family: 'outcome',
		confidence: 'low',
		reasoning:
			"The outcome lives in the call's task[] (§2.2) and the outcomes filter is documented; we assume setting an outcome moves the call's updatedAt (the outcome answer returns the task's updatedAt, §2.3).",
	},
	'deal.created': {
		event: 'deal.created',
		path: '/v1/deals',
		listKey: 'deals',
		maxPageSize: 200,
		// Deals sort by id, time, value… but not createdAt (§2.5); ids grow with creation.
		newestFirst: { orderColumn: 'id', orderBy: 'desc' },
		filterQuery: (f) => ({ eventIds: csv(f.eventIds) }),
		timestampFields: ['createdAt', 'updatedAt', 'time'],
		keyKind: 'created',
		family: 'other',
		confidence: 'medium',
		reasoning:
			'No createdAt order or filter on deals (§2.5): newest by id. timeFrom/timeTo bound the deal date, which users set, so they are not used. createdAt is in the create answer; if a list lacks it we fall back to updatedAt, then time.',
	},
	'transaction.created': {
		event: 'transaction.created',
		path: '/v1/transactions',
		listKey: 'data',
		maxPageSize: 100,
		newestFirst: { sort: 'desc' },
		since: (iso) => ({ timeFrom: iso }),
		filterQuery: () => ({}),
		timestampFields: ['createdAt'],
		keyKind: 'created',
		family: 'other',
		confidence: 'medium',
		reasoning:
			'timeFrom/timeTo and sort bound and order by creation time (§2.7, spec-derived only).',
	},
};

export const POLL_EVENTS = Object.keys(POLL_SOURCES) as PollEvent[];

/** The record's timestamp in ms, from the first of the source's fields that parses. */
export function timestampOf(source: PollSource, record: IDataObject): number | undefined {
	for (const field of source.timestampFields) {
		const value = record[field];
		const ms =
			typeof value === 'string' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
		if (Number.isFinite(ms)) return ms;
	}
	return undefined;
}

/**
 * What the polling trigger assumes about iClosed's lists, by stable id (`npm run probe` checks each one
 * against a real account; README → "What we assume about iClosed").
 */
export const POLLING_ASSUMPTIONS: Assumption[] = [
	{
		id: 'poll.contacts.order-by-createdAt',
		statement:
			'GET /v1/contacts accepts orderColumn=createdAt&orderBy=desc and answers newest first.',
		confidence: 'medium',
		basis: '§2.1, §1.5',
		ifWrong:
			'contact.created reads an unordered list: the trigger stops at the cursor too early or too late; the probe reports it.',
	},
	{
		id: 'poll.contacts.order-by-updatedAt',
		statement:
			'GET /v1/contacts accepts orderColumn=updatedAt&orderBy=desc and answers the most recently changed first.',
		confidence: 'medium',
		basis: '§2.1',
		ifWrong: 'contact.updated and contact.status_changed cannot be read as a stream.',
	},
	{
		id: 'poll.contacts.items-have-createdAt',
		statement: 'Every item of GET /v1/contacts carries createdAt.',
		confidence: 'high',
		basis: '§2.1',
		ifWrong:
			'contact.created fails every poll with an error naming the missing field (never silent).',
	},
	{
		id: 'poll.contacts.items-have-updatedAt',
		statement: 'Every item of GET /v1/contacts carries updatedAt.',
		confidence: 'medium',
		basis: '§2.1, n8n-notes-2026-12 §4.2 (two integrator samples lack it)',
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
			'GET /v1/eventCalls accepts orderColumn=createdAt&orderBy=desc and answers newest first.',
		confidence: 'high',
		basis: '§2.2',
		ifWrong: 'call.booked reads an unordered list.',
	},
	{
		id: 'poll.calls.order-by-updatedAt',
		statement: 'GET /v1/eventCalls accepts orderColumn=updatedAt&orderBy=desc.',
		confidence: 'medium',
		basis: '§2.2',
		ifWrong: 'Call changes are found by the periodic sweep only (minutes later).',
	},
	{
		id: 'poll.calls.createdAtStart-filter',
		statement:
			'GET /v1/eventCalls?createdAtStart=<ISO> lists only calls created at or after that instant.',
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
		statement: 'Every item of GET /v1/eventCalls carries updatedAt.',
		confidence: 'medium',
		basis: '§2.2, §3.5 (a production sample lacks it)',
		ifWrong: 'Cancellations, reschedules and outcomes are found by the periodic sweep only.',
	},
	{
		id: 'poll.calls.updatedAt-moves-on-outcome',
		statement:
			"Recording or changing an outcome moves the call's updatedAt (the outcome lives on a separate task row).",
		confidence: 'low',
		basis: '§2.3, n8n-notes-2026-12 §4.2',
		ifWrong: 'call.outcome_added is found by the periodic sweep, minutes later.',
	},
	{
		id: 'poll.calls.updatedAt-moves-on-cancel',
		statement: 'Cancelling a call moves its updatedAt.',
		confidence: 'medium',
		basis: '§2.2, n8n-notes-2026-12 §4.2',
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
			'GET /v1/deals accepts orderColumn=id&orderBy=desc, and deal ids grow in creation order.',
		confidence: 'medium',
		basis: '§2.5',
		ifWrong: 'deal.created may miss or repeat deals; the probe reports it.',
	},
	{
		id: 'poll.transactions.items-have-createdAt',
		statement: 'Every item of GET /v1/transactions carries createdAt.',
		confidence: 'medium',
		basis: '§2.7',
		ifWrong: 'transaction.created fails every poll with an error naming the missing field.',
	},
	{
		id: 'poll.transactions.timeFrom-and-sort',
		statement:
			'GET /v1/transactions?timeFrom=<ISO>&sort=desc lists payments created since then, newest first.',
		confidence: 'medium',
		basis: '§2.7',
		ifWrong: 'transaction.created reads an unordered list; the probe reports it.',
	},
	{
		id: 'poll.paging.stable',
		statement:
			'Two reads of the same ordered list, page by page, give the same records in the same order while nothing changes.',
		confidence: 'medium',
		basis: '§1.5, n8n-notes-2026-12 §4.3',
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
