import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { IClosedRequest } from '../../shared/transport/request';
import type { OperationDeclaration } from '../../shared/catalogue/types';
import { buildRequest, rawParameter } from './buildRequest';

/**
 * The contract of a special operation (one that is more than one request, see operations/registry.ts):
 * it receives its declaration and the request that declaration builds for the item, and returns the
 * item's record(s). It sends that request, or requests to other declared endpoints, through
 * shared/declaredRequest.ts, so no method or path is written in it.
 */
export interface DeclaredOperation {
	declaration: OperationDeclaration;
	/** The declared request with this item's parameters read, checked and converted. */
	request: IClosedRequest;
	/** A parameter's value as the user gave it, before conversion (see `rawParameter`). */
	raw(name: string): unknown;
}

export type SpecialOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
	operation: DeclaredOperation,
) => Promise<IDataObject | IDataObject[]>;

export async function declaredOperation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<DeclaredOperation> {
	return {
		declaration,
		request: await buildRequest.call(ctx, itemIndex, declaration),
		raw: (name) => rawParameter(ctx, itemIndex, declaration, name),
	};
}
