import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowBase,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, deepCopy } from 'n8n-workflow';

import { activeWorkflow } from './activeWorkflow';
import type { TestCredentials } from './credentials';
import { PackageNodeTypes, POLLING_TRIGGER_NODE_TYPE } from './nodeTypes';
import { additionalDataFor } from './runNode';

/**
 * The iClosed Polling Trigger in a workflow as n8n keeps it while active, with n8n-core's real
 * PollContext (static data, credentials, httpRequestWithAuthentication). What n8n does around poll()
 * is copied from n8n 2.8.4 (`active-workflow-manager.js`, `active-workflows.js`):
 * - activation runs poll() once; an error fails the activation; items found are emitted;
 * - static data is saved to the database when poll() emits, and once after activation;
 * - a later error becomes an error execution and the workflow stays active;
 * - a restart builds the workflow again from what the database holds.
 */
export const POLLING_NODE_NAME = 'iClosed Polling Trigger';

export interface PollSetup {
	parameters: INodeParameters;
	credentials: TestCredentials;
	/** Static data as loaded from n8n's database. */
	saved?: IDataObject;
	workflowId?: string;
	timezone?: string;
}

export interface PollOutcome {
	items: IDataObject[];
	error?: Error & { description?: string | null; httpCode?: string | null };
}

let count = 0;

export class PollWorkflow {
	readonly node: INode;

	readonly workflow: Workflow;

	/** What n8n's database holds for this workflow's static data. */
	saved: IDataObject;

	/** How many times n8n would have written static data to its database. */
	saves = 0;

	/** Every item emitted (each emit starts one execution). */
	readonly executions: IDataObject[][] = [];

	private readonly workflowData: IWorkflowBase;

	constructor(readonly setup: PollSetup) {
		this.node = {
			id: '3f1b0c6e-0000-4000-8000-000000000003',
			name: POLLING_NODE_NAME,
			type: POLLING_TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...setup.parameters },
			credentials: { iClosedApi: { id: 'cred-1', name: 'iClosed test' } },
		};
		this.saved = deepCopy(setup.saved ?? {});
		({ workflowData: this.workflowData, workflow: this.workflow } = activeWorkflow(this.node, {
			id: setup.workflowId ?? `poll-workflow-${++count}`,
			name: 'poll test',
			timezone: setup.timezone,
			staticData: this.saved,
		}));
	}

	/** The node's static data as it stands in memory (plain JSON). */
	memory(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.node))) as IDataObject;
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: writes only when something flagged a change. */
	private saveStaticData(): void {
		const data = this.workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged !== true) return;
		this.saved = JSON.parse(JSON.stringify(data)) as IDataObject;
		delete this.saved.__dataChanged;
		data.__dataChanged = false;
		this.saves++;
	}

	private async runPoll(mode: WorkflowExecuteMode, activation: WorkflowActivateMode): Promise<INodeExecutionData[][] | null> {
		const hooks = new ExecutionLifecycleHooks(mode, 'poll-execution', this.workflowData);
		const additionalData = additionalDataFor(this.setup.credentials, hooks);
		let emitted: INodeExecutionData[][] | null = null;
		const context = new PollContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			activation,
			(data: INodeExecutionData[][]) => {
				emitted = data;
			},
			() => undefined,
		);
		const type = new PackageNodeTypes().getByNameAndVersion(POLLING_TRIGGER_NODE_TYPE, 1);
		if (!type.poll) throw new Error('The polling trigger has no poll()');
		const result = await type.poll.call(context);
		if (result !== null) {
			context.__emit(result);
			this.saveStaticData();
			this.executions.push(result[0].map((item) => item.json));
		}
		return emitted;
	}

	/** Activation (also after every restart): the first poll; an error fails the activation. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<IDataObject[]> {
		const result = await this.runPoll('trigger', activation);
		this.saveStaticData();
		return result?.[0].map((item) => item.json) ?? [];
	}

	/** A scheduled poll: its items, or the error n8n would record as an error execution. */
	async poll(): Promise<PollOutcome> {
		try {
			const result = await this.runPoll('trigger', 'activate');
			return { items: result?.[0].map((item) => item.json) ?? [] };
		} catch (error) {
			return { items: [], error: error as PollOutcome['error'] };
		}
	}

	/** "Fetch Test Event" in the editor. */
	async fetchTestEvent(): Promise<PollOutcome> {
		try {
			const result = await this.runPoll('manual', 'manual');
			return { items: result?.[0].map((item) => item.json) ?? [] };
		} catch (error) {
			return { items: [], error: error as PollOutcome['error'] };
		}
	}

	/** The same workflow after an n8n restart: only what the database held survives. */
	restart(changes: Partial<PollSetup> = {}): PollWorkflow {
		return new PollWorkflow({ ...this.setup, workflowId: this.workflowData.id, saved: this.saved, ...changes });
	}
}
