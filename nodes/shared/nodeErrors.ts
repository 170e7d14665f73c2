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

/**
 * The JSON of the item a failed input produces when the node is set to continue on fail:
 * `{ error: { message, statusCode?, description? } }`.
 *
 * `error` is its only key on purpose. n8n sends an item down the error output ("Continue (using error
 * output)") only when its JSON holds nothing but the error: `error` alone on n8n 1.x and up to 2.8,
 * `error`, `message` and `details` on 2.40. Any other key at the top keeps a failed item on the
 * success branch, so the status code and the advice sit inside `error`.
 */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const details: JsonObject = { message: error.message };
	const statusCode = (error as NodeApiError).httpCode;
	if (statusCode) details.statusCode = Number(statusCode);
	if (error.description) details.description = error.description;
	return { error: details };
}
