/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 7 — the node's On Error setting. Two contacts are
// created, one with an invalid email; n8n itself decides which branch the failed item takes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { failureOf } from '../lib/executions';
import type { Execution, WorkflowBody } from '../lib/n8nClient';
import { ACTION_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';

const TRIGGER = 'Start';
const CREATE = 'Create contacts';
const SUCCEEDED = 'Succeeded';
const FAILED = 'Failed';
const BAD_EMAIL = 'not-an-email';

type OnError = 'continueRegularOutput' | 'continueErrorOutput';

/** Start → two emails → Split Out → iClosed Contact → Create (onError) → Succeeded / Failed. */
function workflow(onError: OnError, goodEmail: string): WorkflowBody {
	const noOp = (name: string, y: number) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [880, y] as [number, number], parameters: {} });
	const outputs = [[{ node: SUCCEEDED, type: 'main', index: 0 }]];
	if (onError === 'continueErrorOutput') outputs.push([{ node: FAILED, type: 'main', index: 0 }]);
	return {
		name: `On Error: ${onError}`,
		nodes: [
			{ name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				name: 'Two emails',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ emails: [goodEmail, BAD_EMAIL] }), options: {} },
			},
			{ name: 'One per email', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [440, 0], parameters: { fieldToSplitOut: 'emails', options: {} } },
			{
				name: CREATE,
				type: ACTION_NODE_TYPE,
				typeVersion: 1,
				position: [660, 0],
				onError,
				parameters: { resource: 'contact', operation: 'create', email: '={{ $json.emails }}' },
			},
			noOp(SUCCEEDED, -100),
			noOp(FAILED, 100),
		],
		connections: {
			[TRIGGER]: { main: [[{ node: 'Two emails', type: 'main', index: 0 }]] },
			'Two emails': { main: [[{ node: 'One per email', type: 'main', index: 0 }]] },
			'One per email': { main: [[{ node: CREATE, type: 'main', index: 0 }]] },
			[CREATE]: { main: outputs },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The items a node received (its only output, a NoOp passes them on); none when it did not run. */
function received(execution: Execution, node: string): Array<Record<string, unknown>> {
	return (execution.data?.resultData.runData[node]?.[0]?.data?.main[0] ?? []).map((item) => item.json);
}

function errorOf(item: Record<string, unknown> | undefined): Record<string, unknown> {
	return (item?.error ?? {}) as Record<string, unknown>;
}

export function onErrorScenario(ctx: SuiteContext): void {
	describe('7. On Error: the failed item takes the branch the node is set to', () => {
		test('Continue (using error output): the invalid email goes to the error branch, the good one to success', async () => {
			const good = `on-error-output-${ctx.version}@example.com`;
			const execution = await ctx.runWorkflow(workflow('continueErrorOutput', good), TRIGGER);
			assert.equal(execution.status, 'success', failureOf(execution));

			const succeeded = received(execution, SUCCEEDED);
			const failed = received(execution, FAILED);
			assert.deepEqual(succeeded.map((item) => item.email), [good], `success branch: ${JSON.stringify(succeeded)}`);
			assert.equal(failed.length, 1, `error branch: ${JSON.stringify(failed)}`);
			assert.match(String(errorOf(failed[0]).message), /Email is not a valid email address: "not-an-email"/);
			assert.equal(failed[0].emails, BAD_EMAIL, 'n8n adds the input item to the error item');
			assert.equal(ctx.requestsTo('POST', '/v1/contacts').filter((r) => (r.body as { email?: string })?.email === good).length, 1);
		});

		test('Continue: both items stay on the one output, the failed one with its error', async () => {
			const good = `on-error-regular-${ctx.version}@example.com`;
			const execution = await ctx.runWorkflow(workflow('continueRegularOutput', good), TRIGGER);
			assert.equal(execution.status, 'success', failureOf(execution));

			const succeeded = received(execution, SUCCEEDED);
			assert.equal(succeeded.length, 2, `success branch: ${JSON.stringify(succeeded)}`);
			assert.equal(succeeded[0].email, good);
			assert.match(String(errorOf(succeeded[1]).message), /Email is not a valid email address: "not-an-email"/);
			assert.equal(received(execution, FAILED).length, 0, 'the unconnected node did not run');
		});
	});
}
