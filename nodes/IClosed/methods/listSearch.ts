import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { extractListPage } from '../../shared/transport/pagination';
import { iClosedApiRequest } from '../../shared/transport/request';

/**
 * "From list" searches for the resource locators: one page of iClosed's list per call, the page
 * number handed back as n8n's (string) pagination token.
 */

const PAGE_SIZE = 50;

interface SearchSpec {
	path: string;
	listKey?: string;
	/** iClosed's search parameter, when the endpoint has one. */
	searchParam?: string;
	toItem: (record: IDataObject) => INodeListSearchItems;
}

function fullName(record: IDataObject): string {
	return [record.firstName, record.lastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
}

async function searchList(
	ctx: ILoadOptionsFunctions,
	spec: SearchSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) || 0 : 0;
	const query: IDataObject = { page, limit: PAGE_SIZE };
	if (filter && spec.searchParam) query[spec.searchParam] = filter;
	const body = await iClosedApiRequest.call(ctx, { method: 'GET', path: spec.path, query });
	const { items } = extractListPage(body, spec.listKey);
	let results = items.map(spec.toItem);
	if (filter && !spec.searchParam) {
		const needle = filter.toLowerCase();
		results = results.filter((r) => r.name.toLowerCase().includes(needle));
	}
	return { results, paginationToken: items.length === PAGE_SIZE ? String(page + 1) : undefined };
}

async function searchContacts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList(this, {
		path: '/v1/contacts',
		listKey: 'contacts',
		searchParam: 'search',
		toItem: (c) => ({
			name: [fullName(c), c.email ?? c.phoneNumber].filter(Boolean).join(' · ') || `Contact ${c.id}`,
			value: String(c.id),
		}),
	}, filter, token);
}

async function searchCalls(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList(this, {
		path: '/v1/eventCalls',
		listKey: 'eventCalls',
		searchParam: 'search',
		toItem: (c) => ({
			name: [c.inviteeName ?? c.inviteeEmail, c.dateTimeUTC ?? c.dateTime, c.name].filter(Boolean).join(' · ') || `Call ${c.id}`,
			value: String(c.id),
		}),
	}, filter, token);
}

async function searchEvents(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList(this, {
		path: '/v1/events',
		searchParam: 'search',
		toItem: (e) => ({
			name: `${String(e.name ?? `Event ${e.id}`)}${e.linkPrefix ? ` (${String(e.linkPrefix)})` : ''}`,
			value: String(e.id),
		}),
	}, filter, token);
}

async function searchUsers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList(this, {
		path: '/v1/users',
		listKey: 'users',
		searchParam: 'search',
		toItem: (u) => ({
			name: [fullName(u), u.email].filter(Boolean).join(' · ') || `User ${u.id}`,
			value: String(u.id),
		}),
	}, filter, token);
}

async function searchProducts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList(this, {
		path: '/v1/products',
		listKey: 'products',
		searchParam: 'search',
		toItem: (p) => ({ name: String(p.name ?? `Product ${p.id}`), value: String(p.id) }),
	}, filter, token);
}

async function searchTransactions(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList(this, {
		path: '/v1/transactions',
		searchParam: 'search',
		toItem: (t) => ({
			name: [t.name ?? t.email, t.value !== undefined ? String(t.value) : undefined, t.source].filter(Boolean).join(' · ') || `Transaction ${t.id}`,
			value: String(t.id),
		}),
	}, filter, token);
}

export const listSearch = {
	searchCalls,
	searchContacts,
	searchEvents,
	searchProducts,
	searchTransactions,
	searchUsers,
};
