// End-to-end robustness code (never shipped): a minimal workflow around the iClosed Trigger
// (trigger → No Operation), and what iClosed's side (the fake server) knows about its subscriptions.
import { randomUUID } from 'node:crypto';

import type { RecordedRequest } from '../../test/fake-iclosed';
import type { WorkflowBody } from '../lib/n8nClient';
import { TRIGGER_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';
import { waitFor } from '../lib/waitFor';

export const TRIGGER_NAME = 'iClosed Trigger';

export class RobustnessWorkflow {
	id = '';

	url = '';

	/** Every signing secret iClosed issued to this workflow (the fake forgets deleted subscriptions). */
	readonly secretsSeen = new Set<string>();

	constructor(
		private readonly ctx: SuiteContext,
		readonly name: string,
		private readonly parameters: Record<string, unknown>,
	) {}

	async create(): Promise<void> {
		const webhookId = randomUUID();
		const body: WorkflowBody = {
			name: this.name,
			nodes: [
				{
					id: randomUUID(),
					name: TRIGGER_NAME,
					type: TRIGGER_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: this.parameters,
					credentials: { iClosedApi: this.ctx.credential },
				},
				{
					id: randomUUID(),
					name: 'Done',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [250, 0],
					parameters: {},
				},
			],
			connections: { [TRIGGER_NAME]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		};
		this.id = (await this.ctx.client.createWorkflow(body)).id;
		this.url = `${this.ctx.n8n.baseUrl}/webhook/${webhookId}/webhook`;
	}

	subscriptions(): Array<{ id: number | string; events: string[]; secret: string }> {
		return this.ctx.fake.state.webhooks.filter((w) => w.url === this.url);
	}

	/** Activates and waits for `expected` subscriptions (n8n 2.40.x activates asynchronously). */
	async activate(expected: number): Promise<void> {
		await this.ctx.client.activate(this.id);
		await waitFor(() => this.subscriptions().length >= expected, {
			what: `${expected} subscriptions for ${this.name}`,
		});
		for (const s of this.subscriptions()) this.secretsSeen.add(s.secret);
	}

	async deactivate(): Promise<void> {
		await this.ctx.client.deactivate(this.id);
		await waitFor(() => this.subscriptions().length === 0, {
			what: `no subscriptions left for ${this.name}`,
		});
	}

	/** Requests to iClosed's webhook API about this workflow since `fromIndex` of the fake's log. */
	webhookApiCalls(method: 'POST' | 'DELETE' | 'GET', fromIndex = 0): RecordedRequest[] {
		return this.ctx.fake.requests.slice(fromIndex).filter((r) => {
			if (r.method !== method || !r.path.startsWith('/v1/webhooks')) return false;
			return method !== 'POST' || (r.body as { url?: string } | undefined)?.url === this.url;
		});
	}
}
