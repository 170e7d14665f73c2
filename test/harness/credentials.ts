import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { IClosedApi } from '../../credentials/IClosedApi.credentials';

/** What a test's iClosedApi credential holds; `baseUrl` points at the fake iClosed server. */
export interface TestCredentials {
	apiKey: string;
	baseUrl: string;
	environment?: 'production' | 'development' | 'custom';
	/** The optional webhook signing secret the trigger reads. */
	webhookSigningSecret?: string;
}

export function credentialData(credentials: TestCredentials): ICredentialDataDecryptedObject {
	return { environment: 'custom', ...credentials };
}

/**
 * The slice of n8n's CredentialsHelper the engine needs: hand out the decrypted credential and apply
 * the credential type's own `authenticate` — the code n8n runs, not a stand-in for it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly type = new IClosedApi();

	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		if (typeName !== this.type.name) throw new Error(`Unexpected credential type ${typeName}`);
		return await this.type.authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	/** How many times any node asked for the decrypted credential (n8n decrypts it on every such read). */
	static decryptions = 0;

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		TestCredentialsHelper.decryptions++;
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.type.properties;
	}
}
