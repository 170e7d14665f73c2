import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeParameters, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { TestCredentials } from './credentials';
import { PackageNodeTypes } from './nodeTypes';
import { additionalDataFor } from './runNode';

export interface LoadOptionsSetup {
	nodeType: string;
	nodeName: string;
	/** The node's current parameters (what the editor sends with a dropdown or search request). */
	parameters?: INodeParameters;
	credentials: TestCredentials;
	/** false: the node has no credential chosen (the trigger's Manual registration allows that). */
	withCredential?: boolean;
}

/**
 * n8n-core's real LoadOptionsContext, as the editor uses it for "From list" searches and dropdowns.
 */
export function loadOptionsContextFor(setup: LoadOptionsSetup): ILoadOptionsFunctions {
	const parameters = setup.parameters ?? {};
	const node: INode = {
		id: '3f1b0c6e-0000-4000-8000-000000000003',
		name: setup.nodeName,
		type: setup.nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...(setup.withCredential === false ? {} : { credentials: { iClosedApi: { id: 'cred-1', name: 'iClosed test' } } }),
	};
	const workflow = new Workflow({ id: 'load-options', nodes: [node], connections: {}, active: false, nodeTypes: new PackageNodeTypes() });
	const hooks = new ExecutionLifecycleHooks('manual', 'load-options', { id: 'load-options', nodes: [node] } as unknown as IWorkflowBase);
	const additionalData = { ...additionalDataFor(setup.credentials, hooks), currentNodeParameters: parameters };
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
