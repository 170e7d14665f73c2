import type { IDataObject, INode, IWorkflowBase } from 'n8n-workflow';
import { Workflow, deepCopy } from 'n8n-workflow';

import { PackageNodeTypes } from './nodeTypes';

/**
 * An active one-node workflow as n8n holds it: the record it keeps in its database and the Workflow
 * its engine runs, sharing id, name and settings. Both trigger harnesses (hooks.ts, pollWorkflow.ts)
 * build theirs here, so they cannot drift apart.
 */
export function activeWorkflow(
	node: INode,
	options: { id: string; name: string; timezone?: string; staticData?: IDataObject },
): { workflowData: IWorkflowBase; workflow: Workflow } {
	const workflowData = {
		id: options.id,
		name: options.name,
		active: true,
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
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new PackageNodeTypes(),
		staticData: deepCopy(options.staticData ?? {}),
		settings: workflowData.settings,
	});
	return { workflowData, workflow };
}
