/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and benchmark code, never shipped */
// Benchmark 1b (never shipped): the same Return All inside a real n8n, against what a user would build
// otherwise — n8n's HTTP Request node paging by hand ("Update a Parameter in Each Request"), with and
// without a pause between pages. Each variant gets its own fake iClosed (10,000 contacts, 20 requests /
// 10 s) and its own credential, so nothing learnt about one limit carries over. Needs `npm run build`.
// Run: npm run bench:return-all:n8n
import { randomUUID } from 'node:crypto';

import type { CredentialRef, WorkflowBody } from '../e2e/lib/n8nClient';
import { ACTION_NODE_TYPE, CREDENTIAL_TYPE } from '../e2e/lib/packageNames';
import type { SuiteContext } from '../e2e/lib/suiteContext';
import { startFakeIClosed } from '../test/fake-iclosed';
import type { FakeIClosed } from '../test/fake-iclosed';
import { startBenchN8n, runToEnd, N8N_VERSION } from './lib/benchN8n';
import type { TimedExecution } from './lib/benchN8n';
import { trafficTo } from './lib/fakeTraffic';
import { loadNow, machineLine } from './lib/machine';
import { floorMs } from './lib/rateLimitFloor';
import { fmt, median, seconds } from './lib/stats';
import { met, note, printTable } from './lib/table';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const LIMIT = { points: 20, windowSec: 10 };
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const PORT = Number(process.env.BENCH_N8N_PORT ?? 5728);
const TRIGGER = 'Run';
const READER = 'Read contacts';

interface Variant {
	name: string;
	node: (credential: CredentialRef, baseUrl: string) => Record<string, unknown>;
}

function httpRequestNode(intervalMs: number) {
	return (credential: CredentialRef, baseUrl: string) => ({
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: { [CREDENTIAL_TYPE]: credential },
		parameters: {
			url: `${baseUrl}/v1/contacts`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: CREDENTIAL_TYPE,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'limit', value: '100' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount }}' }] },
						paginationCompleteWhen: 'other',
						// $pageCount counts the pages already received when this is evaluated.
						completeExpression:
							'={{ $response.body.data.contacts.length < 100 || $pageCount * 100 >= $response.body.data.count }}',
						requestInterval: intervalMs,
					},
				},
			},
		},
	});
}

const VARIANTS: Variant[] = [
	{
		name: 'iClosed node, Contact → Get Many, Return All',
		node: (credential) => ({
			type: ACTION_NODE_TYPE,
			typeVersion: 1,
			credentials: { [CREDENTIAL_TYPE]: credential },
			parameters: { resource: 'contact', operation: 'getMany', returnAll: true },
		}),
	},
	{ name: 'HTTP Request node paging, no interval', node: httpRequestNode(0) },
	{ name: 'HTTP Request node paging, 500 ms between pages', node: httpRequestNode(500) },
];

function workflow(name: string, reader: Record<string, unknown>): WorkflowBody {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: randomUUID(),
				name: READER,
				position: [250, 0],
				...reader,
			} as WorkflowBody['nodes'][number],
		],
		connections: { [TRIGGER]: { main: [[{ node: READER, type: 'main', index: 0 }]] } },
	};
}

interface Sample {
	ms: number;
	status: string;
	error?: string;
	items: number;
	/** Distinct contacts in the output. */
	contacts: number;
	ok: number;
	total: number;
	rateLimited: number;
}

async function runVariant(ctx: SuiteContext, variant: Variant): Promise<Sample> {
	const fake: FakeIClosed = await startFakeIClosed({ rateLimit: LIMIT });
	try {
		fake.addContacts(CONTACTS);
		const credential = await ctx.client.createCredential(`bench ${randomUUID()}`, CREDENTIAL_TYPE, {
			apiKey: fake.apiKey,
			environment: 'custom',
			baseUrl: fake.baseUrl,
		});
		const { id } = await ctx.client.createWorkflow(
			workflow(`bench: ${variant.name}`, variant.node(credential, fake.baseUrl)),
		);
		const execution: TimedExecution = await runToEnd(ctx, id, TRIGGER, 600_000);
		const run = execution.data?.resultData.runData[READER]?.[0];
		const items = run?.data?.main[0] ?? [];
		// The iClosed node outputs one item per contact; the HTTP Request node one item per page.
		const contacts = items.flatMap((item) => {
			const page = (item.json as { data?: { contacts?: Array<{ id: unknown }> } }).data?.contacts;
			return page ? page.map((c) => c.id) : [item.json.id];
		});
		const traffic = trafficTo(fake, 'GET', '/v1/contacts');
		return {
			ms: Date.parse(execution.stoppedAt ?? '') - Date.parse(execution.startedAt),
			status: execution.status,
			error: execution.data?.resultData.error?.message,
			items: items.length,
			contacts: new Set(contacts.filter((id) => id !== undefined)).size,
			...traffic,
		};
	} finally {
		await fake.close();
	}
}

export async function benchReturnAllInN8n(): Promise<void> {
	note(
		`\n## Benchmark 1b: Return All in n8n ${N8N_VERSION}, iClosed node vs HTTP Request node\n\n${machineLine()}`,
	);
	const ctx = await startBenchN8n(PORT, 'bench-return-all');
	try {
		const minRequests = Math.ceil(CONTACTS / 100);
		const floor = floorMs(minRequests, LIMIT);
		const samples: Sample[][] = VARIANTS.map(() => []);
		const loads: number[] = [];
		for (let round = 0; round < REPEAT; round++) {
			loads.push(loadNow());
			for (const [i, v] of VARIANTS.entries()) {
				const s = await runVariant(ctx, v);
				samples[i].push(s);
				note(
					`round ${round + 1}: ${v.name}: ${s.status} in ${seconds(s.ms)}, ${s.ok}/${s.total} requests ok, ${s.contacts} contacts${s.error ? ` (${s.error})` : ''}`,
				);
			}
		}
		const rows = VARIANTS.map((v, i) => {
			const s = samples[i];
			const ms = median(s.map((x) => x.ms));
			const complete = s.every((x) => x.status === 'success' && x.contacts === CONTACTS);
			return [
				v.name,
				s.map((x) => x.status).join(', '),
				`${median(s.map((x) => x.ok))} / ${median(s.map((x) => x.total))}`,
				median(s.map((x) => x.rateLimited)),
				seconds(ms),
				complete ? fmt(ms / floor, 3) : '–',
				`${median(s.map((x) => x.contacts))} of ${CONTACTS}`,
				median(s.map((x) => x.items)),
				met(complete && median(s.map((x) => x.ok)) === minRequests && ms / floor <= 1.05),
			];
		});
		printTable(
			`Return All of ${CONTACTS} contacts inside n8n ${N8N_VERSION} (execution start → stop; minimum ${minRequests} requests, floor ${seconds(floor)}; medians of ${REPEAT}; load average ${fmt(median(loads))})`,
			[
				'variant',
				'execution',
				'pages ok / requests',
				'429s',
				'time',
				'× floor',
				'contacts returned',
				'output items',
				'goal met',
			],
			rows,
		);
		note(
			'HTTP Request output items are pages (one item per response); a user still needs a Split Out node to get one item per contact.',
		);
	} finally {
		await ctx.tearDown();
	}
}

if (require.main === module) {
	benchReturnAllInN8n().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(
				`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			process.exit(1);
		},
	);
}
