/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// End-to-end test code (never shipped): n8n in queue mode, as teams run it: main (activation, pollers,
// the editor's API), one worker (executions) and two webhook processors (/webhook/*), sharing Postgres,
// Redis, the encryption key and the user folder that holds the installed package.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

import { startFakeIClosed } from '../../test/fake-iclosed';
import { N8nProcess } from '../lib/n8nProcess';
import { SuiteContext } from '../lib/suiteContext';
import type { SuiteConfig } from '../lib/suiteConfig';

export interface QueueConfig extends SuiteConfig {
	pgPort: number;
	redisPort: number;
	/** psql, to overwrite static data behind n8n's back (scenario 3). */
	psql: string;
}

export function queueConfigFrom(config: SuiteConfig): QueueConfig {
	return {
		...config,
		pgPort: Number(process.env.QUEUE_PG_PORT ?? 55432),
		redisPort: Number(process.env.QUEUE_REDIS_PORT ?? 56379),
		psql: process.env.QUEUE_PSQL ?? 'psql',
	};
}

export class QueueContext extends SuiteContext {
	worker!: N8nProcess;

	/** Two webhook processors; iClosed is given the first one's URL (WEBHOOK_URL), as behind a load balancer. */
	webhooks: N8nProcess[] = [];

	/** A second worker, started by the two-worker scenario (`startSecondWorker`). */
	worker2: N8nProcess | undefined;

	/** The environment every process of the suite shares. */
	private shared: Record<string, string> = {};

	constructor(readonly queue: QueueConfig) {
		super(queue);
	}

	override get webhookBaseUrl(): string {
		return this.webhooks[0].baseUrl;
	}

	/** The same production URL, served by webhook processor `index`. */
	viaProcessor(url: string, index: number): string {
		return url.replace(this.webhooks[0].baseUrl, this.webhooks[index].baseUrl);
	}

	override async setUp(): Promise<void> {
		this.prepareUserFolder();
		this.fake = await startFakeIClosed({ seed: 'demo' });
		mkdirSync(this.config.logDir, { recursive: true });
		const port = this.config.port;
		const webhookPorts = [port + 4, port + 6];
		const shared = (this.shared = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.queue.pgPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.queue.redisPort),
			// The URL main hands the trigger (and iClosed calls): the first webhook processor.
			WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0]}/`,
			// Production webhooks only on the processors, manual runs on the worker: nothing runs on main.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		});
		const v = this.version;
		this.n8n = new N8nProcess(this.processOptions('start', port, `queue-main-${v}.log`, shared));
		this.worker = new N8nProcess(this.processOptions('worker', port + 2, `queue-worker-${v}.log`, shared));
		this.webhooks = webhookPorts.map(
			(p, i) => new N8nProcess(this.processOptions('webhook', p, `queue-webhook${i + 1}-${v}.log`, shared)),
		);
		// Main first: it runs the database migrations the others expect.
		const mainMs = await this.n8n.start();
		const others = await Promise.all([this.worker.start(), ...this.webhooks.map(async (w) => await w.start())]);
		process.stdout.write(`# n8n ${v} queue mode: main ready in ${mainMs} ms, worker and webhook processors ${Math.max(...others)} ms later\n`);
		await this.signInWithCredential();
	}

	/**
	 * Two workers that take one execution at a time each (N8N_CONCURRENCY_PRODUCTION_LIMIT=1), so two
	 * executions queued at once run on two processes: the first worker restarted, a second one on
	 * `port + 8` (its broker on `port + 9`).
	 */
	async startSecondWorker(): Promise<void> {
		const oneAtATime = { N8N_CONCURRENCY_PRODUCTION_LIMIT: '1' };
		await this.worker.restart(oneAtATime);
		const port = this.config.port + 8;
		this.worker2 = new N8nProcess(this.processOptions('worker', port, `queue-worker2-${this.version}.log`, { ...this.shared, ...oneAtATime }));
		await this.worker2.start();
	}

	override async tearDown(): Promise<void> {
		await Promise.all([...this.webhooks, this.worker, this.worker2].map(async (p) => await p?.stop()));
		await super.tearDown();
	}

	/** Execution ids a worker's log says it ran ("Worker started execution <id>"); the first worker by default. */
	workerExecutionIds(worker: N8nProcess = this.worker): Set<string> {
		const log = readFileSync(worker.options.logFile, 'utf8');
		return new Set([...log.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
	}

	/** Runs one SQL statement in n8n's database and returns psql's unaligned output. */
	sql(statement: string): string {
		return execFileSync(this.queue.psql, ['-h', '127.0.0.1', '-p', String(this.queue.pgPort), '-U', 'n8n', '-d', 'n8n', '-At', '-c', statement], {
			encoding: 'utf8',
		}).trim();
	}
}
