import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { testIClosedApiCredential } from '../shared/credentialTest';
import { errorItemJson, toNodeError } from '../shared/nodeErrors';
import { iClosedApiRequestAllItems } from '../shared/transport/pagination';

export class IClosed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iClosed',
		name: 'iClosed',
		icon: { light: 'file:../../icons/iclosed.svg', dark: 'file:../../icons/iclosed.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Book calls, manage contacts, deals and outcomes in iClosed',
		defaults: { name: 'iClosed' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iClosedApi', required: true, testedBy: 'iClosedApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['user'] } },
				options: [
					{
						name: 'Get Many',
						value: 'getMany',
						action: 'Get many users',
						description: 'List the users (closers and setters) of the iClosed account',
					},
				],
				default: 'getMany',
			},
		],
	};

	methods = { credentialTest: { iClosedApiTest: testIClosedApiCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				if (operation !== 'getMany') {
					throw new NodeOperationError(this.getNode(), `Unknown operation ${operation}`, { itemIndex: i });
				}
				const users: IDataObject[] = await iClosedApiRequestAllItems.call(this, {
					method: 'GET',
					path: '/v1/users',
					listKey: 'users',
					maxPageSize: 100,
					itemIndex: i,
				});
				output.push(...users.map((json) => ({ json, pairedItem: { item: i } })));
			} catch (caught) {
				const error = toNodeError(this.getNode(), caught, i);
				if (!this.continueOnFail()) throw error;
				output.push({ json: errorItemJson(error), pairedItem: { item: i } });
			}
		}
		return [output];
	}
}
