import type { IDataObject, INode, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { storedSecrets } from './staticData';

/**
 * The trigger's iClosed API credential is optional: Automatic registration needs it for the API calls,
 * Manual registration only for a webhook signing secret (kept in the credential, where n8n encrypts
 * secrets, instead of in the workflow's JSON) and for listing booking pages in the filter.
 */
export const CREDENTIAL_TYPE = 'iClosedApi';

/** The credential field holding a webhook signing secret, if iClosed ever gives the user one. */
export const CREDENTIAL_SECRET_FIELD = 'webhookSigningSecret';

export function hasApiCredential(ctx: { getNode(): INode }): boolean {
	return Boolean(ctx.getNode().credentials?.[CREDENTIAL_TYPE]);
}

/** Automatic registration without a credential: say what to do instead of n8n's "Node does not require credentials". */
export function requireApiCredential(ctx: { getNode(): INode }): void {
	if (hasApiCredential(ctx)) return;
	throw new NodeOperationError(ctx.getNode(), 'Automatic registration needs an iClosed API credential', {
		description:
			'Choose an iClosed API credential in the node, or set Registration to Manual and register the webhook URL in iClosed → Settings → Developer → Webhooks yourself.',
	});
}

async function credentialSecret(ctx: IWebhookFunctions): Promise<string> {
	if (!hasApiCredential(ctx)) return '';
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const secret = credentials[CREDENTIAL_SECRET_FIELD];
		return typeof secret === 'string' ? secret.trim() : '';
	} catch (error) {
		// The message names the credential, never its content.
		ctx.logger.warn(`iClosed Trigger could not read its iClosed API credential: ${(error as Error).message}`);
		return '';
	}
}

/**
 * Every signing secret known for this trigger: the credential's, then the deprecated Options → Signing
 * Secret parameter (stored in the workflow JSON; still read so existing workflows keep working), then
 * any secret iClosed returned when the node registered the webhook.
 */
export async function knownSigningSecrets(ctx: IWebhookFunctions, options: IDataObject): Promise<string[]> {
	const typed = typeof options.signingSecret === 'string' ? options.signingSecret.trim() : '';
	const secrets = [await credentialSecret(ctx), typed, ...storedSecrets(ctx.getWorkflowStaticData('node'))];
	return [...new Set(secrets.filter((secret) => secret !== ''))];
}
