import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { iClosedApiRequest } from '../../shared/transport/request';
import type { OperationDeclaration } from '../catalogue/types';
import { buildRequest } from './buildRequest';
import { requestedLimit } from './executeDeclared';

/**
 * `GET /v1/fields/objects/all` answers `{data:{CONTACT:[…], CALL:[…], …}}`, and its `limit` applies to
 * each object type's slice (§2.8). One item per field, with its `objectType`; pages are read until
 * every slice comes back short, then the node's Limit applies to the whole.
 */
const MAX_PAGES = 1000;

export async function getFieldsOfAllObjects(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IDataObject[]> {
	const request = await buildRequest.call(this, itemIndex, declaration);
	const limit = requestedLimit(this, itemIndex);
	const pageSize = declaration.list?.maxPageSize ?? 100;
	const fields: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = (await iClosedApiRequest.call(this, {
			...request,
			query: { ...request.query, page, limit: pageSize },
		})) as IDataObject;
		const groups = (body?.data ?? {}) as IDataObject;
		let full = false;
		for (const [objectType, slice] of Object.entries(groups)) {
			if (!Array.isArray(slice)) continue;
			for (const field of slice as IDataObject[]) fields.push({ objectType, ...field });
			if (slice.length >= pageSize) full = true;
		}
		if (!full || (limit !== undefined && fields.length >= limit)) break;
	}
	return limit === undefined ? fields : fields.slice(0, limit);
}
