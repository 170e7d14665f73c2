import type { IDataObject } from 'n8n-workflow';

import { IClosedInputError } from './inputError';
import { extractListPage, iClosedApiRequestAllItems } from './transport/pagination';
import type { IClosedContext, IClosedRequest } from './transport/request';
import { iClosedApiRequest } from './transport/request';
import { findOperation } from './catalogue';
import type { ListDeclaration, OperationDeclaration, ResourceKey } from './catalogue/types';

/**
 * The only place a request outside the generic executor gets its method, path, list key and page size:
 * the catalogue's declaration of the endpoint it calls. Special operations, locators, list searches and
 * dropdowns send everything through here, so an endpoint fact is never typed twice.
 */

export type RequestParts = Omit<IClosedRequest, 'method' | 'path'> & {
	/** Values for the `{name}` segments of the declared path. */
	pathParams?: IDataObject;
};

/** A declaration of the catalogue; a missing one is a bug in the node, not in the workflow. */
export function declarationOf(resource: ResourceKey, operation: string): OperationDeclaration {
	const declaration = findOperation(resource, operation);
	if (!declaration) throw new Error(`The catalogue declares no ${resource}:${operation}`);
	return declaration;
}

/** The list an endpoint declares (where its records sit, its largest page). */
export function listOf(declaration: OperationDeclaration): ListDeclaration {
	if (!declaration.list) throw new Error(`${declaration.resource}:${declaration.value} is not a list`);
	return declaration.list;
}

/** A declared path with its `{name}` segments filled (each value URL-encoded). */
export function fillPath(template: string, values: IDataObject = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => {
		const value = values[key];
		if (value === undefined) throw new IClosedInputError(`${key} is required`, `Set ${key}: it is part of the request's path.`);
		return encodeURIComponent(String(value));
	});
}

export function requestTo(declaration: OperationDeclaration, parts: RequestParts = {}): IClosedRequest {
	const { pathParams, ...request } = parts;
	return { ...request, method: declaration.method, path: fillPath(declaration.path, pathParams) };
}

/** Sends a request built from a declaration (by `requestTo` or the request builder). */
export async function send(ctx: IClosedContext, request: IClosedRequest): Promise<unknown> {
	return await iClosedApiRequest.call(ctx, request);
}

/** Every record of a declared list, page by page at its declared size, up to `limit`. */
export async function readList(
	ctx: IClosedContext,
	declaration: OperationDeclaration,
	parts: RequestParts & { limit?: number } = {},
): Promise<IDataObject[]> {
	const { listKey, maxPageSize } = listOf(declaration);
	return await iClosedApiRequestAllItems.call(ctx, { ...requestTo(declaration, parts), listKey, maxPageSize });
}

/** The records of one answer of a declared list (one page, as asked for in `parts`). */
export async function readListPage(
	ctx: IClosedContext,
	declaration: OperationDeclaration,
	parts: RequestParts = {},
): Promise<IDataObject[]> {
	return extractListPage(await send(ctx, requestTo(declaration, parts)), listOf(declaration).listKey).items;
}
