/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): the example workflows in examples/ only use parameters,
// resources and operations the loaded iClosed nodes define, so they cannot rot unnoticed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { exampleFiles, loadExample } from '../lib/exampleWorkflows';
import { parameterProblems } from '../lib/parameterCheck';
import type { LoadedProperty } from '../lib/parameterCheck';
import { PACKAGE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';

export function examplesMatchNodesScenario(ctx: SuiteContext): void {
	describe('1b. the example workflows match the loaded nodes', () => {
		for (const file of exampleFiles()) {
			test(`examples/${file} uses only parameters the iClosed nodes define`, async () => {
				const types = await ctx.client.nodeTypes();
				const problems = loadExample(file)
					.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`))
					.flatMap((node) => {
						const type = types.find((t) => t.name === node.type);
						if (!type) return [`${node.name}: n8n has no node type ${node.type}`];
						return parameterProblems((type.properties ?? []) as LoadedProperty[], node.parameters).map((p) => `${node.name}: ${p}`);
					});
				assert.deepEqual(problems, []);
			});
		}
	});
}
