import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { IClosed } from '../../nodes/IClosed/IClosed.node';
import { IClosedPollingTrigger } from '../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node';
import { IClosedTrigger } from '../../nodes/IClosedTrigger/IClosedTrigger.node';

export const ACTION_NODE_TYPE = 'n8n-nodes-iclosed.iClosed';
export const TRIGGER_NODE_TYPE = 'n8n-nodes-iclosed.iClosedTrigger';
export const POLLING_TRIGGER_NODE_TYPE = 'n8n-nodes-iclosed.iClosedPollingTrigger';

/** Our node types, under the names n8n gives them when the package is installed. */
export class PackageNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType> = {
		[ACTION_NODE_TYPE]: new IClosed(),
		[TRIGGER_NODE_TYPE]: new IClosedTrigger(),
		[POLLING_TRIGGER_NODE_TYPE]: new IClosedPollingTrigger(),
	};

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}
