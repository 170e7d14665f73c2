/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): queue scenario 4 — one delivery reaching both webhook processors
// at the same instant. Each processor remembers what it accepted in its own memory (webhook() never
// writes static data), so this measures, and the README reports, how many executions start.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { resendDelivery } from '../../lib/deliveries';
import type { TriggerWorkflow } from '../../lib/triggerWorkflow';
import type { QueueContext } from '../queueContext';
import { distinctBooking, secretFor, signedDelivery } from './support';

const PAIRS = 5;

export function sameInstantScenario(ctx: QueueContext, calls: TriggerWorkflow): void {
	describe('4. the same delivery sent to both processors at the same instant', () => {
		test(`measures the executions started by ${PAIRS} simultaneous pairs; repeats afterwards start nothing`, async () => {
			const secret = secretFor(ctx, calls, 'call.booked');
			const started: number[] = [];
			for (let pair = 0; pair < PAIRS; pair++) {
				const before = await calls.executionCount();
				const delivery = signedDelivery(calls.url, distinctBooking(ctx, `same-instant-${pair}`), secret);
				const statuses = await Promise.all([0, 1].map(async (i) => await resendDelivery({ ...delivery, url: ctx.viaProcessor(delivery.url, i) })));
				assert.deepEqual(statuses, [200, 200]);
				await ctx.finishedExecutions(calls.id, before + 1);
				const after = await calls.executionCount();
				// A retry later, to either processor: each has remembered the delivery.
				for (const i of [0, 1]) assert.equal(await resendDelivery({ ...delivery, url: ctx.viaProcessor(delivery.url, i) }), 200);
				await calls.expectNoNewExecution(after);
				started.push(after - before);
			}
			process.stdout.write(`# queue scenario 4 (n8n ${ctx.version}): executions per simultaneous pair: ${started.join(', ')}\n`);
			assert.ok(started.every((n) => n === 1 || n === 2), `executions per pair: ${started.join(', ')}`);
		});
	});
}
