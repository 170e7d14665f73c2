/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// End-to-end test code (never shipped): the iClosed Polling Trigger in a real, active workflow
// (examples/polled-call-booked-message.json): no history at activation, then one execution per change in
// iClosed with the right event and item, and an n8n restart in the middle with no repeat and no gap.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { seedBookableEvent } from '../../test/fake-iclosed';
import type { BookableEvent } from '../../test/fake-iclosed';
import { callFake } from '../../test/fake-iclosed/client';
import { bindExample, loadExample } from '../lib/exampleWorkflows';
import { outputsOf } from '../lib/executions';
import type { Execution } from '../lib/n8nClient';
import { POLLING_TRIGGER_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';
import { settle, waitFor } from '../lib/waitFor';

export const EXAMPLE = 'polled-call-booked-message.json';
export const NODE = 'iClosed Polling Trigger';
/**
 * Every 5 seconds: twelve custom Poll Times, each once a minute at its own second. n8n refuses a poll time
 * more often than once a minute (2.8.4: a `*` in the seconds field; 2.40: anything but one number there),
 * not several of them, so the scenario waits seconds, not minutes, per change.
 */
export const EVERY_5_SECONDS = Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` }));
const EVENTS = ['call.booked', 'call.rescheduled', 'call.cancelled', 'call.outcome_added'];

type Item = Record<string, unknown>;

export function pollingTriggerScenario(ctx: SuiteContext): void {
	describe(`2b. the polling trigger in an active workflow (examples/${EXAMPLE})`, () => {
		let workflowId = '';
		let calendar: BookableEvent;
		const delivered: Array<[string, unknown]> = [];

		const items = (executions: Execution[]) =>
			executions.flatMap((e) => outputsOf(e, NODE)).map((i: Item) => [i.event as string, (i.call as Item).id] as [string, unknown]);

		/** Waits for the next execution (and only one), checks it ran the whole example, returns its items. */
		async function nextExecution(): Promise<Array<[string, unknown]>> {
			const all = await ctx.finishedExecutions(workflowId, delivered.length + 1, ctx.pollWaitMs);
			const latest = all[all.length - 1];
			assert.equal(latest.status, 'success', latest.data?.resultData.error?.message);
			assert.equal(latest.mode, 'trigger');
			const message = outputsOf(latest, 'Compose message')[0].text as string;
			assert.match(message, /UTC/, message);
			const got = items([latest]);
			delivered.push(...got);
			return got;
		}

		async function write(method: string, path: string, body: Record<string, unknown>): Promise<Item> {
			const r = await callFake(ctx.fake, method, path, { body });
			assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
			return r.body as Item;
		}

		const book = async (email: string) =>
			((await write('POST', '/v1/eventCalls', { dateTime: calendar.nextSlot(), timeZone: 'Europe/Paris', email, firstName: 'Polled', eventId: calendar.eventId })) as { data: { eventCall: { data: { id: number } } } })
				.data.eventCall.data.id;

		test('activation reads iClosed once per event and emits no history', async () => {
			calendar = seedBookableEvent(ctx.fake.state);
			const body = bindExample(loadExample(EXAMPLE), ctx.credential, `${EXAMPLE} (every 5 s)`);
			const trigger = body.nodes.find((n) => n.type === POLLING_TRIGGER_NODE_TYPE);
			assert.ok(trigger, `${EXAMPLE} has no ${NODE}`);
			trigger.parameters = { ...trigger.parameters, events: EVENTS, pollTimes: { item: EVERY_5_SECONDS } };
			const { id } = await ctx.client.createWorkflow(body);
			workflowId = id;
			const mark = ctx.fake.requests.length;
			await ctx.client.activate(id);
			await waitFor(() => ctx.fake.requests.slice(mark).filter((r) => r.path === '/v1/eventCalls').length >= EVENTS.length, { what: 'the activation poll' });
			assert.ok(ctx.fake.state.calls.length > 0, 'the demo account should have call history');
			assert.equal((await settle(6_000, () => ctx.client.executions(id))).length, 0, 'history was emitted');
		});

		let callId = 0;
		test('a booked call runs the workflow once, with the webhook trigger’s item', async () => {
			callId = await book('polled-1@example.com');
			assert.deepEqual(await nextExecution(), [['call.booked', callId]]);
		});

		test('a reschedule runs it once', async () => {
			await write('PUT', '/v1/eventCalls/reschedule', { id: callId, dateTime: calendar.nextSlot(), timeZone: 'Europe/Paris' });
			assert.deepEqual(await nextExecution(), [['call.rescheduled', callId]]);
		});

		test('an outcome (an update of the call) runs it once, and does not fire the reschedule again', async () => {
			await write('POST', '/v1/outcomes', { eventCallId: callId, outcome: 'WON', objection: 'NO_OBJECTION' });
			assert.deepEqual(await nextExecution(), [['call.outcome_added', callId]]);
		});

		test('changes made while n8n restarts arrive once after it, nothing repeated', async () => {
			await ctx.n8n.stop();
			await write('PUT', '/v1/eventCalls/cancel', { id: callId, cancelReason: 'Stopped n8n' });
			const ms = await ctx.n8n.start();
			process.stdout.write(`# n8n restart took ${ms} ms\n`);
			assert.deepEqual(await nextExecution(), [['call.cancelled', callId]]);
			const second = await book('polled-2@example.com');
			assert.deepEqual(await nextExecution(), [['call.booked', second]]);
		});

		test('nothing else ran: one execution per change', async () => {
			const all = await settle(6_000, () => ctx.client.executions(workflowId));
			assert.equal(all.length, delivered.length, `executions: ${JSON.stringify(items(all))}`);
			assert.deepEqual(items([...all].sort((a, b) => Number(a.id) - Number(b.id))), delivered);
			// Which engine ran the polls: the durable one keeps the node's state in its own table (poller_state),
			// the classic one in the workflow's static data.
			const saved = (await ctx.client.workflow(workflowId)).staticData as Record<string, Record<string, unknown> | undefined> | undefined;
			const inWorkflow = saved?.[`node:${NODE}`]?.iClosedPolling !== undefined;
			assert.equal(inWorkflow, !ctx.durable, `node state in the workflow's static data: ${JSON.stringify(saved)?.slice(0, 300)}`);
			await ctx.client.deactivate(workflowId);
		});
	});
}
