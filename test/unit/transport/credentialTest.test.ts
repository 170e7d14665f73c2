import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { IClosedApi } from '../../../credentials/IClosedApi.credentials';
import { resolveBaseUrl } from '../../../nodes/shared/baseUrl';
import { CREDENTIAL_TEST_PATH, classifyCredentialTest, testIClosedApiCredential } from '../../../nodes/shared/credentialTest';
import { ScriptedServer } from '../../harness/scriptedServer';

describe('iClosed API credential', () => {
	const server = new ScriptedServer();
	beforeAll(async () => await server.start());
	afterEach(() => server.reset());
	afterAll(async () => await server.stop());

	const test = async (data: ICredentialDataDecryptedObject) =>
		await testIClosedApiCredential.call(new CredentialTestContext(), {
			id: '1',
			name: 'iClosed',
			type: 'iClosedApi',
			data: { environment: 'custom', baseUrl: server.baseUrl, ...data },
		});

	describe('credential test', () => {
		it('passes with a working key, reading the contact stages once', async () => {
			server.answer({ status: 200, body: { id: 1, name: 'Contact stage', CustomFieldOptions: [] } });
			await expect(test({ apiKey: 'iclosed_good' })).resolves.toEqual({ status: 'OK', message: 'Connected to iClosed (custom)' });
			expect(server.seen.map((s) => [s.method, s.url, s.headers.authorization])).toEqual([
				['GET', CREDENTIAL_TEST_PATH, 'Bearer iclosed_good'],
			]);
		});

		it('calls a wrong or revoked key what it is (401 "Invalid API key")', async () => {
			server.answer({ status: 401, body: { message: 'Invalid API key' } });
			const result = await test({ apiKey: 'iclosed_revoked' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Wrong or revoked API key/);
			expect(result.message).toMatch(/Check Environment and Base URL/);
			expect(result.message).not.toMatch(/custom key/);
		});

		it.each([
			['production', /Check Environment: a key from iClosed’s development app works only with Development/],
			['development', /Check Environment: Development takes keys from iClosed’s development app only/],
		])('points a wrong key on %s at the Environment', (environment, hint) => {
			// These environments have fixed public base URLs: the classifier is checked on iClosed's answer.
			expect(classifyCredentialTest(401, { message: 'Invalid API key' }, 'iclosed_x', environment).message).toMatch(hint);
		});

		it('explains a missing prefix (401 "API key is required") and what keys look like', async () => {
			server.answer({ status: 401, body: { message: 'API key is required' } });
			const result = await test({ apiKey: 'iclosed-hyphenated' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/did not accept this as an API key/);
			expect(result.message).toMatch(/start with "iclosed_" \(underscore\)/);
			expect(result.message).not.toContain('iclosed-hyphenated');
		});

		it('tells a plan without API access apart (403)', async () => {
			server.answer({ status: 403, body: { message: 'Forbidden', code: 'FORBIDDEN' } });
			const result = await test({ apiKey: 'iclosed_startup_plan' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/plan may not include API access/);
		});

		it('says an expired key has expired', async () => {
			server.answer({ status: 401, body: { message: 'API key expired' } });
			expect((await test({ apiKey: 'iclosed_old' })).message).toMatch(/has expired/);
		});

		it('names an unreachable base URL', async () => {
			const result = await testIClosedApiCredential.call(new CredentialTestContext(), {
				id: '1',
				name: 'iClosed',
				type: 'iClosedApi',
				data: { environment: 'custom', baseUrl: 'http://127.0.0.1:9', apiKey: 'iclosed_x' },
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Could not reach iClosed at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/);
		});

		it('sends a pasted "Bearer " key and stray spaces as the bare key', async () => {
			server.answer({ status: 200, body: {} });
			await test({ apiKey: '  Bearer iclosed_pasted \n' });
			expect(server.seen[0].headers.authorization).toBe('Bearer iclosed_pasted');
		});
	});

	describe('authenticate', () => {
		it('adds the bearer header to every request, keeping other headers', async () => {
			const options = await new IClosedApi().authenticate(
				{ apiKey: ' iclosed_k ' },
				{ url: 'https://public.api.iclosed.io/v1/users', headers: { Accept: 'application/json' } },
			);
			expect(options.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer iclosed_k' });
		});
	});

	describe('base URL', () => {
		it.each([
			[{ environment: 'production' }, 'https://public.api.iclosed.io'],
			[{ environment: 'development' }, 'https://public-dev.api.iclosed.io'],
			[{}, 'https://public.api.iclosed.io'],
			[{ environment: 'custom', baseUrl: 'http://127.0.0.1:4010/v1/' }, 'http://127.0.0.1:4010'],
			[{ environment: 'custom', baseUrl: ' https://sandbox.example.com ' }, 'https://sandbox.example.com'],
		])('resolves %j to %s', (data, url) => {
			expect(resolveBaseUrl(data)).toBe(url);
		});
	});
});
