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
 * PollContext (static data, credentials, httpRequestWithAuthentication), on either of n8n's poll engines.
 * What n8n does around poll() is copied from its code (n8n 2.8.4 and 2.41.1, read in December 2026):
 *
 * Classic (1.x, 2.8.4; 2.41.1 without the durable engine):
 * - one Workflow object for the whole activation: every poll sees and changes the same static data;
 * - activation runs poll() once; an error fails the activation; static data is saved after it;
 * - static data is saved to the database when poll() emits; a later error becomes an error execution;
 * - a restart builds the workflow again from what the database holds, and activates it ('init').
 *
 * Durable (2.36+ with N8N_SCHEDULER_*_ENABLED and N8N_POLLER_DURABLE_CURSORS_ENABLED):
 * - the node's static data is a copy of a cursor row (poller_state), made when a poll starts
 *   (trigger-execution-context.factory.js `__runPoll`), and committed with the execution when the poll
 *   emits, alone when a scheduled poll returns nothing, never when it throws, and never for the inline
 *   poll at publish that returns nothing (poll-trigger-executor.js);
 * - the workflow's global static data is saved after publishing, and when a poll emits;
 * - each scheduled poll builds a fresh Workflow from the database; getPollBudgetMs() is 36 s (5 minutes
 *   at publish); a thrown error is an error execution (and backoff, not modelled);
 * - a restart runs no inline poll: the scheduled polls go on from the committed cursor.
 */
export const POLLING_NODE_NAME = 'iClosed Polling Trigger';

export type PollEngine = 'classic' | 'durable';

export interface PollSetup {
	parameters: INodeParameters;
	credentials: TestCredentials;
	/** Static data as loaded from n8n's database. */
	saved?: IDataObject;
	/** The durable engine's committed cursor for the node (poller_state), if any. */
	cursorRow?: IDataObject;
	workflowId?: string;
	timezone?: string;
	engine?: PollEngine;
	/** What getPollBudgetMs() answers on a scheduled durable poll (n8n's default: 36 s). */
	budgetMs?: number;
}

export interface PollOutcome {
	items: IDataObject[];
	error?: Error & { description?: string | null; httpCode?: string | null; failure?: unknown };
	/** Errors the node handed to n8n's error handling while it returned items (`__emitError`). */
	reported: Array<Error & { description?: string | null; failure?: unknown }>;
}

/** A scheduled poll that has read its seed and may be finished later (to model two polls at once). */
export interface PendingPoll {
	run(): Promise<PollOutcome>;
}

let count = 0;

/** The durable engine's budget on a scheduled poll: min(45 s timeout, 60 s lease) minus a 20 % margin. */
export const DURABLE_POLL_BUDGET_MS = 36_000;

export class PollWorkflow {
	readonly node: INode;

	/** The Workflow of the current activation (classic: every poll uses it). */
	workflow: Workflow;

	/** What n8n's database holds for this workflow's static data. */
	saved: IDataObject;

	/** The durable engine's cursor row for this node, once it has one. */
	cursorRow: IDataObject | undefined;

	/** How many times n8n would have written static data (or the cursor row) to its database. */
	saves = 0;

	/** Every item emitted (each emit starts one execution). */
	readonly executions: IDataObject[][] = [];

	/** Error executions: thrown by a scheduled poll, or reported with `__emitError`. */
	readonly errorExecutions: Error[] = [];

	readonly engine: PollEngine;

	private readonly workflowData: IWorkflowBase;

	constructor(readonly setup: PollSetup) {
		this.engine = setup.engine ?? 'classic';
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
		this.cursorRow = setup.cursorRow ? deepCopy(setup.cursorRow) : undefined;
		({ workflowData: this.workflowData, workflow: this.workflow } = activeWorkflow(this.node, {
			id: setup.workflowId ?? `poll-workflow-${++count}`,
			name: 'poll test',
			timezone: setup.timezone,
			staticData: this.saved,
		}));
	}

	/** The node's static data as it stands: classic, in memory; durable, the committed cursor row. */
	memory(): IDataObject {
		const data = this.engine === 'durable' ? (this.cursorRow ?? {}) : this.workflow.getStaticData('node', this.node);
		return JSON.parse(JSON.stringify(data)) as IDataObject;
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: writes only when something flagged a change. */
	private saveStaticData(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged !== true) return;
		this.saved = JSON.parse(JSON.stringify(data)) as IDataObject;
		delete this.saved.__dataChanged;
		data.__dataChanged = false;
		this.saves++;
	}

	private commitCursor(snapshot: IDataObject, seed: string): void {
		if (JSON.stringify(snapshot) === seed) return;
		this.cursorRow = JSON.parse(JSON.stringify(snapshot)) as IDataObject;
		this.saves++;
	}

	/** A Workflow as the durable engine builds one per scheduled poll: from what the database holds. */
	private freshWorkflow(): Workflow {
		return new Workflow({
			id: this.workflowData.id,
			name: this.workflowData.name,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new PackageNodeTypes(),
			staticData: deepCopy(this.saved),
			settings: this.workflowData.settings,
		});
	}

	/** Reads the seed and builds the context, as n8n does before it calls poll(); run() calls it. */
	private preparePoll(mode: WorkflowExecuteMode, activation: WorkflowActivateMode, inline: boolean): PendingPoll {
		const durable = this.engine === 'durable' && mode !== 'manual';
		const workflow = durable && !inline ? this.freshWorkflow() : this.workflow;
		// poller_state is created from the classic static data the first time (poll-cursor.service.js).
		const seed = JSON.stringify(this.cursorRow ?? workflow.getStaticData('node', this.node));
		if (durable) this.cursorRow ??= JSON.parse(seed) as IDataObject;
		const snapshot = JSON.parse(seed) as IDataObject;
		const reported: Error[] = [];
		const hooks = new ExecutionLifecycleHooks(mode, 'poll-execution', this.workflowData);
		const additionalData = additionalDataFor(this.setup.credentials, hooks);
		let emitted: INodeExecutionData[][] | null = null;
		const context = new PollContext(
			workflow,
			this.node,
			additionalData,
			mode,
			activation,
			(data: INodeExecutionData[][]) => {
				emitted = data;
			},
			(error: Error) => {
				reported.push(error);
				this.errorExecutions.push(error);
			},
			async () => undefined,
			async (poll) => await poll(),
			durable ? () => snapshot : undefined,
			durable ? () => (inline ? 300_000 : (this.setup.budgetMs ?? DURABLE_POLL_BUDGET_MS)) : undefined,
		);
		return {
			run: async () => {
				const type = new PackageNodeTypes().getByNameAndVersion(POLLING_TRIGGER_NODE_TYPE, 1);
				if (!type.poll) throw new Error('The polling trigger has no poll()');
				const poll = type.poll;
				let result: INodeExecutionData[][] | null;
				if (inline) {
					// At publish (and in the editor) an error fails the publish: it reaches the caller.
					result = await poll.call(context);
				} else {
					try {
						result = await poll.call(context);
					} catch (error) {
						this.errorExecutions.push(error as Error);
						return { items: [], error: error as PollOutcome['error'], reported };
					}
				}
				if (result !== null) {
					context.__emit(result);
					if (durable) this.commitCursor(snapshot, seed);
					this.saveStaticData(workflow);
					this.executions.push(result[0].map((item) => item.json));
				} else if (durable && !inline) {
					this.commitCursor(snapshot, seed);
				}
				if (inline) this.saveStaticData(workflow);
				const out = (emitted as INodeExecutionData[][] | null)?.[0].map((item) => item.json) ?? [];
				return { items: out, reported };
			},
		};
	}

	/** Publishing (activation on 1.x), and on the classic engine every restart: the inline first poll. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<IDataObject[]> {
		return (await this.preparePoll('trigger', activation, true).run()).items;
	}

	/** A scheduled poll: its items, or the error n8n would record as an error execution. */
	async poll(): Promise<PollOutcome> {
		return await this.preparePoll('trigger', 'update', false).run();
	}

	/** A scheduled poll whose seed is read now and whose poll() runs when the caller says. */
	pendingPoll(): PendingPoll {
		return this.preparePoll('trigger', 'update', false);
	}

	/** "Fetch Test Event" in the editor. */
	async fetchTestEvent(): Promise<PollOutcome> {
		try {
			return await this.preparePoll('manual', 'manual', true).run();
		} catch (error) {
			return { items: [], error: error as PollOutcome['error'], reported: [] };
		}
	}

	/** The same workflow after an n8n restart: only what the database held survives. */
	restart(changes: Partial<PollSetup> = {}): PollWorkflow {
		return new PollWorkflow({
			...this.setup,
			workflowId: this.workflowData.id,
			saved: this.saved,
			cursorRow: this.cursorRow,
			...changes,
		});
	}
}
