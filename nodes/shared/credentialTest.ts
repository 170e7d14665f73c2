import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { describeKeyShapeProblem, normalizeApiKey } from './apiKey';
import { resolveBaseUrl } from './baseUrl';
import { declarationOf } from './declaredRequest';
import { FORBIDDEN_MEANS } from './plans';

/**
 * The credential test, as a node method: a declarative test can only map status codes, and iClosed
 * answers 401 both for a missing/mis-prefixed key ("API key is required") and for an unknown one
 * ("Invalid API key"). One cheap read without personal data: the contact-stage field (§1.2), as the
 * catalogue declares it (Custom Field → Get Contact Stages).
 */
const CREDENTIAL_TEST_ENDPOINT = declarationOf('customField', 'getContactStages');
export const CREDENTIAL_TEST_PATH = CREDENTIAL_TEST_ENDPOINT.path;

interface FullResponse {
	statusCode: number;
	body: unknown;
}

function bodyMessage(body: unknown): string {
	if (typeof body === 'object' && body !== null) {
		const message = (body as IDataObject).message;
		if (typeof message === 'string') return message;
	}
	return typeof body === 'string' ? body : '';
}

/** For an unknown key: the environment is the first thing to check, said in the credential's own words. */
const ENVIRONMENT_HINT: Record<string, string> = {
	production: 'Check Environment: a key from iClosed’s development app works only with Development.',
	development: 'Check Environment: Development takes keys from iClosed’s development app only; other keys need Production.',
	custom: 'Check Environment and Base URL: Custom sends the key to the Base URL, which must be the iClosed API (or sandbox) that issued it; a key from iClosed itself needs Production.',
};

export function classifyCredentialTest(
	statusCode: number,
	body: unknown,
	apiKey: string,
	environment: string,
): INodeCredentialTestResult {
	if (statusCode >= 200 && statusCode < 300) {
		return { status: 'OK', message: `Connected to iClosed (${environment})` };
	}
	const message = bodyMessage(body).toLowerCase();
	if (statusCode === 401 && message.includes('expired')) {
		return { status: 'Error', message: 'This API key has expired. Create a new key in iClosed → Settings → Developer → API Keys.' };
	}
	if (statusCode === 401 && message.includes('required')) {
		const shape = describeKeyShapeProblem(apiKey);
		return {
			status: 'Error',
			message: `iClosed did not accept this as an API key ("API key is required"). ${shape ?? 'Paste the whole key, including its "iclosed_" prefix.'}`,
		};
	}
	if (statusCode === 401) {
		return {
			status: 'Error',
			message: `Wrong or revoked API key: iClosed does not know it ("Invalid API key"). ${ENVIRONMENT_HINT[environment] ?? ENVIRONMENT_HINT.production} Also check that the key has not been deleted in iClosed → Settings → Developer → API Keys.`,
		};
	}
	if (statusCode === 403) {
		return {
			status: 'Error',
			message: `${FORBIDDEN_MEANS}. The key itself is valid.`,
		};
	}
	if (statusCode === 429) {
		return { status: 'OK', message: 'The key works; iClosed is rate-limiting it right now.' };
	}
	if (statusCode === 404) {
		return { status: 'Error', message: `This base URL answered 404 for ${CREDENTIAL_TEST_PATH}: it does not look like the iClosed API. Check the environment or base URL.` };
	}
	return { status: 'Error', message: `iClosed answered HTTP ${statusCode}${message ? `: ${bodyMessage(body)}` : ''}. Try again later.` };
}

export async function testIClosedApiCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = normalizeApiKey(data.apiKey);
	const baseUrl = resolveBaseUrl(data);
	const environment = String(data.environment ?? 'production');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		return { status: 'Error', message: `The base URL "${baseUrl}" is not an http(s) URL, e.g. http://127.0.0.1:4010.` };
	}
	// Credential tests get only the legacy request() helper (ICredentialTestFunctions has no
	// httpRequest); `simple: false` hands back 4xx answers instead of throwing them.
	const { request } = this.helpers;
	try {
		const response = (await request({
			method: CREDENTIAL_TEST_ENDPOINT.method,
			uri: `${baseUrl}${CREDENTIAL_TEST_PATH}`,
			headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 15_000,
		})) as FullResponse;
		return classifyCredentialTest(response.statusCode, response.body, apiKey, environment);
	} catch (error) {
		const code =
			(error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? 'no answer';
		return {
			status: 'Error',
			message: `Could not reach iClosed at ${baseUrl} (${code}). Check the environment or base URL and the network.`,
		};
	}
}
