/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): queue scenarios 1 and 2 — activation on main, deliveries on both
// webhook processors, executions on the worker, static data intact after a burst.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { outputOf } from '../../lib/executions';
import type { TriggerWorkflow } from '../../lib/triggerWorkflow';
import type { QueueContext } from '../queueContext';
import { distinctBooking, secretFor, storedSubscriptionIds } from './support';

const EVENTS = ['call.booked', 'call.rescheduled', 'call.cancelled'];

export function deliveriesScenario(ctx: QueueContext, calls: TriggerWorkflow): void {
	describe('1. activation on main, deliveries on either webhook processor, executions on the worker', () => {
		test('activation registers each selected event exactly once, to the webhook processors’ URL', async () => {
			const mark = ctx.fake.requests.length;
			await calls.importIt();
			await calls.activate(3);
			assert.deepEqual(calls.subscriptions().flatMap((s) => s.events).sort(), [...EVENTS].sort());
			assert.equal(calls.webhookApiCalls('POST', mark).length, 3, 'POST /v1/webhooks count');
			assert.ok(calls.url.startsWith(`${ctx.webhooks[0].baseUrl}/webhook/`), calls.url);
		});

		test('a delivery to each webhook processor gives exactly one successful execution each, run on the worker', async () => {
			for (const [index, event] of ['call.booked', 'call.rescheduled'].entries()) {
				const url = ctx.viaProcessor(calls.url, index);
				const delivery = await calls.deliver(event, { url, sign: { secret: secretFor(ctx, calls, event) } });
				assert.equal(delivery.status, 200, `processor ${index + 1} answered ${delivery.status}: ${delivery.body}`);
				const execution = await calls.expectExecutions(index + 1);
				assert.equal(execution.status, 'success', execution.data?.resultData.error?.message);
				assert.equal(execution.mode, 'webhook');
				assert.equal(outputOf(execution, 'iClosed Trigger').event, event);
				assert.ok(ctx.workerExecutionIds().has(String(execution.id)), `execution ${execution.id} is not in the worker's log`);
			}
		});
	});

	describe('2. a burst: 50 distinct deliveries at once, split across both processors', () => {
		test('50 executions, and static data still holds every subscription', async () => {
			const before = await calls.executionCount();
			const idsBefore = storedSubscriptionIds(await ctx.client.workflow(calls.id), calls.url);
			assert.equal(idsBefore.length, 3, 'subscriptions stored on activation');
			const secret = secretFor(ctx, calls, 'call.booked');
			const results = await Promise.all(
				Array.from({ length: 50 }, async (_, i) => {
					const url = ctx.viaProcessor(calls.url, i % 2);
					const [result] = await ctx.fake.deliver('call.booked', { url, payload: distinctBooking(ctx, `burst-${i}`), sign: { secret } });
					return result.status;
				}),
			);
			assert.deepEqual([...new Set(results)], [200], `statuses: ${results.join(',')}`);
			const all = await ctx.finishedExecutions(calls.id, before + 50, 120_000);
			await calls.expectNoNewExecution(before + 50);
			assert.equal(all.filter((e) => e.status !== 'success').length, 0, 'failed executions');
			const onWorker = ctx.workerExecutionIds();
			assert.equal(all.filter((e) => !onWorker.has(String(e.id))).length, 0, 'executions not run by the worker');

			const idsAfter = storedSubscriptionIds(await ctx.client.workflow(calls.id), calls.url);
			assert.deepEqual(idsAfter, idsBefore);
			assert.deepEqual(idsAfter, calls.subscriptions().map((s) => String(s.id)).sort());
		});
	});
}
