/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): queue scenario 7 — two workflows on two workers page one iClosed
// endpoint at once. Each worker learns the rate limit on its own (nothing is shared across processes):
// neither may fail, and their time is measured against the floor the shared limit sets (BENCHMARKS.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { floorMs } from '../../../bench/lib/rateLimitFloor';
import { failureOf, outputsOf } from '../../lib/executions';
import type { Execution } from '../../lib/n8nClient';
import { waitFor } from '../../lib/waitFor';
import type { QueueContext } from '../queueContext';

const LIST = 'GET /v1/contacts';
const LIMIT = { points: 20, windowSec: 10 };
/** Enough contacts for 50 pages of 100 per workflow: 100 list requests in all, a 40 s floor. */
const CONTACTS = 4_950;

export function twoWorkersScenario(ctx: QueueContext): void {
	describe('7. two workflows on two workers page one endpoint under one shared rate limit', () => {
		test('both read every contact, with 0 failures; time against the shared floor', async () => {
			await ctx.startSecondWorker();
			const existing = ctx.fake.state.contacts.length;
			if (existing < CONTACTS) ctx.fake.addContacts(CONTACTS - existing);
			const total = ctx.fake.state.contacts.length;
			const workflows = [await ctx.importExample('nightly-contact-export.json'), await ctx.importExample('nightly-contact-export.json')];
			ctx.fake.setRateLimit(LIMIT, LIST);
			const mark = ctx.fake.requests.length;
			let executions: Execution[];
			try {
				const ids = await Promise.all(workflows.map(async ({ id }) => await ctx.client.runManually(id, 'Every night at 02:00')));
				executions = await Promise.all(
					ids.map(
						async (executionId) =>
							await waitFor(
								async () => {
									const execution = await ctx.client.execution(executionId);
									return ['success', 'error', 'crashed', 'canceled'].includes(execution.status) && execution.data?.resultData.lastNodeExecuted ? execution : undefined;
								},
								{ what: `execution ${executionId}`, timeoutMs: 300_000, stepMs: 500 },
							),
					),
				);
			} finally {
				ctx.fake.setRateLimit(null, LIST);
			}

			for (const execution of executions) {
				assert.equal(execution.status, 'success', failureOf(execution));
				assert.equal(outputsOf(execution, 'Get all contacts').length, total);
			}
			const byWorker = [ctx.workerExecutionIds(), ctx.workerExecutionIds(ctx.worker2)];
			const ran = executions.map((e) => byWorker.findIndex((ids) => ids.has(String(e.id))));
			assert.deepEqual([...ran].sort(), [0, 1], `executions ${executions.map((e) => e.id).join(', ')} should run on one worker each`);

			const pages = ctx.fake.requests.slice(mark).filter((r) => `${r.method} ${r.path}` === LIST);
			const answered = pages.filter((r) => r.status === 200);
			const refused = pages.filter((r) => r.status === 429).length;
			const other = pages.filter((r) => r.status !== 200 && r.status !== 429).length;
			assert.equal(other, 0, 'no list request failed other than with a 429');
			const elapsed = answered[answered.length - 1].at - pages[0].at;
			const floor = floorMs(answered.length, LIMIT);
			process.stdout.write(
				`# two workers, Return All of ${total} contacts each under ${LIMIT.points} per ${LIMIT.windowSec} s shared: ` +
					`${answered.length} pages, ${refused} 429s (recovered), 0 failures, ${(elapsed / 1000).toFixed(1)} s for a ${(floor / 1000).toFixed(0)} s floor = ${(elapsed / floor).toFixed(3)} × floor\n`,
			);
		});
	});
}
