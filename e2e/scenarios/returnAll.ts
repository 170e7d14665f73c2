/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 5 — Return All over a few hundred contacts, with
// iClosed rate-limiting the list midway (examples/nightly-contact-export.json).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { failureOf, outputsOf } from '../lib/executions';
import type { SuiteContext } from '../lib/suiteContext';

const LIST = 'GET /v1/contacts';

export function returnAllScenario(ctx: SuiteContext): void {
	describe('5. Return All across pages with a 429 midway', () => {
		test('reads every contact, waiting out the rate limit, and writes them to a CSV', async () => {
			ctx.fake.addContacts(300);
			// Two list pages per 2 s: the third page is refused with 429 + Retry-After, then allowed.
			ctx.fake.setRateLimit({ points: 2, windowSec: 2, retryAfterHeader: true }, LIST);
			const mark = ctx.fake.requests.length;
			let execution;
			try {
				execution = await ctx.runExample('nightly-contact-export.json', 'Every night at 02:00', 180_000);
			} finally {
				ctx.fake.setRateLimit(null, LIST);
			}
			assert.equal(execution.status, 'success', failureOf(execution));

			const pages = ctx.fake.requests.slice(mark).filter((r) => `${r.method} ${r.path}` === LIST);
			const refused = pages.findIndex((r) => r.status === 429);
			assert.ok(refused > 0, `expected a 429 after the first page(s), statuses: ${pages.map((r) => r.status).join(',')}`);
			assert.ok(pages.slice(refused + 1).some((r) => r.status === 200), 'the list went on after the 429');

			const contacts = outputsOf(execution, 'Get all contacts');
			const expected = ctx.fake.state.contacts.map((c) => String(c.id)).sort();
			assert.ok(expected.length > 300, `only ${expected.length} contacts in the fake`);
			assert.equal(contacts.length, expected.length);
			assert.deepEqual(contacts.map((c) => String(c.id)).sort(), expected);

			const csv = execution.data?.resultData.runData['Contacts CSV']?.[0]?.data?.main[0]?.[0] as { binary?: Record<string, { fileName?: string }> } | undefined;
			assert.equal(Object.values(csv?.binary ?? {})[0]?.fileName, 'iclosed-contacts.csv');
		});
	});
}
