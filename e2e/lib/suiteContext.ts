/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): everything one suite run shares — a fresh n8n user folder with
// the packed package installed, the fake iClosed server, a running n8n, an owner, an API key and an
// iClosed credential pointing at the fake server.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startFakeIClosed } from '../../test/fake-iclosed';
import type { FakeIClosed, RecordedRequest } from '../../test/fake-iclosed';
import { bindExample, loadExample } from './exampleWorkflows';
import { installPackageTarball } from './installPackage';
import { N8nClient } from './n8nClient';
import type { CredentialRef, Execution, WorkflowBody } from './n8nClient';
import { N8nProcess } from './n8nProcess';
import type { N8nCommand, N8nProcessOptions } from './n8nProcess';
import { CREDENTIAL_TYPE } from './packageNames';
import type { SuiteConfig } from './suiteConfig';
import { waitFor } from './waitFor';

/** Execution states that will not change any more. */
const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/**
 * Finished, and its run data saved too. n8n 1.x writes an execution's status and its data in two
 * separate updates, so for a moment an execution reads "success" with the run data it started with
 * (seen once in CI on 1.123.81: a finished Return All with no output); the data is complete once it
 * names the last node that ran, or carries the error.
 */
function isSaved(execution: Execution): boolean {
	if (!FINISHED.includes(execution.status)) return false;
	const result = execution.data?.resultData;
	return result?.lastNodeExecuted !== undefined || result?.error !== undefined;
}

export const E2E_OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2eTestPassw0rd',
};

/** n8n 2.36+'s durable poll engine, switched on as its docs say ("Durable scheduler"). */
export const DURABLE_POLL_ENGINE = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

export class SuiteContext {
	fake!: FakeIClosed;

	n8n!: N8nProcess;

	client!: N8nClient;

	credential!: CredentialRef;

	/** Where the packed package was installed: `<user folder>/.n8n/nodes/node_modules/n8n-nodes-iclosed`. */
	packageDir = '';

	protected userFolder = '';

	constructor(readonly config: SuiteConfig) {}

	get version(): string {
		return this.config.runtime.version;
	}

	/** The version and, on the durable engine, says so: names logs and folders of this run. */
	get label(): string {
		return this.durable ? `${this.version}-durable` : this.version;
	}

	get durable(): boolean {
		return this.config.pollEngine === 'durable';
	}

	/**
	 * How long a polling scenario waits for a change to show: a poll runs every 5 s there (custom Poll Times, each
	 * its own job on the durable engine too), but the durable engine starts a poll a little later after a publish.
	 */
	get pollWaitMs(): number {
		return this.durable ? 90_000 : 60_000;
	}

	/** What the credential of the tests holds; `apiKey` overridable for the bad-key test. */
	credentialData(apiKey = this.fake.apiKey): Record<string, unknown> {
		return { apiKey, environment: 'custom', baseUrl: this.fake.baseUrl };
	}

	async setUp(): Promise<void> {
		this.prepareUserFolder();
		this.fake = await startFakeIClosed({ seed: 'demo' });
		mkdirSync(this.config.logDir, { recursive: true });
		this.n8n = new N8nProcess(this.processOptions('start', this.config.port, `n8n-${this.label}.log`));
		const ms = await this.n8n.start();
		process.stdout.write(`# n8n ${this.label} ready in ${ms} ms (log: ${this.n8n.options.logFile})\n`);
		await this.signInWithCredential();
	}

	/** Where n8n's production webhook URLs start (WEBHOOK_URL without its trailing slash). */
	get webhookBaseUrl(): string {
		return this.n8n.baseUrl;
	}

	/** A fresh n8n user folder with the packed package installed as n8n's own installer does. */
	protected prepareUserFolder(): void {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${this.label}-`));
		this.packageDir = installPackageTarball(this.userFolder, this.config.tarball);
	}

	/** One n8n process of this suite; the task-runner broker listens on `port + 1`. */
	protected processOptions(command: N8nCommand, port: number, logName: string, extraEnv: Record<string, string> = {}): N8nProcessOptions {
		return {
			runtime: this.config.runtime,
			userFolder: this.userFolder,
			port,
			brokerPort: port + 1,
			logFile: join(this.config.logDir, logName),
			command,
			// Not UTC, so a time-zone slip in the nodes (a slot start read as local time) shows up.
			extraEnv: { GENERIC_TIMEZONE: 'America/New_York', ...(this.durable ? DURABLE_POLL_ENGINE : {}), ...extraEnv },
		};
	}

	/** Claims the instance on main, creates an API key and the iClosed credential for the fake server. */
	protected async signInWithCredential(): Promise<void> {
		this.client = new N8nClient(this.n8n.baseUrl);
		await this.client.signIn(E2E_OWNER);
		await this.client.createApiKey('e2e');
		this.credential = await this.client.createCredential('iClosed sandbox', CREDENTIAL_TYPE, this.credentialData());
	}

	async tearDown(): Promise<void> {
		await this.n8n?.stop();
		await this.fake?.close();
		if (this.userFolder && !process.env.E2E_KEEP_USER_FOLDER) rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** Creates a workflow from an example in examples/, bound to the suite's credential. */
	async importExample(file: string): Promise<{ id: string; body: WorkflowBody }> {
		const example = loadExample(file);
		const body = bindExample(example, this.credential, `${example.name} (${file})`);
		const { id } = await this.client.createWorkflow(body);
		return { id, body };
	}

	/** Imports an example, runs it as the editor's "Execute workflow" button does, and waits for the result. */
	async runExample(file: string, triggerName: string, timeoutMs = 60_000): Promise<Execution> {
		const { id } = await this.importExample(file);
		return await this.runManually(id, triggerName, file, timeoutMs);
	}

	/** Creates a workflow built by a test, bound to the suite's credential, runs it manually and waits. */
	async runWorkflow(workflow: WorkflowBody, triggerName: string, timeoutMs = 60_000): Promise<Execution> {
		const { id } = await this.client.createWorkflow(bindExample(workflow, this.credential));
		return await this.runManually(id, triggerName, workflow.name, timeoutMs);
	}

	private async runManually(workflowId: string, triggerName: string, what: string, timeoutMs: number): Promise<Execution> {
		const executionId = await this.client.runManually(workflowId, triggerName);
		return await waitFor(
			async () => {
				const execution = await this.client.execution(executionId);
				return isSaved(execution) ? execution : undefined;
			},
			{ timeoutMs, what: `the manual run of ${what}` },
		);
	}

	requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
		return this.fake.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
	}

	/** Waits until the workflow has `count` finished executions and returns them, oldest first. */
	async finishedExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<Execution[]> {
		const done = await waitFor(
			async () => {
				const all = (await this.client.executions(workflowId)).filter(isSaved);
				return all.length >= count ? all : undefined;
			},
			{ timeoutMs, what: `${count} finished execution(s) of workflow ${workflowId}` },
		);
		return [...done].sort((a, b) => Number(a.id) - Number(b.id));
	}
}
