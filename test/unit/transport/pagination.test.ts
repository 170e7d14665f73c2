import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { extractListPage, iClosedApiRequestAllItems } from '../../../nodes/shared/transport/pagination';
import { executeContextFor } from '../../harness/executeContext';
import type { SeenRequest } from '../../harness/scriptedServer';
import { ScriptedServer } from '../../harness/scriptedServer';

const records = (from: number, to: number): IDataObject[] =>
	Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ id: from + i }));

/** Serves `total` records with iClosed's zero-based page/limit, in the envelope `wrap` builds. */
function pagedAnswers(total: number, wrap: (items: IDataObject[], count: number) => unknown) {
	return (req: SeenRequest) => {
		const url = new URL(req.url, 'http://x');
		const page = Number(url.searchParams.get('page'));
		const limit = Number(url.searchParams.get('limit'));
		const start = page * limit;
		return { status: 200, body: wrap(records(start, Math.min(total, start + limit)), total) };
	};
}

const pages = (server: ScriptedServer) =>
	server.seen.map((s) => {
		const url = new URL(s.url, 'http://x');
		return `${url.searchParams.get('page')}/${url.searchParams.get('limit')}`;
	});

describe('iClosedApiRequestAllItems', () => {
	const server = new ScriptedServer();
	let ctx: IExecuteFunctions;

	beforeAll(async () => {
		await server.start();
		ctx = executeContextFor({ apiKey: 'iclosed_paging', baseUrl: server.baseUrl });
	});
	afterEach(() => server.reset());
	afterAll(async () => await server.stop());

	it('reads every page of a data.<list> + data.count envelope, starting at page 0', async () => {
		server.otherwise(pagedAnswers(250, (contacts, count) => ({ data: { count, contacts } })));
		const all = await iClosedApiRequestAllItems.call(ctx, {
			method: 'GET',
			path: '/v1/contacts',
			listKey: 'contacts',
			maxPageSize: 100,
		});
		expect(all).toEqual(records(0, 250));
		expect(pages(server)).toEqual(['0/100', '1/100', '2/100']);
	});

	it('stops when count is reached without asking for an empty page', async () => {
		server.otherwise(pagedAnswers(200, (data, count) => ({ count, data })));
		const all = await iClosedApiRequestAllItems.call(ctx, { method: 'GET', path: '/v1/transactions', maxPageSize: 100 });
		expect(all).toHaveLength(200);
		expect(pages(server)).toEqual(['0/100', '1/100']);
	});

	it('stops on a short page when the API gives no count', async () => {
		server.otherwise(pagedAnswers(130, (data) => ({ data })));
		const all = await iClosedApiRequestAllItems.call(ctx, { method: 'GET', path: '/v1/events', maxPageSize: 100 });
		expect(all).toHaveLength(130);
		expect(pages(server)).toEqual(['0/100', '1/100']);
	});

	it('honours a limit across a page boundary with as few requests as possible', async () => {
		server.otherwise(pagedAnswers(1000, (deals, count) => ({ data: { count, deals } })));
		const some = await iClosedApiRequestAllItems.call(ctx, {
			method: 'GET',
			path: '/v1/deals',
			listKey: 'deals',
			maxPageSize: 200,
			limit: 250,
		});
		expect(some).toEqual(records(0, 250));
		expect(pages(server)).toEqual(['0/200', '1/200']);
	});

	it('asks for only the limit when it fits in one page', async () => {
		server.otherwise(pagedAnswers(1000, (users, count) => ({ data: { users, count } })));
		const some = await iClosedApiRequestAllItems.call(ctx, { method: 'GET', path: '/v1/users', listKey: 'users', maxPageSize: 100, limit: 5 });
		expect(some).toEqual(records(0, 5));
		expect(pages(server)).toEqual(['0/5']);
	});

	it('stops instead of looping when the API serves the same page again', async () => {
		server.otherwise(() => ({ status: 200, body: { data: records(0, 100) } }));
		const all = await iClosedApiRequestAllItems.call(ctx, { method: 'GET', path: '/v1/events', maxPageSize: 100 });
		expect(all).toEqual(records(0, 100));
		expect(server.seen).toHaveLength(2);
	});

	it('returns an empty list for an empty result', async () => {
		server.otherwise(() => ({ status: 201, body: { data: { eventCalls: [], count: 0 } } }));
		const all = await iClosedApiRequestAllItems.call(ctx, { method: 'GET', path: '/v1/eventCalls', listKey: 'eventCalls', maxPageSize: 100 });
		expect(all).toEqual([]);
		expect(server.seen).toHaveLength(1);
	});

	it('waits out a 429 in the middle of paging and loses nothing', async () => {
		const serve = pagedAnswers(300, (contacts, count) => ({ data: { count, contacts } }));
		let calls = 0;
		server.otherwise((req) => (++calls === 2 ? { status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 0 } } : serve(req)));
		const all = await iClosedApiRequestAllItems.call(ctx, { method: 'GET', path: '/v1/contacts', listKey: 'contacts', maxPageSize: 100 });
		expect(all).toEqual(records(0, 300));
		expect(pages(server)).toEqual(['0/100', '1/100', '1/100', '2/100']);
	});

	it('keeps the caller’s filters on every page', async () => {
		server.otherwise(pagedAnswers(150, (contacts, count) => ({ data: { count, contacts } })));
		await iClosedApiRequestAllItems.call(ctx, {
			method: 'GET',
			path: '/v1/contacts',
			listKey: 'contacts',
			maxPageSize: 100,
			query: { statuses: ['QUALIFIED', 'POTENTIAL'], search: 'ada' },
		});
		for (const seen of server.seen) expect(seen.url).toMatch(/statuses=QUALIFIED%2CPOTENTIAL&search=ada&page=\d&limit=100/);
	});
});

describe('extractListPage', () => {
	it.each([
		['data.<list> with data.count', { data: { contacts: [{ id: 1 }], count: 9 } }, 'contacts', 9],
		['data[] with top-level count', { data: [{ id: 1 }], count: 4 }, undefined, 4],
		['a bare array', [{ id: 1 }], undefined, undefined],
		['data.<other list> when the key differs', { data: { webhooks: [{ id: 1 }] } }, 'items', undefined],
		['a top-level list', { contacts: [{ id: 1 }], count: '3' }, 'contacts', 3],
	])('finds the records in %s', (_name, body, key, count) => {
		expect(extractListPage(body, key)).toEqual({ items: [{ id: 1 }], count });
	});

	it('yields no records for a body without a list', () => {
		expect(extractListPage({ message: 'ok' }, 'contacts').items).toEqual([]);
		expect(extractListPage('nope').items).toEqual([]);
	});
});
