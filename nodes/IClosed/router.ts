import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../shared/nodeErrors';
import { findOperation } from '../shared/catalogue';
import { declaredOperation } from './execution/declaredOperation';
import { executeDeclared } from './execution/executeDeclared';
import { SPECIAL_OPERATIONS } from './operations/registry';

/**
 * The item loop. An operation in the special-operation registry runs its own code on the request its
 * declaration builds; every other one is the generic declared request. The
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
			const special = SPECIAL_OPERATIONS[`${resource}:${operation}`];
			const data = special
				? await special.call(this, i, await declaredOperation(this, i, declaration))
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
