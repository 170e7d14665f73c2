import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { IClosedInputError } from './inputError';

/**
 * Every error leaving an operation as an n8n error class, tied to its item, so the editor shows
 * message + description and `continueOnFail` can report the status code.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof IClosedInputError) {
		return new NodeOperationError(node, error.message, { itemIndex, description: error.description });
	}
	if (error instanceof Error) return new NodeOperationError(node, error, { itemIndex });
	return new NodeApiError(node, { message: String(error) } as JsonObject, { itemIndex });
}

/** The item a failed input produces when the node is set to continue on fail. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const json: JsonObject = { error: error.message };
	const statusCode = (error as NodeApiError).httpCode;
	if (statusCode) json.statusCode = Number(statusCode);
	if (error.description) json.description = error.description;
	return json;
}
