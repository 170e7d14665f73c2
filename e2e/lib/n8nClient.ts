// End-to-end test code (never shipped): drives n8n through its internal REST API (/rest, cookie) and its
// public API (/api/v1, X-N8N-API-KEY), as a user's browser and scripts would. Request bodies are never
// echoed in errors: they can carry credential data.
import { request } from 'undici';

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	/** n8n wants 8–64 characters with a digit and an uppercase letter. */
	password: string;
}

export interface CredentialRef {
	id: string;
	name: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowBody {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface Execution {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	workflowId: string;
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
			error?: { message: string };
			lastNodeExecuted?: string;
		};
	};
}

export class N8nHttpError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly statusCode: number,
		readonly responseText: string,
	) {
		super(`${method} ${path} -> ${statusCode} ${responseText.slice(0, 500)}`);
	}
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class N8nClient {
	private cookie = '';

	private apiKey = '';

	constructor(readonly baseUrl: string) {}

	/** Internal API (`/rest/...`, `/types/...`) with the login cookie; `/rest` answers are unwrapped from `{data}`. */
	async rest<T>(method: Method, path: string, body?: unknown): Promise<T> {
		const json = await this.call(method, path, body, this.cookie ? { cookie: this.cookie } : {});
		return (path.startsWith('/rest/') ? (json as { data: T }).data : json) as T;
	}

	/** Public API (`/api/v1/...`) with the API key. */
	async api<T>(method: Method, path: string, body?: unknown): Promise<T> {
		return (await this.call(method, `/api/v1${path}`, body, { 'x-n8n-api-key': this.apiKey })) as T;
	}

	/** Claims a fresh instance (or logs in to one already set up, as `npm start` does on its second run). */
	async signIn(owner: Owner): Promise<void> {
		const settings = await this.rest<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/rest/settings');
		if (settings.userManagement?.showSetupOnFirstLoad !== false) {
			await this.rest('POST', '/rest/owner/setup', owner);
		}
		// No browser-id header: once sent, n8n ties the session to it.
		await this.rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}

	/** A public-API key with every scope the owner may grant. */
	async createApiKey(label: string): Promise<void> {
		const scopes = await this.rest<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/rest/api-keys', { label, scopes, expiresAt: null });
		this.apiKey = created.rawApiKey;
	}

	async nodeTypes(): Promise<Array<{ name: string; displayName: string; description?: string; version: number | number[]; properties?: unknown[] }>> {
		return await this.rest('GET', '/types/nodes.json');
	}

	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		return await this.rest('GET', '/types/credentials.json');
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef> {
		// allowedHttpRequestDomains: n8n 2.8.4's public-API schema rejects the body without it; 2.40.x ignores it.
		const created = await this.api<{ id: string; name: string }>('POST', '/credentials', {
			name,
			type,
			data: { allowedHttpRequestDomains: 'all', ...data },
		});
		return { id: created.id, name: created.name };
	}

	/** The editor's "Test" button: runs the node's `credentialTest` method for these credential values. */
	async testCredential(ref: CredentialRef, type: string, data: Record<string, unknown>): Promise<CredentialTestResult> {
		return await this.rest('POST', '/rest/credentials/test', { credentials: { ...ref, type, data } });
	}

	async createWorkflow(body: WorkflowBody): Promise<{ id: string }> {
		return await this.api('POST', '/workflows', { settings: { executionOrder: 'v1' }, ...body });
	}

	/** Replaces a workflow's name, nodes, connections and settings (the public API's PUT). */
	async updateWorkflow(id: string, body: WorkflowBody): Promise<void> {
		await this.api('PUT', `/workflows/${id}`, { settings: { executionOrder: 'v1' }, ...body });
	}

	async workflow(id: string): Promise<{ id: string; active: boolean; staticData?: unknown }> {
		return await this.api('GET', `/workflows/${id}`);
	}

	async listWorkflows(): Promise<Array<{ id: string; name: string; active: boolean }>> {
		return (await this.api<{ data: Array<{ id: string; name: string; active: boolean }> }>('GET', '/workflows?limit=250')).data;
	}

	async activate(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/activate`);
	}

	async deactivate(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/deactivate`);
	}

	/**
	 * The editor's "Execute workflow" button: a manual run from `triggerName`. n8n 2.8.4 wants the workflow
	 * in the body, 2.40.x reads it from the database and ignores the extra field. Returns the execution id.
	 */
	async runManually(workflowId: string, triggerName: string): Promise<string> {
		const workflowData = await this.rest<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`);
		const result = await this.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, {
			workflowData,
			triggerToStartFrom: { name: triggerName },
		});
		if (!result.executionId) throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(result)}`);
		return String(result.executionId);
	}

	async execution(id: string): Promise<Execution> {
		return await this.api('GET', `/executions/${id}?includeData=true`);
	}

	/** Every saved execution of a workflow, newest first, with its run data. */
	async executions(workflowId: string): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const query = `workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
			const page = await this.api<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	private async call(method: Method, path: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
		const res = await request(`${this.baseUrl}${path}`, {
			method,
			headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
			// No keep-alive: n8n restarts mid-suite, and a pooled socket would die with it.
			reset: true,
		});
		const setCookie = res.headers['set-cookie'];
		const auth = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await res.body.text();
		if (res.statusCode >= 400) throw new N8nHttpError(method, path, res.statusCode, text);
		return text ? JSON.parse(text) : undefined;
	}
}
