import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../shared/nodeErrors';
import { findOperation } from './catalogue';
import { executeDeclared } from './execution/executeDeclared';

/**
 * The item loop. Every operation meets one contract, `(itemIndex, declaration) → record(s)`; the
 * router owns `continueOnFail` (an `{ error: { message, statusCode, description } }` item per failed
 * input, which n8n can route to the error output) and `pairedItem`.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const declaration = findOperation(resource, operation);
			if (!declaration) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, {
					itemIndex: i,
					description: 'Choose the resource and operation again. A workflow made with a newer n8n-nodes-iclosed may need that version.',
				});
			}
			const data = declaration.execute
				? await declaration.execute.call(this, i, declaration)
				: await executeDeclared.call(this, i, declaration);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(data), {
					itemData: { item: i },
				}),
			);
		} catch (caught) {
			const error = toNodeError(this.getNode(), caught, i);
			if (!this.continueOnFail()) throw error;
			output.push({ json: errorItemJson(error), pairedItem: { item: i } });
		}
	}
	return [output];
}
