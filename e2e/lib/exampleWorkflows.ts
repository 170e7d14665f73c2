/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): loads the credential-free example workflows from examples/ and
// binds them to an n8n instance's iClosed credential, for the e2e suite and for `npm start` alike.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { CredentialRef, WorkflowBody, WorkflowNode } from './n8nClient';
import { CREDENTIAL_TYPE, PACKAGE, TRIGGER_NODE_TYPE } from './packageNames';

/** The repo root, found from here whether this runs as e2e/lib/*.ts or as build/e2e/lib/*.js. */
export function repoRoot(from = __dirname): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE) return dir;
	}
	throw new Error(`cannot find the ${PACKAGE} repo above ${from}`);
}

export const EXAMPLES_DIR = join(repoRoot(), 'examples');

export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

export function loadExample(file: string): WorkflowBody {
	const raw = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowBody & Record<string, unknown>;
	// The public API rejects read-only fields (`active`, `id`, `tags`, …): keep what a new workflow may carry.
	return { name: raw.name, nodes: raw.nodes, connections: raw.connections, settings: raw.settings ?? { executionOrder: 'v1' } };
}

/**
 * The example with the credential set on every iClosed node, fresh node ids, and a fresh `webhookId` on
 * triggers (it names the production URL; two imports of one example must not share it).
 */
export function bindExample(workflow: WorkflowBody, credential: CredentialRef, name = workflow.name): WorkflowBody {
	const nodes: WorkflowNode[] = workflow.nodes.map((node) => {
		const bound: WorkflowNode = { ...node, id: randomUUID() };
		if (node.type.startsWith(`${PACKAGE}.`)) bound.credentials = { [CREDENTIAL_TYPE]: credential };
		if (node.webhookId !== undefined || node.type === TRIGGER_NODE_TYPE) bound.webhookId = randomUUID();
		return bound;
	});
	return { ...workflow, name, nodes };
}

/** Finds a node of a workflow by name, failing loudly when an example was renamed. */
export function nodeNamed(workflow: WorkflowBody, name: string): WorkflowNode {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node "${name}" (nodes: ${workflow.nodes.map((n) => n.name).join(', ')})`);
	return node;
}
