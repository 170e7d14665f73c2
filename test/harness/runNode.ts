import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { TestCredentials } from './credentials';
import { TestCredentialsHelper, credentialData } from './credentials';
import { ACTION_NODE_TYPE, PackageNodeTypes } from './nodeTypes';

export interface RunNodeOptions {
	parameters: INodeParameters;
	credentials: TestCredentials;
	/** Input items; one empty item (what a Manual Trigger emits) by default. */
	items?: IDataObject[];
	/** Shorthand for `onError: 'continueRegularOutput'` (the node setting "Continue"). */
	continueOnFail?: boolean;
	/** The node's On Error setting; `continueErrorOutput` gives it a second (error) output. */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	nodeType?: string;
	timezone?: string;
}

export interface RunNodeResult {
	/** The items of the first (success) output. */
	items: INodeExecutionData[];
	/** Every output, as n8n's engine routed the items (index 1 is the error output with continueErrorOutput). */
	outputs: INodeExecutionData[][];
	/** The node's error when the run failed (continueOnFail off). */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

const NODE_NAME = 'iClosed';

export function additionalDataFor(
	credentials: TestCredentials,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentialData(credentials)),
		hooks,
		executionId: 'test-execution',
		currentNodeParameters: undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs one node of ours in n8n-core's real WorkflowExecute, fed `items` as if from a Manual Trigger,
 * with an iClosedApi credential pointing at `credentials.baseUrl`. Requests go through n8n's own
 * httpRequestWithAuthentication and our credential's authenticate().
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const node: INode = {
		id: '3f1b0c6e-0000-4000-8000-000000000001',
		name: NODE_NAME,
		type: options.nodeType ?? ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { iClosedApi: { id: 'cred-1', name: 'iClosed test' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.onError ? { onError: options.onError } : {}),
	};
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1', timezone: options.timezone ?? 'UTC' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: new PackageNodeTypes(),
		settings: workflowData.settings,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const input: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalDataFor(options.credentials, hooks), 'manual', runData);
	await execute.processRunExecutionData(workflow);
	const run = await done;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	const error = (run.data.resultData.error ?? taskData?.error) as RunNodeResult['error'];
	return { items: outputs[0] ?? [], outputs, error, run };
}
