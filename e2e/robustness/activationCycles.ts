/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never shipped */
// End-to-end robustness code (never shipped): 50 activate/deactivate cycles of a trigger with three
// events leave no subscription behind at iClosed and never more than three at a time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { SuiteContext } from '../lib/suiteContext';
import type { RobustnessRecord } from './robustnessRecord';
import { RobustnessWorkflow } from './robustnessWorkflow';

const CYCLES = 50;
const EVENTS = ['call.booked', 'call.cancelled', 'call.rescheduled'];

export function activationCyclesScenario(ctx: SuiteContext, record: RobustnessRecord): void {
	describe(`${CYCLES} activate/deactivate cycles`, () => {
		test('leave zero subscriptions and never create a duplicate', async () => {
			const workflow = new RobustnessWorkflow(ctx, 'robustness: activation cycles', {
				events: EVENTS,
			});
			await workflow.create();
			record.workflows.push(workflow);
			const mark = ctx.fake.requests.length;
			const most: number[] = [];
			for (let cycle = 0; cycle < CYCLES; cycle++) {
				await workflow.activate(EVENTS.length);
				most.push(workflow.subscriptions().length);
				assert.deepEqual(
					workflow
						.subscriptions()
						.flatMap((s) => s.events)
						.sort(),
					[...EVENTS].sort(),
					`cycle ${cycle + 1}`,
				);
				await workflow.deactivate();
			}
			assert.deepEqual(
				[...new Set(most)],
				[EVENTS.length],
				'subscriptions right after each activation',
			);
			assert.equal(workflow.subscriptions().length, 0, 'leftover subscriptions');
			assert.equal(
				workflow.webhookApiCalls('POST', mark).length,
				CYCLES * EVENTS.length,
				'POST /v1/webhooks',
			);
			assert.equal(
				workflow.webhookApiCalls('DELETE', mark).length,
				CYCLES * EVENTS.length,
				'DELETE /v1/webhooks/:id',
			);
			assert.equal(
				ctx.fake.state.webhooks.filter((w) => w.url.includes('/webhook/')).length -
					otherActive(record, workflow),
				0,
			);
		});
	});
}

/** Subscriptions that belong to other scenarios' still-active workflows. */
function otherActive(record: RobustnessRecord, except: RobustnessWorkflow): number {
	return record.workflows
		.filter((w) => w !== except)
		.reduce((n, w) => n + w.subscriptions().length, 0);
}
