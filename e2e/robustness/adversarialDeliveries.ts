/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never shipped */
// End-to-end robustness code (never shipped): the 1,000 generated malformed or hostile deliveries of
// test/robustness, sent through a real n8n's webhook server to an active iClosed Trigger (Signature
// Check "Require"): n8n stays up, every delivery gets its status, only signed deliveries of selected
// events start executions, none of them fails.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { request } from 'undici';

import { buildEventPayload } from '../../test/fake-iclosed';
import type { AdversarialDelivery } from '../../test/robustness/support/adversarialDeliveries';
import {
	SELECTED_EVENTS,
	deeplyNestedDelivery,
	generateAdversarialDeliveries,
} from '../../test/robustness/support/adversarialDeliveries';
import type { Execution } from '../lib/n8nClient';
import type { SuiteContext } from '../lib/suiteContext';
import { settle, waitFor } from '../lib/waitFor';
import type { RobustnessRecord } from './robustnessRecord';
import { RobustnessWorkflow, TRIGGER_NAME } from './robustnessWorkflow';

const SEED = 20_261_124;

/** The event uuids in a delivery's body, where it parses (forged and unselected ones must never run). */
function uuidsIn(delivery: AdversarialDelivery): string[] {
	try {
		const parsed = JSON.parse(delivery.body.toString('utf8')) as unknown;
		const items = Array.isArray(parsed) ? parsed : [parsed];
		return items.flatMap((i) => {
			const uuid = (i as { event?: { uuid?: unknown } } | null)?.event?.uuid;
			return typeof uuid === 'string' ? [uuid] : [];
		});
	} catch {
		return [];
	}
}

export function adversarialDeliveriesScenario(ctx: SuiteContext, record: RobustnessRecord): void {
	describe('1,000 malformed or adversarial deliveries through n8n', () => {
		const workflow = new RobustnessWorkflow(ctx, 'robustness: adversarial deliveries', {
			events: SELECTED_EVENTS,
			options: { signaturePolicy: 'require' },
		});
		const answers: Array<{ delivery: AdversarialDelivery; status: number }> = [];
		let executions: Execution[] = [];
		let deliveries: AdversarialDelivery[] = [];

		test('n8n answers every delivery and stays up', async () => {
			await workflow.create();
			await workflow.activate(SELECTED_EVENTS.length);
			record.workflows.push(workflow);
			const secret = workflow.subscriptions()[0].secret;
			deliveries = generateAdversarialDeliveries({
				count: 1000,
				seed: SEED,
				secret,
				template: buildEventPayload(ctx.fake.state, 'call.booked'),
			});
			for (const delivery of deliveries) {
				const res = await request(workflow.url, {
					method: 'POST',
					headers: delivery.headers,
					body: delivery.body,
				});
				const text = await res.body.text();
				record.texts.push(text);
				answers.push({ delivery, status: res.statusCode });
			}
			assert.equal(answers.length, 1000);
			assert.ok(ctx.n8n.running, 'n8n is no longer running');
			const health = await request(`${ctx.n8n.baseUrl}/healthz`);
			assert.equal(health.statusCode, 200);
			await health.body.text();
		});

		test('every delivery gets the status it deserves', () => {
			const wrong = answers
				.filter((a) => a.status !== a.delivery.expectStatus)
				.map(
					(a) =>
						`#${a.delivery.index} ${a.delivery.kind}: ${a.status}, expected ${a.delivery.expectStatus}`,
				);
			assert.deepEqual(wrong, []);
		});

		test('exactly the signed, selected, new events start executions, and every execution succeeds', async () => {
			const expectedRuns = deliveries.filter((d) => d.expectItems > 0).length;
			await waitFor(async () => (await ctx.client.executions(workflow.id)).length >= expectedRuns, {
				timeoutMs: 120_000,
				what: `${expectedRuns} executions`,
			});
			executions = await settle(2000, async () => await ctx.client.executions(workflow.id));
			record.executions.push(...executions);
			assert.equal(executions.length, expectedRuns);
			const failed = executions
				.filter((e) => e.status !== 'success')
				.map((e) => `${e.id}: ${e.status} ${e.data?.resultData.error?.message ?? ''}`);
			assert.deepEqual(failed, []);
			const items = executions.flatMap(
				(e) => e.data?.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main[0] ?? [],
			);
			assert.equal(
				items.length,
				deliveries.reduce((n, d) => n + d.expectItems, 0),
			);
			const forbidden = new Set(
				deliveries
					.filter((d) => d.expectItems === 0 && d.kind !== 'repeat of an accepted delivery')
					.flatMap(uuidsIn),
			);
			const ran = items.map((i) => String((i.json.call as { id?: unknown } | undefined)?.id ?? ''));
			assert.deepEqual(
				ran.filter((id) => forbidden.has(id)),
				[],
				'an unsigned, forged, replayed or unselected event ran',
			);
		});

		test('refuses a delivery nested 5,000 levels deep with 400, and n8n keeps running', async () => {
				const secret = workflow.subscriptions()[0].secret;
				const delivery = deeplyNestedDelivery({
					secret,
					template: buildEventPayload(ctx.fake.state, 'call.booked'),
					depth: 5_000,
					uuid: 'deep-5000',
				});
				const res = await request(workflow.url, {
					method: 'POST',
					headers: delivery.headers,
					body: delivery.body,
				});
				record.texts.push(await res.body.text());
				assert.equal(res.statusCode, 400);
				assert.ok(ctx.n8n.running, 'n8n is no longer running');
		});
	});
}
