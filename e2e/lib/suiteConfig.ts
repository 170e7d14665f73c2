/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// End-to-end test code (never shipped): what e2e/run.sh hands the suite through the environment.
import type { N8nRuntime } from './n8nProcess';

export interface SuiteConfig {
	runtime: N8nRuntime;
	/** The `npm pack` tarball of this repo, installed into n8n as users install it. */
	tarball: string;
	/** n8n's HTTP port; distinct per n8n version so the two runs never meet. The broker uses port + 1. */
	port: number;
	/** n8n's log goes here (CI prints its tail on failure). */
	logDir: string;
	/**
	 * The poll engine: n8n's classic one, or the durable scheduler of 2.36+ (E2E_POLL_ENGINE=durable), which
	 * runs only the suite's polling scenarios (the rest does not depend on it).
	 */
	pollEngine?: 'classic' | 'durable';
}

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the suite through e2e/run.sh (npm run test:e2e)`);
	return value;
}

export function suiteConfigFromEnv(): SuiteConfig {
	return {
		runtime: {
			version: required('E2E_N8N_VERSION'),
			n8nBin: required('E2E_N8N_BIN'),
			nodeBinDir: required('E2E_NODE_BIN_DIR'),
		},
		tarball: required('E2E_PACKAGE_TGZ'),
		port: Number(process.env.E2E_N8N_PORT ?? 5688),
		logDir: required('E2E_LOG_DIR'),
		pollEngine: process.env.E2E_POLL_ENGINE === 'durable' ? 'durable' : 'classic',
	};
}
