/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// End-to-end test code (never shipped): one real n8n server process, started headless on 127.0.0.1.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { request } from 'undici';

import { sleep, waitFor } from './waitFor';

/** Which n8n, run by which node (e2e/install-n8n.sh prints both). */
export interface N8nRuntime {
	version: string;
	/** …/node_modules/n8n/bin/n8n */
	n8nBin: string;
	/** The directory of the `node` binary that runs this n8n (Node 20 for 2.8.4, Node 24 for 2.40.x). */
	nodeBinDir: string;
}

export interface N8nProcessOptions {
	runtime: N8nRuntime;
	/** Becomes N8N_USER_FOLDER: n8n keeps `.n8n/{database.sqlite,config,nodes/}` there. */
	userFolder: string;
	port: number;
	/** Task-runner broker port: its default 5679 would collide with a second n8n or a fake server. */
	brokerPort: number;
	logFile: string;
	extraEnv?: Record<string, string>;
	/**
	 * `start` (main, the default), or in queue mode `worker` (runs executions; `port` serves its health
	 * check) or `webhook` (a webhook processor serving /webhook/*).
	 */
	command?: N8nCommand;
}

export type N8nCommand = 'start' | 'worker' | 'webhook';

/** Fixed so a restart (scenario 3) and the local `npm start` can decrypt what an earlier run saved. */
const INSTANCE_ENCRYPTION = 'iclosed-e2e-encryption-key-not-a-secret';

function n8nEnv(o: N8nProcessOptions): NodeJS.ProcessEnv {
	const base = `http://127.0.0.1:${o.port}`;
	return {
		...process.env,
		// n8n spawns its task runner with this PATH, so the runner gets the same node.
		PATH: `${o.runtime.nodeBinDir}${delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: o.userFolder,
		N8N_PORT: String(o.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// Base of the production webhook URLs the trigger registers with iClosed (trailing slash matters).
		WEBHOOK_URL: `${base}/`,
		N8N_EDITOR_BASE_URL: `${base}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_ENCRYPTION_KEY: INSTANCE_ENCRYPTION,
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(o.brokerPort),
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL ?? 'info',
		N8N_LOG_OUTPUT: 'console',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		// n8n 1.123 installed with --ignore-scripts (install-n8n.sh) has no isolated-vm build for its default
		// expression engine and does not start without this (decisions.md).
		...(o.runtime.version.startsWith('1.') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		// A worker has no web server of its own: its health check on `port` tells when it is ready.
		...(o.command === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(o.port) } : {}),
		...o.extraEnv,
	};
}

export class N8nProcess {
	readonly baseUrl: string;

	private child: ChildProcess | undefined;

	private readonly killOnExit = () => this.killGroup('SIGKILL');

	constructor(readonly options: N8nProcessOptions) {
		this.baseUrl = `http://127.0.0.1:${options.port}`;
	}

	/** The n8n process id while it runs (benchmarks read its CPU time). */
	get pid(): number | undefined {
		return this.running ? this.child?.pid : undefined;
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Starts n8n and resolves once its REST API answers; returns the startup time in ms. */
	async start(timeoutMs = 180_000): Promise<number> {
		if (this.running) throw new Error('n8n is already running');
		const t0 = Date.now();
		const log = openSync(this.options.logFile, 'a');
		// detached: its own process group, so the task-runner child can be stopped with it if n8n hangs.
		const command = this.options.command ?? 'start';
		const child = spawn(join(this.options.runtime.nodeBinDir, 'node'), [this.options.runtime.n8nBin, command], {
			env: n8nEnv(this.options),
			cwd: this.options.userFolder,
			stdio: ['ignore', log, log],
			detached: true,
		});
		closeSync(log);
		this.child = child;
		process.once('exit', this.killOnExit);
		// During migrations every path answers 200 "n8n is starting up", and /healthz/readiness turns 200
		// seconds before the /rest routes exist: only the settings JSON proves main's API is usable.
		// Workers and webhook processors have no REST API; their /healthz answers once they are up.
		await waitFor(
			async () => {
				if (!this.running) throw new Error(`n8n ${command} exited early (code ${child.exitCode}); log: ${this.options.logFile}`);
				const res = await request(`${this.baseUrl}${command === 'start' ? '/rest/settings' : '/healthz'}`, { reset: true });
				const text = await res.body.text();
				return res.statusCode === 200 && (command !== 'start' || text.startsWith('{"data"'));
			},
			{ timeoutMs, stepMs: 500, what: `n8n ${this.options.runtime.version} ${command} on ${this.baseUrl}` },
		).catch((error: Error) => {
			if (!this.running) throw new Error(`${error.message}\n${this.logTail()}`);
			throw error;
		});
		return Date.now() - t0;
	}

	/** SIGTERM (n8n shuts down in ~2 s), then SIGKILL for the whole group if it does not. */
	async stop(timeoutMs = 20_000): Promise<void> {
		const child = this.child;
		if (!child) return;
		process.removeListener('exit', this.killOnExit);
		if (this.running) {
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			await Promise.race([exited, sleep(timeoutMs)]);
		}
		this.killGroup('SIGKILL');
		this.child = undefined;
	}

	/** Stops and starts n8n again; `extraEnv` changes its environment from then on (e.g. WEBHOOK_URL). */
	async restart(extraEnv: Record<string, string> = {}): Promise<number> {
		await this.stop();
		this.options.extraEnv = { ...this.options.extraEnv, ...extraEnv };
		return await this.start();
	}

	logTail(lines = 60): string {
		try {
			return readFileSync(this.options.logFile, 'utf8').split('\n').slice(-lines).join('\n');
		} catch {
			return '(no n8n log)';
		}
	}

	private killGroup(signal: NodeJS.Signals): void {
		const pid = this.child?.pid;
		if (pid === undefined) return;
		try {
			process.kill(-pid, signal); // the group we created with `detached`, i.e. n8n and its task runner
		} catch {
			// already gone
		}
	}
}
