/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): queue scenario 3 — deactivation removes every subscription even
// when the ids in static data were overwritten in between (n8n saves static data whole, last writer wins).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { TriggerWorkflow } from '../../lib/triggerWorkflow';
import type { QueueContext } from '../queueContext';
import { storedSubscriptionIds } from './support';

export function deactivationScenario(ctx: QueueContext, calls: TriggerWorkflow): void {
	describe('3. deactivation after static data was overwritten', () => {
		test('leaves zero subscriptions in iClosed for the workflow’s URL', async () => {
			const registered = calls.subscriptions().map((s) => String(s.id)).sort();
			assert.equal(registered.length, 3);
			// What a stale writer would leave: the static data of a copy that knew only one subscription.
			const id = calls.id.replace(/'/g, "''");
			const data = JSON.parse(ctx.sql(`SELECT "staticData" FROM workflow_entity WHERE id = '${id}'`)) as Record<string, { subscriptions: unknown[] }>;
			data['node:iClosed Trigger'].subscriptions = data['node:iClosed Trigger'].subscriptions.slice(0, 1);
			ctx.sql(`UPDATE workflow_entity SET "staticData" = '${JSON.stringify(data).replace(/'/g, "''")}' WHERE id = '${id}'`);
			assert.equal(storedSubscriptionIds(await ctx.client.workflow(calls.id), calls.url).length, 1, 'static data overwritten');

			const mark = ctx.fake.requests.length;
			await calls.deactivate();
			assert.equal(calls.subscriptions().length, 0);
			const deleted = calls.webhookApiCalls('DELETE', mark).map((r) => r.path.split('/').pop() ?? '').sort();
			assert.deepEqual(deleted, registered);
		});
	});
}
