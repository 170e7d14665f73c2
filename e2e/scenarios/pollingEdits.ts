/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): the iClosed Polling Trigger as users edit it, as iClosed answers slowly,
// and as one of iClosed's unknowns falls the other way (issue 18, points 1, 2, 3 and 12), in real n8n.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { seedBookableEvent } from '../../test/fake-iclosed';
import type { BookableEvent } from '../../test/fake-iclosed';
import { callFake } from '../../test/fake-iclosed/client';
import { outputsOf } from '../lib/executions';
import type { Execution, WorkflowBody } from '../lib/n8nClient';
import { CREDENTIAL_TYPE, POLLING_TRIGGER_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';
import { settle, waitFor } from '../lib/waitFor';
import { EVERY_5_SECONDS } from './pollingTrigger';

const NODE = 'iClosed Polling Trigger';
type Item = Record<string, unknown>;

/** The event and record id of every item the trigger emitted in these executions. */
function emitted(executions: Execution[]): string[] {
	return executions
		.flatMap((e) => outputsOf(e, NODE))
		.map((i: Item) => `${String(i.event)}:${String(((i.call ?? i.contact ?? i) as Item).id)}`);
}

export function pollingEditsScenario(ctx: SuiteContext): void {
	describe('2c. the polling trigger under edits, slow answers and a list without updatedAt', () => {
		let workflowId = '';
		let calendar: BookableEvent;
		const node = { id: randomUUID(), name: NODE, type: POLLING_TRIGGER_NODE_TYPE, typeVersion: 1, position: [0, 0] as [number, number] };
		const workflow = (name: string, parameters: Record<string, unknown>): WorkflowBody => ({
			name,
			nodes: [{ ...node, parameters: { pollTimes: { item: EVERY_5_SECONDS }, ...parameters }, credentials: { [CREDENTIAL_TYPE]: ctx.credential } }],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		/** Executions of the workflow so far (saved), and what they emitted. */
		const all = async (id = workflowId) => (await ctx.client.executions(id)).filter((e) => e.finished || e.status === 'success');
		const until = async (want: string[], id = workflowId) =>
			await waitFor(
				async () => {
					const got = emitted(await all(id));
					return want.every((w) => got.includes(w)) ? got : undefined;
				},
				{ timeoutMs: ctx.pollWaitMs, what: `items ${want.join(', ')}` },
			);
		/** Lets a few more polls run, then gives everything the workflow emitted. */
		const afterMorePolls = async (id = workflowId) => emitted(await settle(12_000, () => all(id)));
		const contact = (email: string, createdAt?: string) => ctx.fake.state.addContact({ email, ...(createdAt ? { createdAt, updatedAt: createdAt } : {}) }).id;

		test('1. Start From as an expression delivers its backfill once, not on every poll', async () => {
			calendar = seedBookableEvent(ctx.fake.state);
			const halfAnHourAgo = new Date(Date.now() - 30 * 60_000).toISOString();
			contact('backfill-1@example.com', halfAnHourAgo);
			contact('backfill-2@example.com', halfAnHourAgo);
			const from = Date.now() - 3600_000;
			const backfill = ctx.fake.state.contacts.filter((c) => !c.deletedAt && Date.parse(c.createdAt) >= from).map((c) => `contact.created:${c.id}`);
			({ id: workflowId } = await ctx.client.createWorkflow(workflow('polling: Start From as an expression', { events: ['contact.created'], options: { startFrom: '={{ $now.minus({ hours: 1 }).toISO() }}' } })));
			await ctx.client.activate(workflowId);
			await until(backfill);
			assert.deepEqual((await afterMorePolls()).sort(), backfill.sort(), 'the backfill came again');
			const fresh = `contact.created:${contact('after-backfill@example.com')}`;
			await until([fresh]);
			assert.deepEqual((await afterMorePolls()).sort(), [...backfill, fresh].sort());
		});

		test('2. adding an event to the published workflow keeps the other event\'s place; the new one starts from now', async () => {
			await ctx.client.deactivate(workflowId);
			const before = await afterMorePolls();
			const whileEditing = `contact.created:${contact('while-editing@example.com')}`;
			await ctx.client.updateWorkflow(workflowId, workflow('polling: Start From as an expression', { events: ['contact.created', 'call.booked'], options: { startFrom: '={{ $now.minus({ days: 2 }).toISO() }}' } }));
			await ctx.client.activate(workflowId);
			await until([whileEditing]);
			const r = await callFake(ctx.fake, 'POST', '/v1/eventCalls', { body: { dateTime: calendar.nextSlot(), timeZone: 'Europe/Paris', email: 'polled-after-edit@example.com', firstName: 'Edit', eventId: calendar.eventId } });
			assert.equal(r.status, 201, JSON.stringify(r.body));
			const callId = (r.body as { data: { eventCall: { data: { id: number } } } }).data.eventCall.data.id;
			const booked = [`call.booked:${callId}`, `contact.created:${ctx.fake.state.call(callId)?.contactId}`];
			await until(booked);
			assert.deepEqual((await afterMorePolls()).sort(), [...before, whileEditing, ...booked].sort(), 'history of the new event, or a repeat');
		});

		test('3. polls that overlap (iClosed answers slowly) emit each change once', async () => {
			const before = await all();
			// Answers take longer than the 5 s between two polls, for a while.
			ctx.fake.injectFault('GET /v1/contacts', { kind: 'delay', ms: 8_000, times: 6 });
			ctx.fake.injectFault('GET /v1/eventCalls', { kind: 'delay', ms: 8_000, times: 6 });
			const slow = `contact.created:${contact('during-slow-answers@example.com')}`;
			await until([slow]);
			ctx.fake.clearFaults();
			assert.deepEqual((await afterMorePolls()).sort(), [...emitted(before), slow].sort());
			await ctx.client.deactivate(workflowId);
		});

		test('12. when iClosed\'s lists carry no updatedAt, a cancellation still runs the workflow once (the sweep)', async () => {
			ctx.fake.setVariants({ listsCarryUpdatedAt: false });
			try {
				const r = await callFake(ctx.fake, 'POST', '/v1/eventCalls', { body: { dateTime: calendar.nextSlot(), timeZone: 'Europe/Paris', email: 'to-cancel@example.com', firstName: 'Sweep', eventId: calendar.eventId } });
				assert.equal(r.status, 201, JSON.stringify(r.body));
				const callId = (r.body as { data: { eventCall: { data: { id: number } } } }).data.eventCall.data.id;
				const { id } = await ctx.client.createWorkflow(workflow('polling: a list without updatedAt', { events: ['call.cancelled'] }));
				const mark = ctx.fake.requests.length;
				await ctx.client.activate(id);
				// Publishing sweeps once to learn what is cancelled already (a read of the calls in id order).
				const swept = () => ctx.fake.requests.slice(mark).some((q) => q.path === '/v1/eventCalls' && q.query.orderColumn === 'id');
				await waitFor(swept, { what: 'the publish poll\'s sweep', timeoutMs: ctx.pollWaitMs });
				const cancel = await callFake(ctx.fake, 'PUT', '/v1/eventCalls/cancel', { body: { id: callId, cancelReason: 'Sweep test' } });
				assert.equal(cancel.status, 200);
				// The sweep runs every 2 minutes once the list shows no updatedAt.
				await waitFor(async () => emitted(await all(id)).includes(`call.cancelled:${callId}`), { what: 'the cancellation', timeoutMs: 200_000 });
				assert.deepEqual(await afterMorePolls(id), [`call.cancelled:${callId}`]);
				await ctx.client.deactivate(id);
			} finally {
				ctx.fake.setVariants({ listsCarryUpdatedAt: true });
			}
		});
	});
}
