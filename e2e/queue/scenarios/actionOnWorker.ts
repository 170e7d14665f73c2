/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): queue scenario 5 — the action node on the worker: the single-
// instance suite's Return All (a 429 midway) and booking scenarios, run as manual executions that main
// hands to the worker (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Execution } from '../../lib/n8nClient';
import { bookingFlowScenario } from '../../scenarios/bookingFlow';
import { returnAllScenario } from '../../scenarios/returnAll';
import type { QueueContext } from '../queueContext';

export function actionOnWorkerScenario(ctx: QueueContext): void {
	describe('5. the action node on the worker', () => {
		returnAllScenario(ctx);
		bookingFlowScenario(ctx);

		test('every execution of the suite so far ran on the worker', async () => {
			const page = await ctx.client.api<{ data: Execution[] }>('GET', '/executions?limit=250');
			const manual = page.data.filter((e) => e.mode === 'manual' || e.mode === 'trigger');
			assert.ok(manual.length >= 2, `manual executions: ${manual.length}`);
			const onWorker = ctx.workerExecutionIds();
			const elsewhere = page.data.filter((e) => !onWorker.has(String(e.id))).map((e) => `${e.id} (${e.mode})`);
			assert.deepEqual(elsewhere, []);
		});
	});
}
