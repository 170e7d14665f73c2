import type { IDataObject } from 'n8n-workflow';

import type { IClosedContext, IClosedRequest } from './request';
import { iClosedApiRequest } from './request';

/**
 * Reading lists page by page (iclosed-api.md §1.5): zero-based `page` + `limit`, no cursor.
 *
 * Envelopes differ per endpoint: `{data:{<list>:[…], count}}`, `{data:[…], count}` or a bare array,
 * so the list and the total are looked for in each of those places.
 */
export interface ListPage {
	items: IDataObject[];
	count?: number;
}

function asNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function extractListPage(body: unknown, listKey?: string): ListPage {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	if (typeof body !== 'object' || body === null) return { items: [] };
	const root = body as IDataObject;
	const data = root.data;
	const topCount = asNumber(root.count);
	if (Array.isArray(data)) return { items: data as IDataObject[], count: topCount };
	if (typeof data === 'object' && data !== null) {
		const inner = data as IDataObject;
		const count = asNumber(inner.count) ?? topCount;
		if (listKey && Array.isArray(inner[listKey])) return { items: inner[listKey] as IDataObject[], count };
		const firstArray = Object.values(inner).find(Array.isArray);
		if (firstArray) return { items: firstArray as IDataObject[], count };
	}
	if (listKey && Array.isArray(root[listKey])) return { items: root[listKey] as IDataObject[], count: topCount };
	return { items: [], count: topCount };
}

export interface PagedRequest extends IClosedRequest {
	/** Where the records sit inside `data`, e.g. `contacts`. */
	listKey?: string;
	/** The endpoint's maximum page size (100, or 200 for deals and products). */
	maxPageSize: number;
	/** Stop after this many records; undefined reads everything. */
	limit?: number;
	/** Send page/limit in the body instead of the query (none of iClosed's lists do today). */
	pageIn?: 'query' | 'body';
}

/** A fingerprint of a page, to notice an API that keeps serving the same page. */
function pageFingerprint(items: IDataObject[]): string {
	return items.map((item) => String(item.id ?? JSON.stringify(item))).join('|');
}

const MAX_PAGES = 100_000;

/** Reads pages until a short page, the total `count`, or the caller's limit is reached. */
export async function iClosedApiRequestAllItems(
	this: IClosedContext,
	request: PagedRequest,
): Promise<IDataObject[]> {
	const limit = request.limit;
	const pageSize = Math.max(1, Math.min(request.maxPageSize, limit ?? request.maxPageSize));
	const results: IDataObject[] = [];
	let previous: string | undefined;

	for (let page = 0; page < MAX_PAGES; page++) {
		const paging = { page, limit: pageSize };
		const body = await iClosedApiRequest.call(this, {
			...request,
			query: request.pageIn === 'body' ? request.query : { ...request.query, ...paging },
			body: request.pageIn === 'body' ? { ...(request.body as IDataObject), ...paging } : request.body,
		});
		const { items, count } = extractListPage(body, request.listKey);

		const fingerprint = pageFingerprint(items);
		if (items.length > 0 && fingerprint === previous) {
			this.logger.warn(`iClosed served page ${page} of ${request.path} twice; stopping there`);
			break;
		}
		previous = fingerprint;

		results.push(...items);
		if (limit !== undefined && results.length >= limit) return results.slice(0, limit);
		if (items.length < pageSize) break;
		if (count !== undefined && (page + 1) * pageSize >= count) break;
	}
	return results;
}
