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
import { loadNow, machineLine, processCpuMs } from './lib/machine';
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
	/** n8n's CPU time from the first delivery until every execution had finished. */
	cpuMs: number;
}

async function runOnce(
	ctx: SuiteContext,
	target: Target,
	batch: Delivery[],
	rate: number,
): Promise<RunResult> {
	const before = new Set((await listExecutions(ctx, target.workflowId)).map((e) => e.id));
	const cpuBefore = processCpuMs(ctx.n8n.pid);
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
	return { acks, executions: fresh, cpuMs: processCpuMs(ctx.n8n.pid) - cpuBefore };
}

interface Figures {
	successes: number;
	perSecond: number;
	p50: number;
	p99: number;
	dropped: number;
	cpuPerDelivery: number;
}

function figures(runs: RunResult[], sent: number): Figures {
	const perRun = runs.map((run) => {
		const ok = run.executions.filter((e) => e.status === 'success');
		const first = Math.min(...run.acks.map((a) => a.sentAt));
		const lastStop = Math.max(...ok.map((e) => Date.parse(e.stoppedAt ?? '')));
		return { ok: ok.length, perSecond: ok.length / ((lastStop - first) / 1000) };
	});
	const ackTimes = runs.flatMap((run) => run.acks.filter((a) => a.status === 200).map((a) => a.ackMs));
	const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
	return {
		successes: perRun.reduce((sum, r) => sum + r.ok, 0),
		perSecond: mean(perRun.map((r) => r.perSecond)),
		p50: percentile(ackTimes, 50),
		p99: percentile(ackTimes, 99),
		dropped: sent * runs.length - perRun.reduce((sum, r) => sum + r.ok, 0),
		cpuPerDelivery: mean(runs.map((run) => run.cpuMs)) / sent,
	};
}

export async function benchTriggerThroughput(): Promise<void> {
	note(`\n## Benchmark 3: trigger throughput in n8n ${N8N_VERSION}\n\n${machineLine()}`);
	const ctx = await startBenchN8n(PORT, 'bench-trigger');
	try {
		const { trigger, webhook } = await createTargets(ctx);
		const secret = ctx.fake.state.webhooks.find((s) => s.url === trigger.url)?.secret ?? '';
		const rows: Array<Array<string | number>> = [];
		for (const rate of RATES) {
			const count = Math.round(rate * SECONDS);
			const load = loadNow();
			// Each target twice, in the order trigger, webhook, webhook, trigger: whichever runs second
			// after a burst is slowed by n8n still settling the first, so both get each position once.
			// Fresh events every run (the trigger would rightly ignore a repeat); the Webhook node ignores
			// the signature.
			const runs = new Map<string, RunResult[]>([
				[trigger.name, []],
				[webhook.name, []],
			]);
			for (const [position, target] of [trigger, webhook, webhook, trigger].entries()) {
				const batch = deliveries(ctx, secret, count, `r${rate}-${position}-${randomUUID().slice(0, 8)}`);
				runs.get(target.name)?.push(await runOnce(ctx, target, batch, rate));
				await sleep(3000);
			}
			const results = new Map([...runs].map(([name, list]) => [name, figures(list, count)]));
			const t = results.get(trigger.name) as Figures;
			const w = results.get(webhook.name) as Figures;
			const ratio = t.perSecond / w.perSecond;
			note(
				`${rate}/s × ${SECONDS} s, twice each: trigger ${fmt(t.perSecond, 1)}/s (${t.successes}/${2 * count}), webhook ${fmt(w.perSecond, 1)}/s (${w.successes}/${2 * count})`,
			);
			rows.push([
				`${rate}/s (${count})`,
				`${fmt(t.perSecond, 1)}/s`,
				`${fmt(w.perSecond, 1)}/s`,
				fmt(ratio, 3),
				`${fmt(t.p50, 0)} / ${fmt(t.p99, 0)} ms`,
				`${fmt(w.p50, 0)} / ${fmt(w.p99, 0)} ms`,
				`${t.dropped} / ${w.dropped}`,
				`${fmt(t.cpuPerDelivery, 1)} / ${fmt(w.cpuPerDelivery, 1)} ms`,
				fmt(load),
				met(ratio >= 0.95 && t.dropped === 0),
			]);
		}
		printTable(
			`Deliveries turned into successful executions, n8n ${N8N_VERSION}, ${SECONDS} s per rate and run, two runs each (executions saved, as by default)`,
			[
				'offered rate (deliveries)',
				'iClosed Trigger',
				'Webhook node',
				'ratio',
				'trigger ack p50 / p99',
				'webhook ack p50 / p99',
				'dropped (trigger / webhook)',
				'n8n CPU per delivery (trigger / webhook)',
				'load',
				'goal met',
			],
			rows,
		);
		note(
			'Rate = successful executions ÷ (last execution finished − first delivery sent), the mean of two runs. Dropped = sent − successful executions. CPU = the n8n process’s user + system time from the first delivery until the last execution finished, ÷ deliveries (independent of how busy the machine is).',
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
