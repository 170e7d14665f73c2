import type { IDataObject } from 'n8n-workflow';

import type { SpecialOperation } from '../../execution/declaredOperation';
import { requestedLimit } from '../../execution/executeDeclared';
import { listOf, send } from '../../../shared/declaredRequest';

/**
 * Custom Field → Get Many for All Objects. `GET /v1/fields/objects/all` answers
 * `{data:{CONTACT:[…], CALL:[…], …}}`, and its `limit` applies to each object type's slice (§2.8). One
 * item per field, with its `objectType`; pages are read until every slice comes back short, then the
 * node's Limit applies to the whole.
 */
const MAX_PAGES = 1000;

export const getFieldsOfAllObjects: SpecialOperation = async function (itemIndex, { declaration, request }) {
	const limit = requestedLimit(this, itemIndex);
	const pageSize = listOf(declaration).maxPageSize;
	const fields: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const body = (await send(this, { ...request, query: { ...request.query, page, limit: pageSize } })) as IDataObject;
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
};
