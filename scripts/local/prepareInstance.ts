// `npm start` / `npm run dev` (not shipped): makes a local n8n ready to use — the owner signed in, an
// API key for this session, the iClosed sandbox credential and the example workflows — without
// duplicating anything when it runs again on the same `.n8n-local` folder.
import { bindExample, exampleFiles, loadExample } from '../../e2e/lib/exampleWorkflows';
import type { CredentialRef, N8nClient, Owner } from '../../e2e/lib/n8nClient';
import { CREDENTIAL_TYPE } from '../../e2e/lib/packageNames';

/** A login for a local sandbox only; printed to the terminal on purpose. */
export const LOCAL_OWNER: Owner = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a throwaway login for a local sandbox, printed on purpose
	password: 'Sandbox-Passw0rd',
};

export const CREDENTIAL_NAME = 'iClosed sandbox';
const API_KEY_LABEL = 'npm start';

/** Replaces the previous session's API key, so keys do not pile up run after run. */
async function freshApiKey(client: N8nClient): Promise<void> {
	const keys = await client.rest<Array<{ id: string; label: string }>>('GET', '/rest/api-keys');
	for (const key of keys.filter((k) => k.label === API_KEY_LABEL)) await client.rest('DELETE', `/rest/api-keys/${key.id}`);
	await client.createApiKey(API_KEY_LABEL);
}

/** The sandbox credential (created once; its base URL and key never change). */
async function sandboxCredential(client: N8nClient, data: Record<string, unknown>): Promise<CredentialRef> {
	const existing = (await client.rest<Array<{ id: string; name: string; type: string }>>('GET', '/rest/credentials')).find(
		(c) => c.name === CREDENTIAL_NAME && c.type === CREDENTIAL_TYPE,
	);
	if (existing) return { id: existing.id, name: existing.name };
	return await client.createCredential(CREDENTIAL_NAME, CREDENTIAL_TYPE, data);
}

/** Imports each example workflow not imported yet (matched by name); returns the names it imported. */
async function importExamples(client: N8nClient, credential: CredentialRef): Promise<string[]> {
	const present = new Set((await client.listWorkflows()).map((w) => w.name));
	const imported: string[] = [];
	for (const file of exampleFiles()) {
		const workflow = loadExample(file);
		if (present.has(workflow.name)) continue;
		await client.createWorkflow(bindExample(workflow, credential));
		imported.push(workflow.name);
	}
	return imported;
}

export interface PreparedInstance {
	credential: CredentialRef;
	imported: string[];
}

export async function prepareInstance(client: N8nClient, credentialData: Record<string, unknown>): Promise<PreparedInstance> {
	await client.signIn(LOCAL_OWNER);
	await freshApiKey(client);
	const credential = await sandboxCredential(client, credentialData);
	return { credential, imported: await importExamples(client, credential) };
}
