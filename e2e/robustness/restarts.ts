/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never shipped */
// End-to-end robustness code (never shipped): three n8n restarts with the trigger active keep exactly
// the same subscriptions at iClosed (none added, none removed), and deliveries still run after each.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { request } from 'undici';

import { buildEventPayload, signBody } from '../../test/fake-iclosed';
import type { SuiteContext } from '../lib/suiteContext';
import { settle, waitFor } from '../lib/waitFor';
import type { RobustnessRecord } from './robustnessRecord';
import { RobustnessWorkflow } from './robustnessWorkflow';

const RESTARTS = 3;
const EVENTS = ['call.booked', 'call.cancelled', 'call.rescheduled'];

export function restartsScenario(ctx: SuiteContext, record: RobustnessRecord): void {
	describe(`${RESTARTS} n8n restarts with the trigger active`, () => {
		test('keep the same subscriptions, and signed deliveries still run', async () => {
			const workflow = new RobustnessWorkflow(ctx, 'robustness: restarts', { events: EVENTS });
			await workflow.create();
			record.workflows.push(workflow);
			await workflow.activate(EVENTS.length);
			const ids = workflow
				.subscriptions()
				.map((s) => String(s.id))
				.sort();
			const template = buildEventPayload(ctx.fake.state, 'call.booked');
			for (let restart = 1; restart <= RESTARTS; restart++) {
				const mark = ctx.fake.requests.length;
				const ms = await ctx.n8n.restart();
				process.stdout.write(`# n8n restart ${restart} took ${ms} ms\n`);
				await waitFor(() => workflow.webhookApiCalls('GET', mark).length > 0, {
					timeoutMs: 60_000,
					what: `checkExists after restart ${restart}`,
				});
				await settle(2000, () => undefined);
				assert.equal(
					workflow.webhookApiCalls('POST', mark).length,
					0,
					`POST after restart ${restart}`,
				);
				assert.equal(
					workflow.webhookApiCalls('DELETE', mark).length,
					0,
					`DELETE after restart ${restart}`,
				);
				assert.deepEqual(
					workflow
						.subscriptions()
						.map((s) => String(s.id))
						.sort(),
					ids,
					`subscriptions after restart ${restart}`,
				);

				const body = JSON.stringify([
					{
						...template,
						event: { ...(template.event as Record<string, unknown>), uuid: `restart-${restart}` },
					},
				]);
				const { header, value } = signBody(body, workflow.subscriptions()[0].secret);
				const res = await request(workflow.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', [header]: value },
					body,
				});
				record.texts.push(await res.body.text());
				assert.equal(res.statusCode, 200);
				await waitFor(
					async () =>
						(await ctx.client.executions(workflow.id)).filter((e) => e.status === 'success')
							.length === restart,
					{ what: `execution after restart ${restart}` },
				);
			}
			record.executions.push(...(await ctx.client.executions(workflow.id)));
			await workflow.deactivate();
			assert.equal(workflow.subscriptions().length, 0);
		});
	});
}
