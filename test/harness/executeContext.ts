import { ExecuteContext, ExecutionLifecycleHooks } from 'n8n-core';
import type { IExecuteFunctions, INode, IWorkflowBase } from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { TestCredentials } from './credentials';
import { ACTION_NODE_TYPE, PackageNodeTypes } from './nodeTypes';
import { additionalDataFor } from './runNode';

/**
 * n8n-core's real ExecuteContext for one iClosed node, for calling the shared transport directly:
 * `iClosedApiRequest.call(executeContextFor(creds), …)` goes through n8n's httpRequestWithAuthentication
 * and our credential's authenticate(), exactly as inside a node's execute().
 */
export function executeContextFor(credentials: TestCredentials): IExecuteFunctions {
	const node: INode = {
		id: '3f1b0c6e-0000-4000-8000-000000000002',
		name: 'iClosed',
		type: ACTION_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { iClosedApi: { id: 'cred-1', name: 'iClosed test' } },
	};
	const workflowData = {
		id: 'transport-test',
		name: 'transport test',
		active: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new PackageNodeTypes(),
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'transport-test', workflowData);
	const additionalData = additionalDataFor(credentials, hooks);
	const inputData = { main: [[{ json: {} }]] };
	return new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		[{ json: {} }],
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
}
