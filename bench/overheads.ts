/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test and benchmark code, never shipped */
// Benchmark 4 (never shipped): what the package costs per load and per delivery — cold require of each
// built module (dist/, run `npm run build` first), normalising (Simplify) the largest sample payload,
// HMAC signature verification, and the trigger's whole webhook() in n8n-core's WebhookContext.
// Run: npm run bench:overheads
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { WebhookContext } from 'n8n-core';
import type { IDataObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { MAX_SEEN, fingerprint, forgetProcessMemory, isDuplicateInProcess, rememberInProcess } from '../nodes/IClosedTrigger/dedupe';
import { ICLOSED_WEBHOOK_EVENTS } from '../nodes/shared/events/eventList';
import { verifySignature } from '../nodes/IClosedTrigger/signature';
import { simplifyEvent } from '../nodes/IClosedTrigger/simplify';
import { buildEventPayload, signBody, startFakeIClosed } from '../test/fake-iclosed';
import { TriggerWorkflow, captureLogs } from '../test/harness/hooks';
import { PackageNodeTypes, TRIGGER_NODE_TYPE } from '../test/harness/nodeTypes';
import { runInChild } from './lib/childProcess';
import { repoRoot } from '../e2e/lib/exampleWorkflows';
import { machineLine } from './lib/machine';
import { microsPerCall } from './lib/microbench';
import { fmt, median } from './lib/stats';
import { note, printTable } from './lib/table';
import type { RequireInput, RequireOutput } from './requireOnce';

/** The six events iClosed documents a payload for. */
const DOCUMENTED_EVENTS = ICLOSED_WEBHOOK_EVENTS.filter((e) => e.documented).map((e) => e.value);

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const ROOT = repoRoot();
const N8N_BASE = join(
	process.env.HOME ?? '',
	'.cache/n8n-e2e/n8n-2.8.4/node_modules/n8n-nodes-base/dist/nodes',
);

const MODULES: Array<RequireInput & { name: string }> = [
	{
		name: 'iClosed (action node)',
		modulePath: join(ROOT, 'dist/nodes/IClosed/IClosed.node.js'),
		className: 'IClosed',
	},
	{
		name: 'iClosed Trigger',
		modulePath: join(ROOT, 'dist/nodes/IClosedTrigger/IClosedTrigger.node.js'),
		className: 'IClosedTrigger',
	},
	{
		name: 'iClosed API credential',
		modulePath: join(ROOT, 'dist/credentials/IClosedApi.credentials.js'),
		className: 'IClosedApi',
	},
	// For scale: two of n8n's own nodes, from the n8n install the e2e suite uses (skipped when absent).
	{
		name: "n8n's HTTP Request node (reference)",
		modulePath: join(N8N_BASE, 'HttpRequest/HttpRequest.node.js'),
		className: 'HttpRequest',
	},
	{
		name: "n8n's Cal.com Trigger (reference)",
		modulePath: join(N8N_BASE, 'Cal/CalTrigger.node.js'),
		className: 'CalTrigger',
	},
];

async function coldRequires(): Promise<void> {
	const rows: string[][] = [];
	for (const m of MODULES) {
		if (!existsSync(m.modulePath)) {
			rows.push([m.name, 'not built / not installed', '', '']);
			continue;
		}
		const runs: RequireOutput[] = [];
		for (let i = 0; i < COLD_RUNS; i++)
			runs.push(await runInChild<RequireOutput>(join(__dirname, 'requireOnce.js'), m));
		rows.push([
			m.name,
			`${fmt(median(runs.map((r) => r.requireMs)), 1)} ms`,
			`${fmt(median(runs.map((r) => r.instantiateMs)), 2)} ms`,
			`${fmt(median(runs.map((r) => r.heapBytes)) / 1024 / 1024, 1)} MB`,
		]);
	}
	printTable(
		`Cold require (median of ${COLD_RUNS} fresh processes, n8n-workflow already loaded)`,
		['module', 'require', 'new()', 'heap added'],
		rows,
	);
}

function samplePayloads(
	state: Parameters<typeof buildEventPayload>[0],
): Array<{ event: string; payload: IDataObject; source: string }> {
	const events = DOCUMENTED_EVENTS;
	const fromFake = events.map((event) => ({
		event,
		payload: buildEventPayload(state, event) as IDataObject,
		source: `fake iClosed ${event}`,
	}));
	const vendor = JSON.parse(
		readFileSync(join(ROOT, 'test/fixtures/iclosed-samples/webhook-outcomeAdded.json'), 'utf8'),
	) as unknown;
	const outcome = (Array.isArray(vendor) ? vendor[0] : vendor) as IDataObject;
	return [
		...fromFake,
		{
			event: 'call.outcome_added',
			payload: outcome,
			source: 'vendor sample webhook-outcomeAdded.json',
		},
	];
}

/** The largest sample made large the way real payloads grow: 200 answered questions of ~5 KB and long notes. */
function inflate(payload: IDataObject): IDataObject {
	return {
		...payload,
		notes: 'Long notes. '.repeat(8_000),
		questions_and_answers: Array.from({ length: 200 }, (_, i) => ({
			question: `Question ${i}: what would you like to discuss?`,
			answer: `Answer ${i}. `.repeat(400),
		})),
	};
}

async function perDelivery(): Promise<void> {
	const fake = await startFakeIClosed({ seed: 'demo' });
	const logs = captureLogs();
	try {
		const samples = samplePayloads(fake.state).map((s) => ({
			...s,
			bytes: Buffer.byteLength(JSON.stringify(s.payload)),
		}));
		const largest = samples.sort((a, b) => b.bytes - a.bytes)[0];
		const stress = {
			event: largest.event,
			payload: inflate(largest.payload),
			source: 'large: largest sample + 200 answered questions (~5 KB each) + 96 KB of notes',
		};
		const cases = [
			largest,
			{ ...stress, bytes: Buffer.byteLength(JSON.stringify(stress.payload)) },
		];
		const rows: string[][] = [];
		for (const c of cases) {
			const at = new Date().toISOString();
			const simplifyUs = await microsPerCall(
				() => simplifyEvent(c.event, c.payload, at),
				c.bytes > 100_000 ? 10 : 200,
			);
			const body = Buffer.from(JSON.stringify([c.payload]));
			const secrets = ['whsec_one', 'whsec_two', 'whsec_three'];
			const signed = signBody(body.toString(), secrets[2]);
			const verifyUs = await microsPerCall(() =>
				verifySignature({ rawBody: body, headers: { [signed.header]: signed.value }, secrets }),
			);
			const retained = retainedBytesPerResult(() => simplifyEvent(c.event, c.payload, at));
			rows.push([
				c.source,
				`${(c.bytes / 1024).toFixed(1)} KB`,
				`${fmt(simplifyUs, 1)} µs`,
				retained,
				`${fmt(verifyUs, 1)} µs`,
			]);
		}
		printTable(
			'Per delivery: Simplify (normalise) and signature check (median µs per call; HMAC-SHA256 against 3 known secrets, match on the last)',
			['payload', 'size', 'normalise', 'memory kept per normalised item', 'verify signature'],
			rows,
		);
		await dedupeMemory();
		await wholeWebhook(fake, largest.payload);
	} finally {
		logs.restore();
		await fake.close();
	}
}

/** Heap kept alive by one result (gc before and after holding 1,000 of them); needs --expose-gc. */
function retainedBytesPerResult(make: () => unknown): string {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) return 'run with --expose-gc';
	const keep: unknown[] = [];
	gc();
	const before = process.memoryUsage().heapUsed;
	for (let i = 0; i < 1000; i++) keep.push(make());
	gc();
	const bytes = (process.memoryUsage().heapUsed - before) / keep.length;
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The de-duplication memory's share of a delivery: look the event up and remember it, with the memory
 * empty and full (MAX_SEEN entries). It lives in the process, never in static data (dedupe.ts).
 */
async function dedupeMemory(): Promise<void> {
	const rows: string[][] = [];
	for (const filled of [0, MAX_SEEN]) {
		forgetProcessMemory();
		const trigger = 'bench:trigger';
		const now = Math.floor(Date.now() / 1000);
		let n = 0;
		const prints = () => fingerprint({ n: ++n });
		for (let i = 0; i < filled; i++) rememberInProcess(trigger, [prints()], now);
		const us = await microsPerCall(() => {
			const print = prints();
			if (!isDuplicateInProcess(trigger, print, now)) rememberInProcess(trigger, [print], now);
			if (filled === 0) forgetProcessMemory();
		});
		rows.push([filled === 0 ? 'empty' : `full (${MAX_SEEN} events)`, `${fmt(us / 1000, 3)} ms`]);
	}
	forgetProcessMemory();
	printTable(
		'De-duplication memory per delivery (fingerprint, look-up, remember; in the process)',
		['memory', 'median per delivery'],
		rows,
	);
}

/**
 * The trigger's webhook() per delivery in a real WebhookContext (signature, parse, Simplify,
 * de-duplication), built as n8n builds it per request, with the node type loaded once as n8n does
 * (the test harness's `receive()` and `webhookData()` load both node types on every call, ~20 ms that
 * would dominate the figure).
 */
async function wholeWebhook(
	fake: Awaited<ReturnType<typeof startFakeIClosed>>,
	payload: IDataObject,
): Promise<void> {
	const rows: string[][] = [];
	for (const seenBefore of [0, 1000]) {
		const workflow = new TriggerWorkflow({
			parameters: {
				events: DOCUMENTED_EVENTS,
				options: { signingSecret: 'whsec_bench' },
			},
			credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
		});
		const trigger = new PackageNodeTypes().getByNameAndVersion(TRIGGER_NODE_TYPE, 1);
		const response = {
			status: () => response,
			json: () => response,
			send: () => response,
			setHeader: () => response,
			end: () => response,
			headersSent: false,
		};
		const webhookData = workflow.webhookData(false);
		let n = 0;
		const deliver = async () => {
			// seenBefore 0: an empty de-duplication memory each time; 1000: the memory full, as after a busy day.
			if (seenBefore === 0) forgetProcessMemory();
			const body = [
				{ ...payload, event: { ...(payload.event as IDataObject), uuid: String(++n) }, id: n },
			];
			const raw = Buffer.from(JSON.stringify(body));
			const sig = signBody(raw.toString(), 'whsec_bench');
			const additionalData = workflow.additionalData();
			additionalData.httpRequest = {
				headers: { 'content-type': 'application/json', [sig.header]: sig.value },
				body,
				rawBody: raw,
				query: {},
				params: {},
			} as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
			additionalData.httpResponse =
				response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
			const context = new WebhookContext(
				workflow.workflow,
				workflow.node,
				additionalData,
				'webhook',
				{ ...webhookData, workflowExecuteAdditionalData: additionalData },
				[],
				null,
			);
			const result = await trigger.webhook?.call(context);
			if (!result?.workflowData) throw new Error('the delivery started nothing');
		};
		if (seenBefore > 0) for (let i = 0; i < seenBefore; i++) await deliver();
		const us = await microsPerCall(deliver, 100, 10);
		rows.push([
			seenBefore === 0 ? 'empty (first deliveries)' : `full (${seenBefore} events remembered)`,
			`${fmt(us / 1000, 2)} ms`,
		]);
	}
	printTable(
		"The trigger's webhook() per delivery in n8n-core's WebhookContext (largest sample, signed, Simplify on; distinct events)",
		['de-duplication memory', 'median per delivery'],
		rows,
	);
}

export async function benchOverheads(): Promise<void> {
	note(`\n## Benchmark 4: overheads\n\n${machineLine()}`);
	await coldRequires();
	await perDelivery();
}

if (require.main === module) {
	benchOverheads().catch((error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
