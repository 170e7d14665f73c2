/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end test code (never shipped): scenario 1 — the package, installed as users install it, loads.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { ACTION_NODE_TYPE, CREDENTIAL_TYPE, POLLING_TRIGGER_NODE_TYPE, TRIGGER_NODE_TYPE } from '../lib/packageNames';
import type { SuiteContext } from '../lib/suiteContext';

export function packageLoadsScenario(ctx: SuiteContext): void {
	describe('1. the packed package loads into n8n', () => {
		test('lists the three node types and the iClosed API credential type', async () => {
			const nodes = (await ctx.client.nodeTypes()).map((n) => n.name);
			assert.ok(nodes.includes(ACTION_NODE_TYPE), `${ACTION_NODE_TYPE} missing from /types/nodes.json`);
			assert.ok(nodes.includes(TRIGGER_NODE_TYPE), `${TRIGGER_NODE_TYPE} missing from /types/nodes.json`);
			assert.ok(nodes.includes(POLLING_TRIGGER_NODE_TYPE), `${POLLING_TRIGGER_NODE_TYPE} missing from /types/nodes.json`);
			const credentials = (await ctx.client.credentialTypes()).map((c) => c.name);
			assert.ok(credentials.includes(CREDENTIAL_TYPE), `${CREDENTIAL_TYPE} missing from /types/credentials.json`);
		});

		test('the installed package brings no modules of its own: zod and luxon come from n8n', () => {
			// The nodes do use them (trigger payload schemas, booking dates); scenarios 2 and 4 run that code.
			const manifest = JSON.parse(readFileSync(join(ctx.packageDir, 'package.json'), 'utf8')) as { dependencies?: object };
			assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
			assert.equal(existsSync(join(ctx.packageDir, 'node_modules')), false, 'npm installed modules next to the package');
			const code = (readdirSync(join(ctx.packageDir, 'dist'), { recursive: true }) as string[])
				.filter((f) => f.endsWith('.js'))
				.map((f) => readFileSync(join(ctx.packageDir, 'dist', f), 'utf8'))
				.join('\n');
			assert.match(code, /require\("zod"\)/, 'no node imports zod: this test proves nothing any more');
			assert.match(code, /require\("luxon"\)/, 'no node imports luxon: this test proves nothing any more');
		});

		test('the credential test passes with a good key and calls iClosed with it', async () => {
			const before = ctx.fake.requests.length;
			const result = await ctx.client.testCredential(ctx.credential, CREDENTIAL_TYPE, ctx.credentialData());
			assert.equal(result.status, 'OK', result.message);
			const calls = ctx.fake.requests.slice(before).filter((r) => r.path.startsWith('/v1/'));
			assert.ok(calls.length >= 1, 'the credential test made no request to iClosed');
			assert.ok(calls.every((r) => r.headers.authorization === `Bearer ${ctx.fake.apiKey}`), 'the key was not sent as a Bearer token');
		});

		test('the credential test fails with an unknown key and says so', async () => {
			const result = await ctx.client.testCredential(ctx.credential, CREDENTIAL_TYPE, ctx.credentialData('iclosed_not_a_real_key'));
			assert.equal(result.status, 'Error');
			assert.match(result.message, /Invalid API key/);
		});

		test('the credential test fails with a mis-prefixed key and explains the prefix', async () => {
			const result = await ctx.client.testCredential(ctx.credential, CREDENTIAL_TYPE, ctx.credentialData('iclosed-hyphen-key'));
			assert.equal(result.status, 'Error');
			assert.match(result.message, /iclosed_/);
		});
	});
}
