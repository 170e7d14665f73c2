import type { FakeIClosed } from '../../fake-iclosed';
import { NOT_PROBED, PREFLIGHT_ANSWERS, probeChecks } from '../../../scripts/probe/checks/index';
import { ALL_ASSUMPTIONS, isKnownAssumption } from '../../../scripts/probe/findings';
import { POLLING_ASSUMPTIONS } from '../../../nodes/IClosedPollingTrigger/sources';
import type { ProbeResult } from './support';
import { probe, wellBehavedFake } from './support';

/**
 * `npm run probe` proven against the fake iClosed set up each way an assumption can fall: every
 * assumption the probe checks comes out confirmed in one setup and refuted in another.
 */
interface Setup {
	write?: boolean;
	apiKeys?: string[];
	apply?(fake: FakeIClosed): void;
}

const listFault = (body: unknown) => ({ kind: 'status' as const, status: 200, body });

const SETUPS: Record<string, Setup> = {
	wellBehaved: { write: true },
	wellBehavedReadOnly: {},
	writesKeepUpdatedAt: {
		write: true,
		apply: (f) => f.setVariants({ outcomeMovesUpdatedAt: false, cancelMovesUpdatedAt: false, rescheduleMovesUpdatedAt: false, contactUpdateMovesUpdatedAt: false }),
	},
	otherAnswers: {
		write: true,
		apply: (f) =>
			f.setVariants({
				eventCallsListStatus: 200,
				rateLimitHeaders: 'none',
				dateHeader: false,
				contactDetailParam: 'id',
				journeyEndpoint: false,
				rescheduleEnvelope: 'messageStatusData',
				webhookCreateEnvelope: 'noSecret',
				webhookUrlsPerAccount: 'one',
				eventDatesTimes: 'iso',
			}),
	},
	listsWithoutStamps: { apply: (f) => f.setVariants({ listsCarryUpdatedAt: false, listsCarryCreatedAt: false }) },
	ordersRefused: {
		apply: (f) => f.setVariants({ refusedOrderColumns: { '/v1/contacts': ['createdAt', 'updatedAt'], '/v1/eventCalls': ['createdAt', 'updatedAt'], '/v1/deals': ['id'] } }),
	},
	dealsNotInCreationOrder: {
		apply: (f) => {
			const base = Date.parse('2026-11-01T00:00:00.000Z');
			[...f.state.deals].sort((a, b) => b.id - a.id).forEach((deal, i) => (deal.createdAt = new Date(base + i * 60_000).toISOString()));
		},
	},
	filtersIgnored: { apply: (f) => f.setVariants({ ignoredQuery: ['createdAtStart', 'dateFrom', 'dateTo', 'types', 'outcomes', 'timeFrom', 'page'] }) },
	unstablePages: {
		apply: (f) => {
			f.state.contacts.forEach((c) => (c.updatedAt = '2026-11-30T10:00:00.000Z'));
			f.setVariants({ pagingStable: false });
		},
	},
	keyWithoutPrefix: { apiKeys: ['probeplainkey123'], apply: (f) => f.setVariants({ requireKeyPrefix: false }) },
	webhooksMissing: { apply: (f) => f.setVariants({ webhooksApi: 'notFound' }) },
	webhooksOddStatus: { apply: (f) => f.injectFault('GET /v1/webhooks', { kind: 'status', status: 400, body: { message: 'Bad request' } }) },
	webhookEventsRefusedAndUndeletable: {
		write: true,
		apply: (f) => {
			f.setVariants({ rejectEvents: ['call.outcome_added'] });
			f.injectFault('DELETE /v1/webhooks/:id', { kind: 'status', status: 405, body: { message: 'Method not allowed' } });
		},
	},
	webhookCreateAnswersNothing: {
		write: true,
		apply: (f) => f.injectFault('POST /v1/webhooks', { kind: 'status', status: 201, body: { message: 'Webhook created' } }),
	},
	bookingAnswersNoId: {
		write: true,
		apply: (f) => f.injectFault('POST /v1/eventCalls', { kind: 'status', status: 201, body: { message: 'Booked' } }),
	},
	bookingWantsAnswers: {
		write: true,
		apply: (f) =>
			f.injectFault('POST /v1/eventCalls', {
				kind: 'status',
				status: 400,
				body: { message: { status: 400, details: { formErrors: [], fieldErrors: { secondaryQuestionsAnswer: ['Expected a non-empty array'] } } } },
			}),
	},
	orgHeaderRequired: { apply: (f) => f.injectFault('*', { kind: 'status', status: 400, body: { message: 'X-Org-Id header is required' } }) },
	envelopesChanged: {
		apply: (f) => {
			for (const path of ['/v1/contacts', '/v1/eventCalls', '/v1/deals', '/v1/products', '/v1/transactions', '/v1/users', '/v1/events', '/v1/fields/objects', '/v1/webhooks']) {
				f.injectFault(`GET ${path}`, listFault({ results: [], total: 0 }));
			}
		},
	},
};

type SetupName = keyof typeof SETUPS;

/** For every assumption the probe checks: the setup it holds in, and the one it fails in. */
const PROOF: Record<string, { confirmedIn?: SetupName; refutedIn: SetupName }> = {
	'poll.contacts.order-by-createdAt': { refutedIn: 'ordersRefused' },
	'poll.contacts.order-by-updatedAt': { refutedIn: 'ordersRefused' },
	'poll.contacts.items-have-createdAt': { refutedIn: 'listsWithoutStamps' },
	'poll.contacts.items-have-updatedAt': { refutedIn: 'listsWithoutStamps' },
	'poll.contacts.updatedAt-moves-on-edit': { refutedIn: 'writesKeepUpdatedAt' },
	'poll.calls.order-by-createdAt': { refutedIn: 'ordersRefused' },
	'poll.calls.order-by-updatedAt': { refutedIn: 'ordersRefused' },
	'poll.calls.createdAtStart-filter': { refutedIn: 'filtersIgnored' },
	'poll.calls.types-filter': { refutedIn: 'filtersIgnored' },
	'poll.calls.outcomes-filter': { refutedIn: 'filtersIgnored' },
	'poll.calls.date-window-filter': { refutedIn: 'filtersIgnored' },
	'poll.calls.items-have-updatedAt': { refutedIn: 'listsWithoutStamps' },
	'poll.calls.updatedAt-moves-on-outcome': { refutedIn: 'writesKeepUpdatedAt' },
	'poll.calls.updatedAt-moves-on-cancel': { refutedIn: 'writesKeepUpdatedAt' },
	'poll.calls.updatedAt-moves-on-reschedule': { refutedIn: 'writesKeepUpdatedAt' },
	'poll.deals.order-by-id': { refutedIn: 'dealsNotInCreationOrder' },
	'poll.transactions.items-have-createdAt': { refutedIn: 'listsWithoutStamps' },
	'poll.transactions.timeFrom-and-sort': { refutedIn: 'filtersIgnored' },
	'poll.paging.stable': { refutedIn: 'unstablePages' },
	'poll.server.date-header': { refutedIn: 'otherAnswers' },
	'hook.api.available': { refutedIn: 'webhooksMissing' },
	'hook.api.unavailable-status': { confirmedIn: 'webhooksMissing', refutedIn: 'webhooksOddStatus' },
	'hook.list.envelope': { refutedIn: 'envelopesChanged' },
	'hook.create.accepted': { refutedIn: 'webhookEventsRefusedAndUndeletable' },
	'hook.create.returns-id': { refutedIn: 'webhookCreateAnswersNothing' },
	'hook.create.returns-secret': { refutedIn: 'otherAnswers' },
	'hook.list.shows-subscription': { refutedIn: 'webhookCreateAnswersNothing' },
	'hook.delete.removes': { refutedIn: 'webhookEventsRefusedAndUndeletable' },
	'hook.account.several-urls': { refutedIn: 'otherAnswers' },
	'ref.auth.key-prefix': { refutedIn: 'keyWithoutPrefix' },
	'ref.auth.401-messages': { refutedIn: 'keyWithoutPrefix' },
	'ref.auth.no-org-header': { refutedIn: 'orgHeaderRequired' },
	'ref.calls.search-answers-201': { refutedIn: 'otherAnswers' },
	'ref.lists.contacts-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.calls-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.deals-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.products-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.transactions-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.users-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.events-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.fields-envelope': { refutedIn: 'envelopesChanged' },
	'ref.lists.zero-based-pages': { refutedIn: 'filtersIgnored' },
	'ref.rate-limit.headers': { refutedIn: 'otherAnswers' },
	'ref.contacts.detail-param': { refutedIn: 'otherAnswers' },
	'ref.contacts.journey': { refutedIn: 'otherAnswers' },
	'ref.slots.answer-shape': { refutedIn: 'otherAnswers' },
	'ref.booking.answer-envelope': { refutedIn: 'bookingAnswersNoId' },
	'ref.calls.reschedule-envelope': { refutedIn: 'otherAnswers' },
	'ref.booking.secondary-answers': { refutedIn: 'bookingWantsAnswers' },
};

const results = new Map<SetupName, Promise<ProbeResult>>();

/** Each setup runs once, on its own fake, whatever number of assumptions it proves. */
function run(name: SetupName): Promise<ProbeResult> {
	let result = results.get(name);
	if (!result) {
		const setup = SETUPS[name];
		result = (async () => {
			const fake = await wellBehavedFake(setup.apiKeys ? { apiKeys: setup.apiKeys } : {});
			try {
				setup.apply?.(fake);
				return await probe(fake, { write: setup.write });
			} finally {
				await fake.close();
			}
		})();
		results.set(name, result);
	}
	return result;
}

describe('npm run probe: each checked assumption falls either way', () => {
	jest.setTimeout(60_000);

	it('covers every assumption: each is checked by a step (and proven below) or listed as not probed, with a reason', () => {
		const answered = new Set([...PREFLIGHT_ANSWERS, ...probeChecks({ environment: 'custom' }).flatMap((c) => c.answers)]);
		for (const id of answered) expect(isKnownAssumption(id)).toBe(true);
		const ids = ALL_ASSUMPTIONS.map((a) => a.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.filter((id) => !answered.has(id) && !NOT_PROBED[id])).toEqual([]);
		expect(Object.keys(NOT_PROBED).filter((id) => answered.has(id) || !isKnownAssumption(id))).toEqual([]);
		expect(Object.keys(PROOF).sort()).toEqual([...answered].sort());
		// The polling trigger's ids come from its own data, never copied.
		expect(POLLING_ASSUMPTIONS.every((a) => ids.includes(a.id))).toBe(true);
	});

	it.each(Object.entries(PROOF))('%s', async (id, { confirmedIn = 'wellBehaved', refutedIn }) => {
		const holds = await run(confirmedIn);
		expect([holds.verdict(id), holds.evidence(id)]).toEqual(['confirmed', expect.any(String)]);
		const fails = await run(refutedIn);
		expect([fails.verdict(id), fails.evidence(id)]).toEqual(['refuted', expect.any(String)]);
	});

	it('read-only by default: without --write it sends no write at all (the slot search is a read)', async () => {
		const fake = await wellBehavedFake();
		try {
			const { report } = await probe(fake);
			expect(report.mode).toBe('read-only');
			const writes = fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
			expect([...new Set(writes)]).toEqual(['POST /v1/events/eventDates']);
			expect(report.records).toEqual([]);
			const needsWrite = report.assumptions.filter((a) => a.reasons.some((r) => r.startsWith('needs --write')));
			expect(needsWrite.map((a) => a.id)).toContain('poll.calls.updatedAt-moves-on-outcome');
		} finally {
			await fake.close();
		}
	});
});
