/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 2 — the trigger in a real, active workflow: three
// subscriptions on activation, one execution per signed delivery, nothing for what must start nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { DeliveryResult } from '../../test/fake-iclosed';
import { resendDelivery, sentItem } from '../lib/deliveries';
import { outputOf } from '../lib/executions';
import type { SuiteContext } from '../lib/suiteContext';
import type { TriggerWorkflow } from '../lib/triggerWorkflow';

const EVENTS = ['call.booked', 'call.rescheduled', 'call.cancelled'];

export function triggerDeliveriesScenario(ctx: SuiteContext, calls: TriggerWorkflow, outcomes: TriggerWorkflow): void {
	describe('2. the trigger in an active workflow (examples/call-booked-message.json)', () => {
		const delivered: Record<string, DeliveryResult> = {};

		test('activation registers exactly one subscription per selected event, to the production URL', async () => {
			await calls.importIt();
			await calls.activate(3);
			const subscriptions = calls.subscriptions();
			assert.equal(subscriptions.length, 3);
			assert.deepEqual(subscriptions.flatMap((s) => s.events).sort(), [...EVENTS].sort());
			assert.match(calls.url, /^http:\/\/127\.0\.0\.1:\d+\/webhook\/[0-9a-f-]{36}\/webhook$/);
			assert.equal(calls.webhookApiCalls('POST').length, 3, 'POST /v1/webhooks count');
		});

		for (const [index, event] of EVENTS.entries()) {
			test(`a signed ${event} delivery runs the workflow once, with Simplify output and the action node's API call`, async () => {
				const lookupsBefore = ctx.requestsTo('GET', '/v1/contacts/detail').length;
				const delivery = await calls.deliver(event);
				assert.equal(delivery.status, 200, `n8n answered ${delivery.status}: ${delivery.body}`);
				// The node answers itself; left to n8n 2.x the body would be the text "firstEntryJson".
				assert.deepEqual(JSON.parse(delivery.body), { message: 'Workflow was started' });
				delivered[event] = delivery;
				const execution = await calls.expectExecutions(index + 1);
				assert.equal(execution.status, 'success', execution.data?.resultData.error?.message);
				assert.equal(execution.mode, 'webhook');

				const sent = sentItem(delivery);
				const trigger = outputOf(execution, 'iClosed Trigger');
				assert.equal(trigger.event, event);
				assert.equal(trigger.hookType, undefined, 'Simplify output should not be the raw payload');
				const call = trigger.call as { id: unknown; startTime: string };
				assert.equal(String(call.id), (sent.event as { uuid: string }).uuid);
				assert.match(call.startTime, /Z$/, 'start time in UTC');
				assert.equal(Date.parse(call.startTime), Date.parse((sent.event as { utc_start_time: string }).utc_start_time));

				const lookups = ctx.requestsTo('GET', '/v1/contacts/detail').slice(lookupsBefore);
				assert.equal(lookups.length, 1, 'Get contact should call iClosed once');
				const contactId = String((sent.contact as { id: number }).id);
				assert.ok(Object.values(lookups[0].query).includes(contactId), `looked up ${JSON.stringify(lookups[0].query)}, wanted ${contactId}`);
				assert.equal(String(outputOf(execution, 'Get contact').id), contactId);

				const message = outputOf(execution, 'Compose message').text as string;
				for (const qa of sent.questions_and_answers as Array<{ question: string }>) assert.ok(message.includes(qa.question), `message lacks "${qa.question}":\n${message}`);
			});
		}

		test('an event the workflow did not select starts nothing', async () => {
			const before = await calls.executionCount();
			const delivery = await calls.deliver('contact.created');
			assert.ok(delivery.status >= 200 && delivery.status < 300, `n8n answered ${delivery.status}`);
			await calls.expectNoNewExecution(before);
		});

		test('a delivery with a tampered signature is refused with 401 and starts nothing', async () => {
			const before = await calls.executionCount();
			const delivery = await calls.deliver('call.booked', { sign: { secret: 'not-the-subscription-secret' }, callId: ctx.fake.state.calls[0].id });
			assert.equal(delivery.status, 401);
			await calls.expectNoNewExecution(before);
		});

		test('the same delivery sent again (an iClosed retry) starts nothing', async () => {
			const before = await calls.executionCount();
			assert.equal(await resendDelivery(delivered['call.booked']), 200);
			await calls.expectNoNewExecution(before);
		});

		test('examples/outcome-deal-row.json turns an outcome delivery into a deal row', async () => {
			await outcomes.importIt();
			await outcomes.activate(1);
			const delivery = await outcomes.deliver('call.outcome_added');
			assert.equal(delivery.status, 200, delivery.body);
			const execution = await outcomes.expectExecutions(1);
			assert.equal(execution.status, 'success', execution.data?.resultData.error?.message);
			const sent = sentItem(delivery);
			const row = outputOf(execution, 'Deal row');
			assert.equal(row.email, sent.email);
			assert.equal(row.result, sent.callOutcome);
			assert.equal(row.contact, `${String(sent.firstName)} ${String(sent.lastName)}`);
			assert.equal(typeof row.dealValue, 'number');
			await outcomes.deactivate();
		});
	});
}
