// Test code, never shipped: it may use Node's module loader.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createRequire } from 'node:module';

import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { forgetProcessMemory } from '../../nodes/IClosedTrigger/dedupe';
import { activeWorkflow } from './activeWorkflow';
import type { TestCredentials } from './credentials';
import { PackageNodeTypes, TRIGGER_NODE_TYPE } from './nodeTypes';
import { additionalDataFor } from './runNode';

/**
 * n8n-core's real HookContext and WebhookContext for the iClosed Trigger, built the way n8n's
 * WebhookService builds them (n8n 2.8.4 `webhooks/webhook.service.js` runWebhookMethod/runWebhook):
 * so getWorkflowStaticData, getNodeWebhookUrl (test vs production URL) and
 * helpers.httpRequestWithAuthentication are n8n's own code, and requests go through our credential.
 */

export const TRIGGER_NODE_NAME = 'iClosed Trigger';
export const WEBHOOK_ID = '5b2c4a8e-7f1d-4c3b-9a6e-0d2f8e1c7b40';

export type LifecycleMethod = 'checkExists' | 'create' | 'delete';

export interface TriggerSetup {
	parameters: INodeParameters;
	/** Omit for a node without a credential (Manual registration). */
	credentials?: TestCredentials;
	/** The workflow's static data as n8n would load it from the database. */
	staticData?: IDataObject;
	webhookId?: string;
	/** Where n8n is reachable (its webhook URLs start here); default http://127.0.0.1:5678. */
	n8nBaseUrl?: string;
	/** Kept across restart(); every new TriggerWorkflow is otherwise a workflow of its own. */
	workflowId?: string;
}

let workflowCount = 0;

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: unknown;
}

/**
 * One workflow holding the trigger, as n8n keeps it between lifecycle calls and deliveries.
 * `restart()` builds a fresh one from a JSON copy of the static data: what n8n reloads from its
 * database after a restart.
 */
export class TriggerWorkflow {
	readonly node: INode;

	readonly workflow: Workflow;

	private readonly workflowData: IWorkflowBase;

	constructor(readonly setup: TriggerSetup) {
		this.node = {
			id: '3f1b0c6e-0000-4000-8000-000000000002',
			name: TRIGGER_NODE_NAME,
			type: TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: setup.webhookId ?? WEBHOOK_ID,
			parameters: setup.parameters,
			...(setup.credentials ? { credentials: { iClosedApi: { id: 'cred-1', name: 'iClosed test' } } } : {}),
		};
		({ workflowData: this.workflowData, workflow: this.workflow } = activeWorkflow(this.node, {
			id: setup.workflowId ?? `trigger-workflow-${++workflowCount}`,
			name: 'trigger test',
			staticData: setup.staticData,
		}));
	}

	/** The node's static data as plain JSON (what n8n would save). */
	nodeStaticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.node))) as IDataObject;
	}

	/** All of the workflow's static data as plain JSON. */
	staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	/** The same workflow after an n8n restart (static data survives), optionally with other parameters. */
	restart(changes: Partial<TriggerSetup> = {}): TriggerWorkflow {
		// A restarted n8n process remembers nothing but what it saved in the database.
		forgetProcessMemory();
		return new TriggerWorkflow({
			...this.setup,
			workflowId: this.workflowData.id,
			staticData: this.staticData(),
			...changes,
		});
	}

	/**
	 * The same workflow as a later request in the same n8n process sees it when n8n has not saved this
	 * request's static data yet (n8n 2.40 answers before saving, and may serve a cached copy).
	 */
	reloadedBeforeSave(): TriggerWorkflow {
		return new TriggerWorkflow({ ...this.setup, workflowId: this.workflowData.id });
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		const credentials = this.setup.credentials ?? { apiKey: '', baseUrl: 'http://127.0.0.1:9' };
		const hooks = new ExecutionLifecycleHooks('webhook', 'test-execution', this.workflowData);
		const additionalData = additionalDataFor(credentials, hooks);
		if (this.setup.n8nBaseUrl) {
			additionalData.webhookBaseUrl = `${this.setup.n8nBaseUrl}/webhook`;
			additionalData.webhookTestBaseUrl = `${this.setup.n8nBaseUrl}/webhook-test`;
		}
		return additionalData;
	}

	webhookDescription(): IWebhookDescription {
		const type = new PackageNodeTypes().getByNameAndVersion(TRIGGER_NODE_TYPE, 1);
		const description = type.description.webhooks?.find((w) => w.name === 'default');
		if (!description) throw new Error('The trigger declares no default webhook');
		return description;
	}

	webhookData(isTest: boolean, additionalData = this.additionalData()): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: this.webhookDescription(),
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	/** The HookContext n8n passes to checkExists/create/delete (test listener when `isTest`). */
	hookContext(options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}): HookContext {
		const additionalData = this.additionalData();
		const mode: WorkflowExecuteMode = options.isTest ? 'manual' : 'trigger';
		return new HookContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			options.activation ?? 'activate',
			this.webhookData(options.isTest ?? false, additionalData),
		);
	}

	webhookUrl(isTest = false): string {
		const url = this.hookContext({ isTest }).getNodeWebhookUrl('default');
		if (!url) throw new Error('No webhook URL');
		return url;
	}

	async run(method: LifecycleMethod, options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}) {
		const type = new PackageNodeTypes().getByNameAndVersion(TRIGGER_NODE_TYPE, 1);
		const fn = type.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`The trigger has no ${method}`);
		return await fn.call(this.hookContext(options));
	}

	/** What n8n does on activation: checkExists, then create only when it answered false. */
	async activate(options: { isTest?: boolean; activation?: WorkflowActivateMode } = {}): Promise<void> {
		if (!(await this.run('checkExists', options))) await this.run('create', options);
	}

	async deactivate(options: { isTest?: boolean } = {}): Promise<boolean> {
		return (await this.run('delete', { ...options, activation: 'update' })) as boolean;
	}

	/**
	 * Runs webhook() in a real WebhookContext for a request/response pair shaped like the ones n8n's
	 * webhook server hands over (see webhookReceiver.ts). `mode` is 'webhook' for production URLs and
	 * 'manual' for the editor's test listener.
	 */
	async receive(
		httpRequest: unknown,
		httpResponse: unknown,
		mode: WorkflowExecuteMode = 'webhook',
	): Promise<IWebhookResponseData> {
		const additionalData = this.additionalData();
		additionalData.httpRequest = httpRequest as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = httpResponse as IWorkflowExecuteAdditionalData['httpResponse'];
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			this.webhookData(mode === 'manual', additionalData),
			[],
			null,
		);
		const type = new PackageNodeTypes().getByNameAndVersion(TRIGGER_NODE_TYPE, 1);
		if (!type.webhook) throw new Error('The trigger has no webhook()');
		return await type.webhook.call(context);
	}
}

/**
 * Captures what nodes log through `this.logger` (n8n-core hands out the DI container's Logger), so
 * tests can assert that failures are reported and that no secret is ever written.
 */
interface DiContainer {
	get(token: unknown): unknown;
	set(token: unknown, value: unknown): void;
}

/** n8n-core ships its own copies of @n8n/di and @n8n/backend-common; its contexts read THOSE. */
function coreContainer(): { Container: DiContainer; Logger: unknown } {
	const coreRequire = createRequire(require.resolve('n8n-core'));
	const { Container } = coreRequire('@n8n/di') as { Container: DiContainer };
	const { Logger } = coreRequire('@n8n/backend-common') as { Logger: unknown };
	return { Container, Logger };
}

export function captureLogs(): { lines: LogLine[]; text: () => string; restore: () => void } {
	const { Container, Logger } = coreContainer();
	const original = Container.get(Logger);
	const lines: LogLine[] = [];
	const record = (level: LogLine['level']) => (message: string, metadata?: unknown) => {
		lines.push({ level, message, metadata });
	};
	const capturing = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => capturing,
	};
	// n8n-core reads Container.get(Logger) on every `this.logger` access, so swapping the instance is enough.
	Container.set(Logger, capturing);
	return {
		lines,
		text: () => lines.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.metadata ?? '')}`).join('\n'),
		restore: () => Container.set(Logger, original),
	};
}
