// What the package assumes about iClosed's API beyond the two triggers (docs/iclosed-api.md, mostly §6),
// by stable id, for `npm run probe` and README → "What we assume about iClosed". Data only: the list
// envelopes are described once (LIST_ENVELOPES) and their statements are made from that description
// and the action node's catalogue (path, page size), so a statement cannot drift from what is checked.
import type { IDataObject } from 'n8n-workflow';

import { findOperation } from '../../nodes/shared/catalogue';
import type { ResourceKey } from '../../nodes/shared/catalogue/types';
import type { Assumption } from '../../nodes/shared/assumption';

/** Where one list endpoint puts its records and its total (§1.5). */
export interface ListEnvelope {
	id: string;
	/** The action node's `getMany` declaration of this list gives its path and page size. */
	resource: ResourceKey;
	/** Query parameters the list cannot be read without. */
	query?: IDataObject;
	/** Keys from the body down to the array of records; [] is a bare array. */
	listPath: string[];
	/** Keys from the body down to the total, when the reference names one. */
	countPath?: string[];
	basis: string;
	confidence: Assumption['confidence'];
	ifWrong: string;
}

const FINDS_ANY =
	'Harmless while the records sit in any usual place: the transport looks for the list and the total in each (pagination.ts); else Get Many returns nothing.';

export const LIST_ENVELOPES: ListEnvelope[] = [
	{ id: 'ref.lists.contacts-envelope', resource: 'contact', listPath: ['data', 'contacts'], countPath: ['data', 'count'], basis: '§2.1, §1.5', confidence: 'high', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.calls-envelope', resource: 'call', listPath: ['data', 'eventCalls'], countPath: ['data', 'count'], basis: '§2.2, §1.5', confidence: 'high', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.deals-envelope', resource: 'deal', listPath: ['data', 'deals'], countPath: ['data', 'count'], basis: '§2.5, §1.5, §6.7', confidence: 'medium', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.products-envelope', resource: 'product', listPath: ['data', 'products'], countPath: ['data', 'count'], basis: '§2.6, §1.5, §6.7', confidence: 'medium', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.transactions-envelope', resource: 'transaction', listPath: ['data'], countPath: ['count'], basis: '§2.7, §1.5', confidence: 'medium', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.users-envelope', resource: 'user', listPath: ['data', 'users'], countPath: ['data', 'count'], basis: '§2.9, §3.5', confidence: 'high', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.events-envelope', resource: 'event', listPath: ['data'], basis: '§2.4', confidence: 'medium', ifWrong: FINDS_ANY },
	{ id: 'ref.lists.fields-envelope', resource: 'customField', query: { objectType: 'CONTACT' }, listPath: ['data'], countPath: ['count'], basis: '§2.8', confidence: 'medium', ifWrong: FINDS_ANY },
];

/** The `getMany` declaration a list envelope is about. */
export function listOperation(envelope: ListEnvelope): { path: string; maxPageSize: number } {
	const operation = findOperation(envelope.resource, 'getMany');
	if (!operation?.list) throw new Error(`No getMany list declared for ${envelope.resource}`);
	return { path: operation.path, maxPageSize: operation.list.maxPageSize };
}

const where = (path: string[]) => (path.length === 0 ? 'a bare array' : path.join('.'));

function envelopeAssumption(envelope: ListEnvelope): Assumption {
	const { path, maxPageSize } = listOperation(envelope);
	const query = Object.entries({ ...envelope.query, page: 0, limit: maxPageSize })
		.map(([k, v]) => `${k}=${String(v)}`)
		.join('&');
	const total = envelope.countPath ? ` and the total in ${where(envelope.countPath)}` : '';
	return {
		id: envelope.id,
		statement: `GET ${path}?${query} answers 2xx with the records in ${where(envelope.listPath)}${total}.`,
		confidence: envelope.confidence,
		basis: envelope.basis,
		ifWrong: envelope.ifWrong,
	};
}

export const REFERENCE_ASSUMPTIONS: Assumption[] = [
	{
		id: 'ref.auth.key-prefix',
		statement: 'iClosed API keys start with iclosed_ and are sent verbatim after "Bearer ".',
		confidence: 'high',
		basis: '§1.2, §6.1',
		ifWrong: 'The credential test warns about a key that works (nodes/shared/apiKey.ts).',
	},
	{
		id: 'ref.auth.401-messages',
		statement:
			'A token without the iclosed_ prefix is answered 401 "API key is required"; an unknown key with it, 401 "Invalid API key".',
		confidence: 'medium',
		basis: '§1.2',
		ifWrong:
			'The credential test still fails for a bad key, but its advice (prefix or environment) may point the wrong way (nodes/shared/credentialTest.ts).',
	},
	{
		id: 'ref.auth.no-org-header',
		statement: 'Requests need no X-Org-Id header (iClosed\'s gateway adds it).',
		confidence: 'high',
		basis: '§1.2, §6.3',
		ifWrong: 'Every request fails; the credential test shows iClosed\'s message.',
	},
	{
		id: 'ref.calls.search-answers-201',
		statement: 'GET /v1/eventCalls answers 201, not 200.',
		confidence: 'high',
		basis: '§1.4, §6.8',
		ifWrong: 'Harmless: every 2xx is success.',
	},
	...LIST_ENVELOPES.map(envelopeAssumption),
	{
		id: 'ref.lists.zero-based-pages',
		statement:
			'Pages count from 0: page=1&limit=1 gives the second record of page=0&limit=2 (no offset parameter).',
		confidence: 'high',
		basis: '§1.5, §6.7',
		ifWrong: 'Return All skips or repeats the first page (nodes/shared/transport/pagination.ts).',
	},
	{
		id: 'ref.rate-limit.headers',
		statement:
			'Answers carry rate-limit headers (RateLimit-* or X-RateLimit-*: limit, remaining, reset).',
		confidence: 'low',
		basis: '§1.3, §6.5',
		ifWrong:
			'Harmless: the transport paces from 429 answers alone (Retry-After, else the body\'s retryAfter, else backoff).',
	},
	{
		id: 'ref.contacts.detail-param',
		statement: 'GET /v1/contacts/detail takes the contact\'s id as contactId.',
		confidence: 'medium',
		basis: '§2.1, §6.11',
		ifWrong: 'Contact → Get asks once more with id: one request more each time.',
	},
	{
		id: 'ref.contacts.journey',
		statement: 'GET /v1/contacts/journey?contactId=… exists.',
		confidence: 'low',
		basis: '§2.1, §6.13',
		ifWrong: 'Contact → Get Journey fails with iClosed\'s 404.',
	},
	{
		id: 'ref.slots.answer-shape',
		statement:
			'POST /v1/events/eventDates {linkPrefix, timeZone, currentDate} answers {data:{availabilities:{"YYYY-MM-DD":["HH:mm", …]}}} in the requested zone.',
		confidence: 'medium',
		basis: '§2.4, §8',
		ifWrong:
			'Event → Get Available Slots and Call → Book read every shape in slotResponse.ts; an unknown one fails with the answer quoted.',
	},
	{
		id: 'ref.booking.answer-envelope',
		statement:
			'POST /v1/eventCalls answers {data:{eventCall:{message, status, data:{id, startTime, …}}}}.',
		confidence: 'medium',
		basis: '§2.2',
		ifWrong:
			'Call → Book cannot return the new call\'s id and says so; the call is booked all the same.',
	},
	{
		id: 'ref.calls.reschedule-envelope',
		statement:
			'PUT /v1/eventCalls/reschedule answers {data:{eventCall:{…call}}} (vendor page), not {message, status, data} (spec reading).',
		confidence: 'low',
		basis: '§2.2, §6.12',
		ifWrong: 'Harmless: Simplify reads either (nodes/shared/catalogue/uncertain.ts).',
	},
	{
		id: 'ref.booking.secondary-answers',
		statement: 'POST /v1/eventCalls accepts secondaryQuestionsAnswer: [] whether or not it is required.',
		confidence: 'medium',
		basis: '§6.10',
		ifWrong: 'Call → Book fails with iClosed\'s field error.',
	},
	{
		id: 'ref.contacts.create-event-field',
		statement: 'POST /v1/contacts names the booking page linkPrefix (not eventName or eventId).',
		confidence: 'low',
		basis: '§6.9',
		ifWrong: 'A contact created with an event is saved without it, or refused with a field error.',
	},
	{
		id: 'ref.outcomes.rules',
		statement:
			'Outcome rules (which outcomes fit which call type, which need a reason) are iClosed\'s to enforce.',
		confidence: 'low',
		basis: '§2.3, §6.24',
		ifWrong: 'Outcome → Set shows iClosed\'s field error.',
	},
	{
		id: 'ref.rate-limit.window',
		statement: 'Limits count per account and endpoint: 20 requests per 10 s on Startup, 100 on Business.',
		confidence: 'medium',
		basis: '§1.3, §6.4',
		ifWrong: 'Harmless: the transport waits as each 429 asks.',
	},
];
