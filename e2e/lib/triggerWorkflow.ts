// End-to-end test code (never shipped): an example workflow with the iClosed Trigger, imported into
// n8n, with what iClosed's side (the fake server) knows about its subscriptions.
import type { DeliverOptions, DeliveryResult, RecordedRequest } from '../../test/fake-iclosed';
import type { Execution } from './n8nClient';
import { TRIGGER_NODE_TYPE } from './packageNames';
import type { SuiteContext } from './suiteContext';
import { settle, waitFor } from './waitFor';

/** How long "nothing happened" is watched for: n8n starts an execution within ~100 ms of a delivery. */
const QUIET_MS = 1500;

export class TriggerWorkflow {
	id = '';

	/** The production webhook URL n8n hands the trigger: `${WEBHOOK_URL}webhook/<webhookId>/webhook`. */
	url = '';

	constructor(
		private readonly ctx: SuiteContext,
		readonly exampleFile: string,
	) {}

	async importIt(): Promise<void> {
		const { id, body } = await this.ctx.importExample(this.exampleFile);
		const trigger = body.nodes.find((n) => n.type === TRIGGER_NODE_TYPE);
		if (!trigger?.webhookId) throw new Error(`${this.exampleFile} has no iClosed Trigger`);
		this.id = id;
		this.url = `${this.ctx.webhookBaseUrl}/webhook/${trigger.webhookId}/webhook`;
	}

	/** iClosed's live subscriptions to this workflow's URL. */
	subscriptions(): Array<{ id: number | string; events: string[] }> {
		return this.ctx.fake.state.webhooks.filter((w) => w.url === this.url);
	}

	/** Requests n8n made to iClosed's webhook API for this workflow, since `fromIndex` of the fake's log. */
	webhookApiCalls(method: 'POST' | 'DELETE' | 'GET', fromIndex = 0): RecordedRequest[] {
		return this.ctx.fake.requests.slice(fromIndex).filter((r) => {
			if (r.method !== method || !r.path.startsWith('/v1/webhooks')) return false;
			if (method !== 'POST') return true;
			return (r.body as { url?: string } | undefined)?.url === this.url;
		});
	}

	/** Activates and waits for `expected` subscriptions (n8n 2.40.x activates asynchronously). */
	async activate(expected: number): Promise<void> {
		await this.ctx.client.activate(this.id);
		await waitFor(() => this.subscriptions().length >= expected, { what: `${expected} iClosed subscriptions for ${this.exampleFile}` });
	}

	async deactivate(): Promise<void> {
		await this.ctx.client.deactivate(this.id);
		await waitFor(() => this.subscriptions().length === 0, { what: `no iClosed subscriptions left for ${this.exampleFile}` });
	}

	/** One delivery of `event` to this workflow only (signed with its subscription secret unless told otherwise). */
	async deliver(event: string, options: DeliverOptions = {}): Promise<DeliveryResult> {
		const [result] = await this.ctx.fake.deliver(event, { sign: true, ...options, url: this.url });
		return result;
	}

	async executionCount(): Promise<number> {
		return (await this.ctx.client.executions(this.id)).length;
	}

	/** Waits for execution number `count` and checks that no further one follows; returns the newest. */
	async expectExecutions(count: number): Promise<Execution> {
		const all = await this.ctx.finishedExecutions(this.id, count);
		const later = await settle(QUIET_MS, async () => await this.executionCount());
		if (later !== count) throw new Error(`expected ${count} executions of ${this.exampleFile}, found ${later}`);
		return all[all.length - 1];
	}

	/** Asserts that nothing started within QUIET_MS. */
	async expectNoNewExecution(count: number): Promise<void> {
		const later = await settle(QUIET_MS, async () => await this.executionCount());
		if (later !== count) throw new Error(`expected no new execution of ${this.exampleFile} (had ${count}, now ${later})`);
	}
}
