import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { extractListPage, iClosedApiRequestAllItems } from '../../shared/transport/pagination';
import { withoutSecrets } from '../../shared/secretFields';
import { iClosedApiRequest } from '../../shared/transport/request';
import type { OperationDeclaration } from '../../shared/catalogue/types';
import { hasSimplify } from '../../shared/catalogue/derived';
import { buildRequest } from './buildRequest';
import { shapeOutput } from '../wire/simplify';

/** Return All, or the Limit parameter (default 50). `undefined` means everything. */
export function requestedLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}

/** Simplify on (the default) unless the user turned it off; always on where it is not offered. */
export function wantsSimplified(ctx: IExecuteFunctions, itemIndex: number, declaration: OperationDeclaration): boolean {
	if (!hasSimplify(declaration)) return true;
	return ctx.getNodeParameter('simplify', itemIndex, declaration.simplifyDefault ?? true) as boolean;
}

/** The generic operation: one declared request (or pages of it), its answer shaped per declaration. */
export async function executeDeclared(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IDataObject | IDataObject[]> {
	const request = await buildRequest.call(this, itemIndex, declaration);
	const list = declaration.list;
	if (list) {
		const limit = requestedLimit(this, itemIndex);
		if (list.paged === false) {
			const body = await iClosedApiRequest.call(this, request);
			const { items } = extractListPage(body, list.listKey);
			return withoutSecrets(limit === undefined ? items : items.slice(0, limit));
		}
		const records = await iClosedApiRequestAllItems.call(this, {
			...request,
			listKey: list.listKey,
			maxPageSize: list.maxPageSize,
			limit,
		});
		return withoutSecrets(records);
	}
	const body = await iClosedApiRequest.call(this, request);
	return shapeOutput(declaration, body, wantsSimplified(this, itemIndex, declaration));
}
