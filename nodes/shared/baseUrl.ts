import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** iClosed hosts per environment (iclosed-api.md §1.1); every route lives under /v1. */
export const IClosedEnvironmentUrl = {
	production: 'https://public.api.iclosed.io',
	development: 'https://public-dev.api.iclosed.io',
} as const;

export type IClosedEnvironment = keyof typeof IClosedEnvironmentUrl | 'custom';

/** The base URL (no trailing slash, no /v1) the credential points at. */
export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = (credentials.environment as IClosedEnvironment | undefined) ?? 'production';
	if (environment === 'custom') {
		const custom = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
		// Users paste the documented URL with or without /v1; our paths always add it.
		return custom.replace(/\/+$/, '').replace(/\/v1$/, '');
	}
	return IClosedEnvironmentUrl[environment] ?? IClosedEnvironmentUrl.production;
}
