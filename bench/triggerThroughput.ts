/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and benchmark code, never shipped */
// Benchmark 3 (never shipped): deliveries per second that become successful executions in a real n8n —
// the iClosed Trigger against n8n's own Webhook node, same n8n, same payloads (distinct signed
// call.booked events), fired by undici at increasing rates. Needs `npm run build`.
// Run: npm run bench:trigger   (BENCH_RATES="10,20,40,80,160", BENCH_SECONDS=10)
import { randomUUID } from 'node:crypto';

import type { WorkflowBody } from '../e2e/lib/n8nClient';
import { TRIGGER_NODE_TYPE } from '../e2e/lib/packageNames';
import type { SuiteContext } from '../e2e/lib/suiteContext';
import { sleep, waitFor } from '../e2e/lib/waitFor';
import { buildEventPayload, signBody } from '../test/fake-iclosed';
import { N8N_VERSION, listExecutions, startBenchN8n } from './lib/benchN8n';
import type { TimedExecution } from './lib/benchN8n';
import type { Ack, Delivery } from './lib/deliveryLoad';
import { closeDeliveryAgent, fireAtRate } from './lib/deliveryLoad';
import { loadNow, machineLine } from './lib/machine';
import { fmt, percentile } from './lib/stats';
import { met, note, printTable } from './lib/table';

const RATES = (process.env.BENCH_RATES ?? '10,20,40,80,160').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_N8N_PORT ?? 5718);
/** How long executions may keep finishing after the last delivery was answered. */
const DRAIN_MS = 120_000;

interface Target {
	name: string;
	workflowId: string;
	url: string;
}

function noOp(name: string) {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [250, 0] as [number, number],
		parameters: {},
	};
}

async function createTargets(ctx: SuiteContext): Promise<{ trigger: Target; webhook: Target }> {
	const triggerHook = randomUUID();
	const triggerFlow: WorkflowBody = {
		name: 'bench: iClosed Trigger',
		nodes: [
			{
				id: randomUUID(),
				name: 'iClosed Trigger',
				type: TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: triggerHook,
				parameters: { events: ['call.booked'] },
				credentials: { iClosedApi: ctx.credential },
			},
			noOp('Done'),
		],
		connections: { 'iClosed Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
	const path = randomUUID();
	const webhookFlow: WorkflowBody = {
		name: 'bench: Webhook node',
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			noOp('Done'),
		],
		connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	};
	const t = await ctx.client.createWorkflow(triggerFlow);
	const w = await ctx.client.createWorkflow(webhookFlow);
	await ctx.client.activate(t.id);
	await ctx.client.activate(w.id);
	const trigger = {
		name: 'iClosed Trigger',
		workflowId: t.id,
		url: `${ctx.n8n.baseUrl}/webhook/${triggerHook}/webhook`,
	};
	await waitFor(() => ctx.fake.state.webhooks.some((s) => s.url === trigger.url), {
		what: 'the trigger subscription',
	});
	return {
		trigger,
		webhook: { name: 'Webhook node', workflowId: w.id, url: `${ctx.n8n.baseUrl}/webhook/${path}` },
	};
}

/** `count` distinct call.booked events, signed with the subscription's secret, as iClosed sends them. */
function deliveries(ctx: SuiteContext, secret: string, count: number, tag: string): Delivery[] {
	const template = buildEventPayload(ctx.fake.state, 'call.booked');
	return Array.from({ length: count }, (_, i) => {
		const item = {
			...template,
			event: { ...(template.event as Record<string, unknown>), uuid: `${tag}-${i}` },
		};
		const body = JSON.stringify([item]);
		const signature = signBody(body, secret);
		return {
			body,
			headers: {
				'content-type': 'application/json',
				'user-agent': 'iClosed-Webhooks/1.0 (bench)',
				[signature.header]: signature.value,
			},
		};
	});
}

interface RunResult {
	acks: Ack[];
	executions: TimedExecution[];
}

async function runOnce(
	ctx: SuiteContext,
	target: Target,
	batch: Delivery[],
	rate: number,
): Promise<RunResult> {
	const before = new Set((await listExecutions(ctx, target.workflowId)).map((e) => e.id));
	const acks = await fireAtRate(target.url, batch, rate);
	const answered = acks.filter((a) => a.status === 200).length;
	let last = -1;
	let stableSince = Date.now();
	const deadline = Date.now() + DRAIN_MS;
	let fresh: TimedExecution[] = [];
	for (;;) {
		fresh = (await listExecutions(ctx, target.workflowId)).filter((e) => !before.has(e.id));
		const finished = fresh.filter((e) => e.stoppedAt).length;
		if (finished >= answered && finished === fresh.length) break;
		if (finished !== last) {
			last = finished;
			stableSince = Date.now();
		}
		if (Date.now() - stableSince > 15_000 || Date.now() > deadline) break;
		await sleep(1000);
	}
	return { acks, executions: fresh };
}

interface Figures {
	successes: number;
	perSecond: number;
	p50: number;
	p99: number;
	dropped: number;
}

function figures(run: RunResult, sent: number): Figures {
	const ok = run.executions.filter((e) => e.status === 'success');
	const first = Math.min(...run.acks.map((a) => a.sentAt));
	const lastStop = Math.max(...ok.map((e) => Date.parse(e.stoppedAt ?? '')));
	const ackTimes = run.acks.filter((a) => a.status === 200).map((a) => a.ackMs);
	return {
		successes: ok.length,
		perSecond: ok.length / ((lastStop - first) / 1000),
		p50: percentile(ackTimes, 50),
		p99: percentile(ackTimes, 99),
		dropped: sent - ok.length,
	};
}

export async function benchTriggerThroughput(): Promise<void> {
	note(`\n## Benchmark 3: trigger throughput in n8n ${N8N_VERSION}\n\n${machineLine()}`);
	const ctx = await startBenchN8n(PORT, 'bench-trigger');
	try {
		const { trigger, webhook } = await createTargets(ctx);
		const secret = ctx.fake.state.webhooks.find((s) => s.url === trigger.url)?.secret ?? '';
		const rows: Array<Array<string | number>> = [];
		for (const [index, rate] of RATES.entries()) {
			const count = Math.round(rate * SECONDS);
			const load = loadNow();
			// The same bytes to both (the Webhook node ignores the signature); alternate who goes first.
			const batch = deliveries(ctx, secret, count, `r${rate}-${randomUUID().slice(0, 8)}`);
			const order = index % 2 === 0 ? [trigger, webhook] : [webhook, trigger];
			const results = new Map<string, Figures>();
			for (const target of order) {
				results.set(target.name, figures(await runOnce(ctx, target, batch, rate), count));
				await sleep(2000);
			}
			const t = results.get(trigger.name) as Figures;
			const w = results.get(webhook.name) as Figures;
			const ratio = t.perSecond / w.perSecond;
			note(
				`${rate}/s × ${SECONDS} s: trigger ${fmt(t.perSecond, 1)}/s (${t.successes}/${count}), webhook ${fmt(w.perSecond, 1)}/s (${w.successes}/${count})`,
			);
			rows.push([
				`${rate}/s (${count})`,
				`${fmt(t.perSecond, 1)}/s`,
				`${fmt(w.perSecond, 1)}/s`,
				fmt(ratio, 3),
				`${fmt(t.p50, 0)} / ${fmt(t.p99, 0)} ms`,
				`${fmt(w.p50, 0)} / ${fmt(w.p99, 0)} ms`,
				`${t.dropped} / ${w.dropped}`,
				fmt(load),
				met(ratio >= 0.95 && t.dropped === 0),
			]);
		}
		printTable(
			`Deliveries turned into successful executions, n8n ${N8N_VERSION}, ${SECONDS} s per rate (executions saved, as by default)`,
			[
				'offered rate (deliveries)',
				'iClosed Trigger',
				'Webhook node',
				'ratio',
				'trigger ack p50 / p99',
				'webhook ack p50 / p99',
				'dropped (trigger / webhook)',
				'load',
				'goal met',
			],
			rows,
		);
		note(
			'Rate = successful executions ÷ (last execution finished − first delivery sent). Dropped = sent − successful executions.',
		);
	} finally {
		await closeDeliveryAgent();
		await ctx.tearDown();
	}
}

if (require.main === module) {
	benchTriggerThroughput().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(
				`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			process.exit(1);
		},
	);
}
