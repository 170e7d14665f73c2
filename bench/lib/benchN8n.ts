/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test and benchmark code, never shipped */
// Benchmark code (never shipped): a real n8n with the packed package, set up exactly as the e2e suite
// does (e2e/install-n8n.sh for the pinned n8n, e2e/lib/SuiteContext for the rest), on its own port.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from '../../e2e/lib/exampleWorkflows';
import type { Execution } from '../../e2e/lib/n8nClient';
import { SuiteContext } from '../../e2e/lib/suiteContext';
import { waitFor } from '../../e2e/lib/waitFor';

export const N8N_VERSION = process.env.BENCH_N8N_VERSION ?? '2.8.4';

/** Installs (or reuses) the pinned n8n, packs dist/ (run `npm run build` first) and starts n8n. */
export async function startBenchN8n(port: number, label: string): Promise<SuiteContext> {
	const root = repoRoot();
	const nodeVersion = N8N_VERSION.startsWith('2.8.')
		? 'system'
		: (process.env.BENCH_NODE_VERSION ?? '24.21.0');
	const env = execFileSync('bash', [join(root, 'e2e/install-n8n.sh'), N8N_VERSION, nodeVersion], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const value = (name: string) => {
		const line = env.split('\n').find((l) => l.startsWith(`${name}=`));
		if (!line) throw new Error(`e2e/install-n8n.sh printed no ${name}`);
		return line.slice(name.length + 1);
	};
	const packDir = join(root, 'build', `${label}-pkg`);
	mkdirSync(packDir, { recursive: true });
	const tgz =
		execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
			cwd: root,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop() ?? '';
	const ctx = new SuiteContext({
		runtime: { version: N8N_VERSION, n8nBin: value('N8N_BIN'), nodeBinDir: value('NODE_BIN_DIR') },
		tarball: join(packDir, tgz),
		port,
		logDir: join(root, 'build', `${label}-logs`),
	});
	await ctx.setUp();
	return ctx;
}

export interface TimedExecution extends Execution {
	startedAt: string;
	stoppedAt: string | null;
}

/** Executions of a workflow (no run data), newest first; the public API pages by 250 at most. */
export async function listExecutions(
	ctx: SuiteContext,
	workflowId: string,
): Promise<TimedExecution[]> {
	const all: TimedExecution[] = [];
	let cursor: string | undefined;
	do {
		const page = await ctx.client.api<{ data: TimedExecution[]; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&includeData=false&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** Runs a workflow as the editor's Execute button does and waits for it to finish. */
export async function runToEnd(
	ctx: SuiteContext,
	workflowId: string,
	triggerName: string,
	timeoutMs: number,
): Promise<TimedExecution> {
	const id = await ctx.client.runManually(workflowId, triggerName);
	return await waitFor(
		async () => {
			const execution = await ctx.client.api<TimedExecution>(
				'GET',
				`/executions/${id}?includeData=true`,
			);
			return ['success', 'error', 'crashed', 'canceled'].includes(execution.status)
				? execution
				: undefined;
		},
		{ timeoutMs, stepMs: 500, what: `execution ${id}` },
	);
}
