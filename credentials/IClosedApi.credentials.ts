import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { normalizeApiKey } from '../nodes/shared/apiKey';

/**
 * iClosed API key credential. Tested by the nodes' `iClosedApiTest` method (nodes/shared/credentialTest.ts),
 * because a declarative test cannot tell iClosed's two 401 messages apart.
 */
export class IClosedApi implements ICredentialType {
	name = 'iClosedApi';

	displayName = 'iClosed API';

	icon: Icon = { light: 'file:../icons/iclosed.svg', dark: 'file:../icons/iclosed.dark.svg' };

	documentationUrl = 'https://github.com/iclosed-community/n8n-nodes-iclosed#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. iclosed_AbCdEf123…',
			hint: 'Create it in iClosed → Settings → Developer → API Keys. iClosed keys start with "iclosed_".',
			description:
				'The key is sent as "Authorization: Bearer <key>". Surrounding spaces and a pasted "Bearer " are ignored.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			description: 'Which iClosed API the key belongs to. Keys only work in the environment they were created in.',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'https://public.api.iclosed.io',
				},
				{
					name: 'Development',
					value: 'development',
					description: 'https://public-dev.api.iclosed.io (keys from the development app only)',
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another base URL, e.g. a local sandbox',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:4010',
			description: 'The API root without /v1',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional, for the iClosed Trigger: a secret iClosed shows you for signing webhook deliveries. No one has seen iClosed sign deliveries so far, so this is usually left empty. Kept here, encrypted by n8n, instead of in the workflow.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${normalizeApiKey(credentials.apiKey)}`,
			},
		};
	}
}
