/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 8 — n8n's public address changes (WEBHOOK_URL) while a
// workflow with the iClosed Trigger is published. Runs last: it leaves n8n on the other address.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { TRIGGER_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';
import { settle, waitFor } from '../lib/waitFor';

/** n8n 2.40 and later keep a published workflow's registration over a restart and call no trigger method. */
function callsTriggerOnRestart(version: string): boolean {
	const [major, minor] = version.split('.').map(Number);
	return major < 2 || (major === 2 && minor < 40);
}

export function addressChangeScenario(ctx: SuiteContext): void {
	describe('8. n8n restarts with a different WEBHOOK_URL', () => {
		let workflowId = '';
		let path = '';
		const events = ['call.booked', 'call.rescheduled', 'call.cancelled'];
		const oldBase = () => ctx.n8n.baseUrl; // WEBHOOK_URL as the suite starts n8n: http://127.0.0.1:<port>/
		const newBase = () => `http://localhost:${ctx.n8n.options.port}`;
		/** iClosed's subscriptions to this workflow, at any address, as "<address> <event>". */
		const listed = () =>
			ctx.fake.state.webhooks
				.filter((w) => w.url.endsWith(path))
				.map((w) => `${w.url.slice(0, -path.length)} ${w.events.join(',')}`)
				.sort();
		const at = (base: string) => events.map((event) => `${base} ${event}`).sort();

		test('publish: one subscription per event at the current address', async () => {
			const { id, body } = await ctx.importExample('call-booked-message.json');
			const trigger = body.nodes.find((n) => n.type === TRIGGER_NODE_TYPE);
			assert.ok(trigger?.webhookId);
			workflowId = id;
			path = `/webhook/${trigger.webhookId}/webhook`;
			await ctx.client.activate(id);
			await waitFor(() => listed().length === 3, { what: 'three subscriptions after publishing' });
			assert.deepEqual(listed(), at(oldBase()));
		});

		test('restart with another WEBHOOK_URL: iClosed’s list shows the new address only (n8n ≤ 2.8), or still the old one (n8n 2.40+, which calls nothing)', async () => {
			const mark = ctx.fake.requests.length;
			const ms = await ctx.n8n.restart({ WEBHOOK_URL: `${newBase()}/` });
			process.stdout.write(`# n8n ${ctx.version} restarted with WEBHOOK_URL ${newBase()}/ in ${ms} ms\n`);
			if (callsTriggerOnRestart(ctx.version)) {
				await waitFor(() => listed().join() === at(newBase()).join(), { what: 'the subscriptions moved to the new address', timeoutMs: 60_000 });
			} else {
				await settle(5000, () => undefined); // room for a (wrong) call to show up
				const calls = ctx.fake.requests.slice(mark).filter((r) => r.path.startsWith('/v1/webhooks') && r.method !== 'GET');
				assert.deepEqual(calls, [], 'n8n 2.40+ is expected not to call the trigger when it restarts');
				assert.deepEqual(listed(), at(oldBase()));
			}
		});

		test('unpublish: nothing left at iClosed, at either address', async () => {
			await ctx.client.deactivate(workflowId);
			await waitFor(() => listed().length === 0, { what: 'no subscription left for the workflow', timeoutMs: 30_000 });
		});

		test('publish again: the new address, once per event', async () => {
			await ctx.client.activate(workflowId);
			await waitFor(() => listed().length === 3, { what: 'three subscriptions after publishing again' });
			await settle(1000, () => undefined);
			assert.deepEqual(listed(), at(newBase()));
			await ctx.client.deactivate(workflowId);
			await waitFor(() => listed().length === 0, { what: 'no subscription left after unpublishing' });
		});
	});
}
