/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 4 — the booking flow as a user builds it
// (examples/book-first-free-slot.json), run with the editor's "Execute workflow".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { failureOf, outputOf } from '../lib/executions';
import type { SuiteContext } from '../lib/suiteContext';

const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

export function bookingFlowScenario(ctx: SuiteContext): void {
	describe('4. booking flow: Get Available Slots → first slot → Book Call → Get Call → Cancel Call', () => {
		test('books the first free slot at its UTC start, reads the call back and cancels it', async () => {
			const mark = ctx.fake.requests.length;
			const execution = await ctx.runExample('book-first-free-slot.json', MANUAL_TRIGGER);
			assert.equal(execution.status, 'success', failureOf(execution));
			const log = ctx.fake.requests.slice(mark);

			const slot = outputOf(execution, 'Pick the first slot') as { start: string };
			assert.match(slot.start, /Z$/, 'a slot start is UTC');
			const bookings = log.filter((r) => r.method === 'POST' && r.path === '/v1/eventCalls');
			assert.equal(bookings.length, 1, 'exactly one booking request');
			const sentStart = (bookings[0].body as { dateTime: string }).dateTime;
			assert.match(sentStart, /Z$/, 'iClosed wants UTC with Z');
			assert.equal(Date.parse(sentStart), Date.parse(slot.start), 'booked time = the slot’s UTC start');

			const booked = outputOf(execution, 'Book call') as { id: number | string };
			const call = ctx.fake.state.calls.find((c) => String(c.id) === String(booked.id));
			assert.ok(call, `iClosed has no call ${String(booked.id)}`);
			assert.equal(Date.parse(call.startUtc), Date.parse(slot.start));

			assert.equal(String(outputOf(execution, 'Get call').id), String(booked.id), 'Get call read the booked call');
			const cancels = log.filter((r) => r.method === 'PUT' && r.path === '/v1/eventCalls/cancel');
			assert.equal(cancels.length, 1, 'exactly one cancel request');
			assert.equal(String((cancels[0].body as { id: unknown }).id), String(booked.id));
			assert.equal(call.status, 'CANCELLED');
		});
	});
}
