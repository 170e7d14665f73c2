import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { extractListPage } from '../shared/transport/pagination';
import { iClosedApiRequest } from '../shared/transport/request';
import type { PageWindow } from './pageWindow';
import type { ListSpec } from './sources';

/** One page of a list, with iClosed's own clock from the answer's `Date` header when it sent one. */
export interface ListPageRead {
	items: IDataObject[];
	count?: number;
	/** iClosed's "now" (ms), or undefined without a valid `Date` header. */
	serverNow?: number;
}

export function serverTime(headers: IDataObject): number | undefined {
	const value = headers.date ?? headers.Date;
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

export async function readListPage(
	ctx: IPollFunctions,
	list: ListSpec,
	query: IDataObject,
	window: PageWindow,
	deadline: number,
): Promise<ListPageRead> {
	let serverNow: number | undefined;
	const body = await iClosedApiRequest.call(ctx, {
		method: 'GET',
		path: list.path,
		query: { ...query, page: window.page, limit: window.limit },
		deadline,
		onHeaders: (headers) => {
			serverNow = serverTime(headers);
		},
	});
	return { ...extractListPage(body, list.listKey), serverNow };
}
