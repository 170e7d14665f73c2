/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Test code (never shipped): the sandbox a newcomer meets with `npm start` offers the events the trigger offers,
// in one list behind every way to ask for one, and its demo data looks like real iClosed data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { ICLOSED_WEBHOOK_EVENTS } from '../../nodes/shared/events/eventList';
import { SANDBOX_EVENTS, startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { callFake } from '../fake-iclosed/client';
import { SANDBOX_EVENTS_PATH } from '../fake-iclosed/routes/sandbox';
import { PollWorkflow } from '../harness/pollWorkflow';
import type { ReceivingWorld } from './trigger/support/receiving';
import { startReceivingWorld } from './trigger/support/receiving';

const ROOT = join(__dirname, '..', '..');

describe('the sandbox’s events: one list', () => {
	let world: ReceivingWorld;
	beforeAll(async () => {
		world = await startReceivingWorld();
	});
	afterAll(async () => {
		await world.close();
	});

	it('is exactly the list of events the iClosed Trigger offers (two lists written apart, in agreement)', () => {
		expect(SANDBOX_EVENTS).toEqual(ICLOSED_WEBHOOK_EVENTS.map((e) => e.value).sort());
	});

	it('is what npm start’s prompt and npm run sandbox:event check against, through one function', () => {
		for (const script of ['scripts/startLocal.ts', 'scripts/sandboxEvent.ts']) {
			const source = readFileSync(join(ROOT, script), 'utf8');
			expect({ script, usesTheList: source.includes('SANDBOX_EVENTS'), checks: source.includes('unknownSandboxEvent(') }).toEqual({
				script,
				usesTheList: true,
				checks: true,
			});
			expect({ script, ownList: /HOOK_TYPES|ICLOSED_WEBHOOK_EVENTS/.test(source) }).toEqual({ script, ownList: false });
		}
	});

	it.each(SANDBOX_EVENTS)('sends %s to a trigger listening for it', async (event) => {
		world.receiver.received.length = 0;
		const workflow = world.trigger({ events: [event] });
		const answer = await callFake(world.fake, 'POST', SANDBOX_EVENTS_PATH, { body: { event, url: workflow.webhookUrl() } });
		expect(answer.status).toBe(200);
		expect(world.receiver.executions().map((items) => items.map((i) => i.json.event))).toEqual([[event]]);
	});

	it('refuses an event it does not know, naming the ones it sends', async () => {
		const answer = await callFake(world.fake, 'POST', SANDBOX_EVENTS_PATH, { body: { event: 'invoice.paid' } });
		expect(answer.status).toBe(400);
		expect(answer.body.message).toBe(`Unknown event "invoice.paid". The sandbox sends: ${SANDBOX_EVENTS.join(', ')}.`);
	});
});

describe('the sandbox’s demo data looks real', () => {
	let fake: FakeIClosed;
	beforeAll(async () => {
		fake = await startFakeIClosed({ seed: 'demo' });
	});
	afterAll(async () => {
		await fake.close();
	});
	const now = () => fake.state.now().getTime();

	it('created nothing in the future, and changed no call before it was booked', () => {
		const records: Array<{ kind: string; id: number; createdAt: string }> = [
			...fake.state.contacts.map((r) => ({ kind: 'contact', ...r })),
			...fake.state.calls.map((r) => ({ kind: 'call', ...r })),
			...fake.state.deals.map((r) => ({ kind: 'deal', ...r })),
			...fake.state.transactions.map((r) => ({ kind: 'transaction', ...r })),
		];
		expect(records.length).toBeGreaterThan(40);
		expect(records.filter((r) => Date.parse(r.createdAt) > now()).map((r) => `${r.kind} ${r.id} created ${r.createdAt}`)).toEqual([]);
		expect(fake.state.calls.filter((c) => Date.parse(c.updatedAt) < Date.parse(c.createdAt)).map((c) => c.id)).toEqual([]);
	});

	it('has a plain upcoming call as its newest booking', () => {
		const [newest] = [...fake.state.calls].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
		expect(newest.status).toBe('SCHEDULED');
		expect(newest.oldStartUtc).toBeNull();
		expect(Date.parse(newest.startUtc)).toBeGreaterThan(now());
	});

	it('sends a booked call created before it was received', async () => {
		const world = await startReceivingWorld();
		try {
			const workflow = world.trigger({ events: ['call.booked'] });
			await callFake(world.fake, 'POST', SANDBOX_EVENTS_PATH, { body: { event: 'call.booked', url: workflow.webhookUrl() } });
			const [[item]] = world.receiver.executions();
			const call = item.json.call as IDataObject;
			expect(Date.parse(String(call.createdAt))).toBeLessThanOrEqual(Date.parse(String(item.json.receivedAt)));
			expect(call.rescheduled).toBe(false);
		} finally {
			await world.close();
		}
	});

	it('shows the polling trigger’s Fetch Test Event a call booked in the past, not a rescheduled one', async () => {
		const workflow = new PollWorkflow({ parameters: { events: ['call.booked'] }, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl } });
		const { items, error } = await workflow.fetchTestEvent();
		expect(error).toBeUndefined();
		const call = items[0].call as IDataObject;
		expect(Date.parse(String(call.createdAt))).toBeLessThanOrEqual(now());
		expect(call.rescheduled).toBe(false);
	});
});
