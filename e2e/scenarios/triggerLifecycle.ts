/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 3 — subscriptions follow the workflow's life:
// deactivation removes them, re-activation does not duplicate them, an n8n restart leaves them alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { outputOf } from '../lib/executions';
import type { SuiteContext } from '../lib/suiteContext';
import type { TriggerWorkflow } from '../lib/triggerWorkflow';
import { settle, waitFor } from '../lib/waitFor';

export function triggerLifecycleScenario(ctx: SuiteContext, calls: TriggerWorkflow): void {
	describe('3. subscriptions follow activation, deactivation and restarts', () => {
		test('deactivation removes all three subscriptions at iClosed', async () => {
			const mark = ctx.fake.requests.length;
			const ids = calls.subscriptions().map((s) => String(s.id)).sort();
			assert.equal(ids.length, 3, 'scenario 2 should have left three subscriptions');
			await calls.deactivate();
			const deleted = calls.webhookApiCalls('DELETE', mark).map((r) => r.path.split('/').pop() ?? '').sort();
			assert.deepEqual(deleted, ids);
		});

		test('re-activation registers three subscriptions again, not six', async () => {
			const mark = ctx.fake.requests.length;
			await calls.activate(3);
			await settle(1000, () => undefined); // a late duplicate would show up here
			assert.equal(calls.subscriptions().length, 3);
			assert.equal(calls.webhookApiCalls('POST', mark).length, 3);
		});

		test('restarting n8n with the workflow active registers nothing new, and deliveries still run', async () => {
			const before = calls.subscriptions().map((s) => String(s.id)).sort();
			const executions = await calls.executionCount();
			const mark = ctx.fake.requests.length;
			const ms = await ctx.n8n.restart();
			process.stdout.write(`# n8n ${ctx.version} restarted in ${ms} ms\n`);
			// n8n re-activates the workflow on start: 2.8.4 runs the trigger's checkExists (which lists iClosed's
			// webhooks), 2.40.x keeps the stored webhook and calls nothing. Either way the production URL answers
			// 404 until then, so retry one delivery until it is taken. The signing secrets live in the workflow's
			// static data, so it must still verify. (Not the call scenario 2 delivered — the newest scheduled
			// one — or it would count as a repeat.)
			const scheduled = ctx.fake.state.calls.filter((c) => c.status === 'SCHEDULED').sort((a, b) => b.id - a.id);
			const delivery = await waitFor(
				async () => {
					const attempt = await calls.deliver('call.booked', { callId: scheduled[1].id });
					return attempt.status === 404 ? undefined : attempt;
				},
				{ what: 'the production webhook URL after the restart', timeoutMs: 60_000, stepMs: 500 },
			);
			assert.equal(delivery.status, 200, delivery.body);
			const execution = await calls.expectExecutions(executions + 1);
			await settle(3000, () => undefined); // room for a late (wrong) re-registration to show up
			assert.equal(calls.webhookApiCalls('POST', mark).length, 0, 'no new POST /v1/webhooks after the restart');
			assert.equal(calls.webhookApiCalls('DELETE', mark).length, 0, 'no DELETE /v1/webhooks after the restart');
			assert.deepEqual(calls.subscriptions().map((s) => String(s.id)).sort(), before);
			assert.equal(execution.status, 'success');
			assert.equal(outputOf(execution, 'iClosed Trigger').event, 'call.booked');
		});
	});
}
