/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): queue scenario 6 — the iClosed Polling Trigger in queue mode: polls
// happen on main only (with main stopped nothing polls, though the worker and webhook processors run), each
// change in iClosed gives one execution, run on the worker, including a change made while main was down.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { seedBookableEvent } from '../../../test/fake-iclosed';
import type { BookableEvent } from '../../../test/fake-iclosed';
import { callFake } from '../../../test/fake-iclosed/client';
import { bindExample, loadExample } from '../../lib/exampleWorkflows';
import { outputsOf } from '../../lib/executions';
import { POLLING_TRIGGER_NODE_TYPE } from '../../lib/packageNames';
import { settle, waitFor } from '../../lib/waitFor';
import { EVERY_5_SECONDS, EXAMPLE, NODE } from '../../scenarios/pollingTrigger';
import type { QueueContext } from '../queueContext';

const EVENTS = ['call.booked', 'call.rescheduled'];
const POLLED = '/v1/eventCalls';

export function pollingScenario(ctx: QueueContext): void {
	describe('6. the polling trigger: polls on main only, one execution per change, on the worker', () => {
		let workflowId = '';
		let calendar: BookableEvent;
		let callId = 0;
		const changes: Array<[string, number]> = [];

		async function write(method: string, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
			const r = await callFake(ctx.fake, method, path, { body });
			assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
			return r.body as Record<string, unknown>;
		}

		/** Waits for the execution of the latest change: one, successful, on the worker, with that change's item. */
		async function expectExecutionOfLatestChange(): Promise<void> {
			const all = await ctx.finishedExecutions(workflowId, changes.length, 90_000);
			const latest = all[all.length - 1];
			assert.equal(latest.status, 'success', latest.data?.resultData.error?.message);
			assert.ok(ctx.workerExecutionIds().has(String(latest.id)), `execution ${latest.id} is not in the worker's log`);
			const items = outputsOf(latest, NODE).map((i) => [i.event, (i.call as { id: unknown }).id]);
			assert.deepEqual(items, [changes[changes.length - 1]]);
		}

		test('activation polls once per event (on main) and emits no history', async () => {
			calendar = seedBookableEvent(ctx.fake.state);
			const body = bindExample(loadExample(EXAMPLE), ctx.credential, `${EXAMPLE} (queue mode, every 5 s)`);
			const trigger = body.nodes.find((n) => n.type === POLLING_TRIGGER_NODE_TYPE);
			assert.ok(trigger, `${EXAMPLE} has no ${NODE}`);
			trigger.parameters = { ...trigger.parameters, events: EVENTS, pollTimes: { item: EVERY_5_SECONDS } };
			workflowId = (await ctx.client.createWorkflow(body)).id;
			const mark = ctx.fake.requests.length;
			await ctx.client.activate(workflowId);
			await waitFor(() => ctx.fake.requests.slice(mark).filter((r) => r.path === POLLED).length >= EVENTS.length, { what: 'the activation poll' });
			assert.equal((await settle(6_000, () => ctx.client.executions(workflowId))).length, 0, 'history was emitted');
		});

		test('a booked call gives one execution, run on the worker', async () => {
			const booked = (await write('POST', POLLED, { dateTime: calendar.nextSlot(), timeZone: 'Europe/Paris', email: 'queue-polled@example.com', firstName: 'Polled', eventId: calendar.eventId })) as {
				data: { eventCall: { data: { id: number } } };
			};
			callId = booked.data.eventCall.data.id;
			changes.push(['call.booked', callId]);
			await expectExecutionOfLatestChange();
		});

		test('with main stopped nothing polls; a change made meanwhile gives one execution once main is back', async () => {
			await ctx.n8n.stop();
			const mark = ctx.fake.requests.length;
			await write('PUT', `${POLLED}/reschedule`, { id: callId, dateTime: calendar.nextSlot(), timeZone: 'Europe/Paris' });
			changes.push(['call.rescheduled', callId]);
			// Three poll intervals with the worker and both webhook processors running, main stopped.
			const polls = await settle(15_000, () => ctx.fake.requests.slice(mark).filter((r) => r.path === POLLED && r.method === 'GET').length);
			assert.equal(polls, 0, 'a process other than main polled iClosed');
			await ctx.n8n.start();
			await expectExecutionOfLatestChange();
		});

		test('nothing else ran: one execution per change', async () => {
			const all = await settle(11_000, () => ctx.client.executions(workflowId));
			assert.equal(all.length, changes.length);
			await ctx.client.deactivate(workflowId);
		});
	});
}
