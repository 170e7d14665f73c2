/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never shipped */
// End-to-end robustness code (never shipped): after every other scenario, no API key or webhook secret
// in any answer n8n gave, any execution it saved, or any line of its log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { leakedSecrets } from '../../test/robustness/support/secretSearch';
import type { Execution } from '../lib/n8nClient';
import type { SuiteContext } from '../lib/suiteContext';
import type { RobustnessRecord } from './robustnessRecord';

/** Where in a JSON value each secret occurs ("$.data.resultData…"), for a message that says where to look. */
function secretPaths(
	value: unknown,
	secrets: Record<string, string>,
	path = '$',
	found: string[] = [],
): string[] {
	if (typeof value === 'string') {
		for (const label of leakedSecrets(value, secrets)) found.push(`${label} at ${path}`);
	} else if (typeof value === 'object' && value !== null) {
		for (const [key, child] of Object.entries(value))
			secretPaths(child, secrets, `${path}.${key}`, found);
	}
	return found;
}

/**
 * The trigger keeps the signing secrets iClosed issued in the workflow's static data (staticData.ts),
 * which n8n stores in its database and copies into each execution record's `workflowData` — as for
 * n8n's own triggers that keep webhook secrets. That copy is storage, not output: it is left out here.
 */
function withoutStoredStaticData(execution: Execution): unknown {
	const { workflowData, ...rest } = execution as Execution & {
		workflowData?: Record<string, unknown>;
	};
	if (!workflowData) return rest;
	const workflow = { ...workflowData };
	delete workflow.staticData;
	return { ...rest, workflowData: workflow };
}

export function secretSearchScenario(ctx: SuiteContext, record: RobustnessRecord): void {
	describe('secrets stay secret', () => {
		test('no API key or webhook secret in any answer, execution or n8n log line', () => {
			const secrets: Record<string, string> = { 'API key': ctx.fake.apiKey };
			record.workflows.forEach((w) =>
				[...w.secretsSeen].forEach((s, i) => (secrets[`${w.name} secret ${i}`] = s)),
			);
			assert.ok(Object.keys(secrets).length > 1, 'no webhook secret was seen: nothing to look for');
			const log = readFileSync(ctx.n8n.options.logFile, 'utf8');
			assert.ok(log.length > 0, 'empty n8n log');
			// Control: the search finds the secrets where they are meant to be (the stored static data).
			const stored = record.executions.flatMap((e) =>
				secretPaths((e as { workflowData?: unknown }).workflowData, secrets),
			);
			assert.ok(
				stored.some((p) => p.includes('.staticData.')),
				'the secrets were not found even in the stored static data',
			);
			const found = {
				answers: leakedSecrets(record.texts.join('\n'), secrets),
				executions: record.executions.flatMap((e) =>
					secretPaths(withoutStoredStaticData(e), secrets).map((p) => `execution ${e.id}: ${p}`),
				),
				log: leakedSecrets(log, secrets),
			};
			assert.deepEqual(found, { answers: [], executions: [], log: [] });
		});

		test('n8n logged no unhandled rejection or uncaught exception', () => {
			const log = readFileSync(ctx.n8n.options.logFile, 'utf8');
			const bad = log
				.split('\n')
				.filter((line) => /unhandled ?rejection|uncaught ?exception/i.test(line));
			assert.deepEqual(bad, []);
		});
	});
}
