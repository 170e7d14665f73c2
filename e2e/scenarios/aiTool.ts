/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 6 — the action node as an AI-agent tool.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ACTION_NODE_TYPE, TOOL_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';

interface LoadedType {
	name: string;
	displayName: string;
	description?: string;
	outputs?: unknown;
	properties?: Array<{ name: string; options?: Array<{ value?: unknown }> }>;
}

const optionValues = (type: LoadedType, name: string) =>
	(type.properties ?? []).filter((p) => p.name === name).flatMap((p) => (p.options ?? []).map((o) => o.value));

export function aiToolScenario(ctx: SuiteContext): void {
	describe('6. the action node as an AI tool', () => {
		test(`n8n offers ${TOOL_NODE_TYPE} with the action node's description, resources and a tool description`, async () => {
			const types = (await ctx.client.nodeTypes()) as unknown as LoadedType[];
			const tool = types.find((t) => t.name === TOOL_NODE_TYPE);
			const action = types.find((t) => t.name === ACTION_NODE_TYPE);
			assert.ok(tool, `${TOOL_NODE_TYPE} missing; tool-like types: ${types.filter((t) => t.name.startsWith('n8n-nodes-iclosed')).map((t) => t.name).join(', ')}`);
			assert.ok(action);
			assert.equal(tool.displayName, 'iClosed Tool');
			assert.ok(tool.description && tool.description.length > 20, 'the tool has a description');
			assert.equal(tool.description, action.description);
			assert.deepEqual(tool.outputs, ['ai_tool']);
			const names = (tool.properties ?? []).map((p) => p.name);
			assert.ok(names.includes('toolDescription'), 'tool description parameter');
			assert.deepEqual(optionValues(tool, 'resource'), optionValues(action, 'resource'));
			assert.deepEqual(optionValues(tool, 'operation').sort(), optionValues(action, 'operation').sort());
		});

		test('examples/ai-setter.json imports with its iClosed tools attached to the agent', async () => {
			const { id } = await ctx.importExample('ai-setter.json');
			const saved = await ctx.client.rest<{ nodes: Array<{ name: string; type: string }>; connections: Record<string, { ai_tool?: unknown[] }> }>('GET', `/rest/workflows/${id}`);
			const tools = saved.nodes.filter((n) => n.type === TOOL_NODE_TYPE).map((n) => n.name).sort();
			assert.deepEqual(tools, ['Book the call', 'Find free slots']);
			for (const name of tools) assert.ok(saved.connections[name]?.ai_tool, `${name} is not connected as a tool`);
		});
	});
}
