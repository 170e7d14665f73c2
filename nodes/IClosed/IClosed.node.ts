import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ICLOSED_APP_DESCRIPTION } from '../shared/appDescription';
import { testIClosedApiCredential } from '../shared/credentialTest';
import { CATALOGUE } from '../shared/catalogue';
import { buildProperties } from './description/properties';
import { subtitleExpression } from './description/subtitle';
import { route } from './router';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';

export class IClosed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iClosed',
		name: 'iClosed',
		icon: { light: 'file:../../icons/iclosed.svg', dark: 'file:../../icons/iclosed.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(CATALOGUE),
		description: ICLOSED_APP_DESCRIPTION,
		defaults: { name: 'iClosed' },
		documentationUrl: 'https://github.com/iclosed-community/n8n-nodes-iclosed#operations',
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iClosedApi', required: true, testedBy: 'iClosedApiTest' }],
		properties: buildProperties(CATALOGUE),
	};

	methods = {
		credentialTest: { iClosedApiTest: testIClosedApiCredential },
		listSearch,
		loadOptions,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
