/* eslint-disable @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Editor check (never shipped; `npm run test:ui`, run by e2e/ui/run.sh): the packed package in a real
// n8n, looked at in headless Chromium the way a person sees it. Asserts on text and elements, never on
// pixels; every step leaves a screenshot in build/ui-screenshots/ (a CI artifact), and with
// --update-readme-images three of them, cropped, in docs/images/ for the README.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import type { Browser } from 'puppeteer-core';

import { allOperations, findOperation } from '../../nodes/shared/catalogue';
import { CHOOSE_EVENTS } from '../../nodes/IClosedPollingTrigger/properties';
import { POLL_EVENTS } from '../../nodes/IClosedPollingTrigger/sources';
import { SANDBOX_EVENT_COMMAND } from '../../nodes/IClosedTrigger/properties';
import { ICLOSED_APP_DESCRIPTION } from '../../nodes/shared/appDescription';
import { POLLING_PLANS, WEBHOOKS_SWITCHED_ON } from '../../nodes/shared/plans';
import { ICLOSED_WEBHOOK_EVENTS } from '../../nodes/shared/events/eventList';
import { LOCAL_OWNER, prepareInstance } from '../../scripts/local/prepareInstance';
import { startFakeIClosed } from '../../test/fake-iclosed';
import type { FakeIClosed } from '../../test/fake-iclosed';
import { loadExample, repoRoot } from '../lib/exampleWorkflows';
import { installPackageTarball } from '../lib/installPackage';
import type { CredentialRef } from '../lib/n8nClient';
import { N8nClient } from '../lib/n8nClient';
import { POLLING_TRIGGER_NODE_TYPE } from '../lib/packageNames';
import { N8nProcess } from '../lib/n8nProcess';
import type { Page } from './browser';
import { byTestId, chooseOption, clickText, launchChromium, Screenshots, signIn, visibleTexts, visibleWithText, waitForText } from './browser';
import { clipAround, parameterLabels } from './editorParts';
import { ITEM_NAMES, chosenTags, openApp, optionNames, searchIClosed, triggerCount, triggerEntries } from './nodesPanel';

function env(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run this through "npm run test:ui" (e2e/ui/run.sh)`);
	return value;
}

const ROOT = repoRoot();
const OUT = join(ROOT, 'build', 'ui');
const N8N_PORT = Number(process.env.UI_N8N_PORT ?? 5718);
const shots = new Screenshots(join(ROOT, 'build', 'ui-screenshots'), process.env.UI_README_IMAGES === '1' ? join(ROOT, 'docs', 'images') : undefined);

let fake: FakeIClosed;
let n8n: N8nProcess;
let client: N8nClient;
let browser: Browser;
let page: Page;
let credential: CredentialRef;
const workflows: Record<'booking' | 'calls' | 'scratch', string> = { booking: '', calls: '', scratch: '' };

const NODE_CREATOR = byTestId('node-creator');
const NDV = byTestId('ndv');
const DOCUMENTED_EVENTS = ICLOSED_WEBHOOK_EVENTS.filter((e) => e.documented);

async function openWorkflow(id: string): Promise<void> {
	await page.goto(`${n8n.baseUrl}/workflow/${id}`, { waitUntil: 'networkidle2' });
	await page.waitForSelector(byTestId('canvas-node'));
}

/** The nodes panel's iClosed page, from the "+" of the current workflow. */
async function openIClosedInNodesPanel(): Promise<string> {
	await searchIClosed(page);
	return await openApp(page, 'iClosed', ICLOSED_APP_DESCRIPTION.slice(0, 40));
}

async function openNode(name: string): Promise<void> {
	const node = await page.waitForSelector(`${byTestId('canvas-node')}[data-node-name="${name}"]`);
	await node!.click({ count: 2 });
	await page.waitForSelector(`${NDV} ${byTestId('node-parameters')}`);
}

/** A check that leaves a screenshot of the page when it fails (build/ui-screenshots/failed-*.png). */
function check(name: string, body: () => Promise<void>): void {
	it(name, async () => {
		try {
			await body();
		} catch (error) {
			await shots.take(page, `failed-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
			throw error;
		}
	});
}

describe('the iClosed nodes in the n8n editor', { timeout: 600_000 }, () => {
	before(
		async () => {
			rmSync(OUT, { recursive: true, force: true });
			fake = await startFakeIClosed({ seed: 'demo' });
			const userFolder = join(OUT, 'n8n');
			installPackageTarball(userFolder, env('UI_PACKAGE_TGZ'));
			n8n = new N8nProcess({
				runtime: { version: env('UI_N8N_VERSION'), n8nBin: env('UI_N8N_BIN'), nodeBinDir: env('UI_NODE_BIN_DIR') },
				userFolder,
				port: N8N_PORT,
				brokerPort: N8N_PORT + 1,
				logFile: join(OUT, 'n8n.log'),
			});
			await n8n.start();
			client = new N8nClient(n8n.baseUrl);
			({ credential } = await prepareInstance(client, { apiKey: fake.apiKey, environment: 'custom', baseUrl: fake.baseUrl }));
			const names = { booking: loadExample('book-first-free-slot.json').name, calls: loadExample('call-booked-message.json').name };
			for (const w of await client.listWorkflows()) {
				if (w.name === names.booking) workflows.booking = w.id;
				if (w.name === names.calls) workflows.calls = w.id;
			}
			// A workflow with a trigger already, so "+" opens the actions side of the nodes panel.
			workflows.scratch = (
				await client.createWorkflow({
					name: 'UI check: scratch',
					nodes: [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
					connections: {},
				})
			).id;
			({ browser, page } = await launchChromium(env('UI_CHROMIUM')));
			// Leaving a workflow with unsaved changes (a node added from the panel) asks first: leave.
			page.on('dialog', (dialog) => void dialog.accept());
			await signIn(page, n8n.baseUrl, LOCAL_OWNER.email, LOCAL_OWNER.password);
		},
		{ timeout: 240_000 },
	);

	after(async () => {
		await browser?.close();
		await n8n?.stop();
		await fake?.close();
	});

	check('lists iClosed and iClosed Polling in the nodes panel, each trigger saying what it needs', async () => {
		// A new workflow: the panel offers triggers first.
		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'networkidle2' });
		const apps = (await searchIClosed(page)).filter((name) => name.startsWith('iClosed'));
		assert.deepEqual(apps.sort(), ['iClosed', 'iClosed Polling'], 'searching "iClosed" lists the two entries the README names');
		const icons = await page.$$eval(`${NODE_CREATOR} img`, (imgs) => imgs.map((i) => (i as HTMLImageElement).src));
		assert.ok(icons.some((src) => src.includes('/icons/n8n-nodes-iclosed/')), `iClosed's own icon in the panel (saw ${icons.join(', ')})`);

		const webhookPage = await openApp(page, 'iClosed', 'Triggers (');
		assert.ok(webhookPage.includes(ICLOSED_APP_DESCRIPTION), `the app description on the iClosed page:\n${webhookPage.slice(0, 400)}`);
		const webhookEntries = await triggerEntries(page);
		assert.equal(triggerCount(webhookPage), DOCUMENTED_EVENTS.length, 'Triggers (n): the documented webhook events only');
		assert.deepEqual(webhookEntries.length, DOCUMENTED_EVENTS.length, webhookEntries.join(' | '));
		for (const entry of webhookEntries) assert.ok(entry.endsWith(`· needs ${WEBHOOKS_SWITCHED_ON}`), entry);
		assert.ok(!/unconfirmed/i.test(webhookPage), 'no never-seen event in the panel');
		await page.mouse.move(1, 1);
		await sleep(500); // the page slides in: let it settle before the picture
		await shots.take(page, 'nodes-panel', { selector: NODE_CREATOR });

		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'networkidle2' });
		await searchIClosed(page);
		const pollingPage = await openApp(page, 'iClosed Polling', 'Triggers (');
		const pollingEntries = await triggerEntries(page);
		assert.equal(triggerCount(pollingPage), POLL_EVENTS.length);
		for (const entry of pollingEntries) assert.ok(entry.endsWith(`· polled, ${POLLING_PLANS}`), entry);
		assert.ok(pollingEntries.includes(`On call booked · polled, ${POLLING_PLANS}`), pollingEntries.join(' | '));
		await page.mouse.move(1, 1);
		await sleep(500); // the page slides in: let it settle before the picture
		await shots.take(page, 'nodes-panel-polling', { selector: NODE_CREATOR });

		// A workflow with a trigger: the same page lists the actions, under the same description.
		await openWorkflow(workflows.scratch);
		const actionsPage = await openIClosedInNodesPanel();
		assert.ok(actionsPage.includes(`Actions (${allOperations().length})`), `Actions (${allOperations().length}) on the page:\n${actionsPage.slice(0, 400)}`);
		assert.ok(actionsPage.includes(ICLOSED_APP_DESCRIPTION));
		assert.ok(!actionsPage.includes('Starts the workflow when'), 'no trigger-only description above the actions');
		for (const action of ['Book a call', 'Cancel a call', 'Get available slots of an event']) {
			assert.equal((await visibleWithText(page, ITEM_NAMES, action)).length, 1, action);
		}
		await shots.take(page, 'nodes-panel-actions');
	});

	check('adds the iClosed Trigger from its panel entry, the unconfirmed events behind Show Unconfirmed Events', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'networkidle2' });
		await searchIClosed(page);
		await openApp(page, 'iClosed', 'Triggers (');
		await clickText(page, ITEM_NAMES, `On call booked · needs ${WEBHOOKS_SWITCHED_ON}`);
		await page.waitForSelector(`${NDV} ${byTestId('parameter-input-showUnconfirmedEvents')}`);
		await waitForText(page, NDV, SANDBOX_EVENT_COMMAND);
		assert.deepEqual(await chosenTags(page, 'events'), ['Call Booked']);
		const documented = await optionNames(page, 'events');
		assert.deepEqual([...documented].sort(), DOCUMENTED_EVENTS.map((e) => e.label).sort());
		await page.mouse.move(1, 1);
		await shots.take(page, 'trigger-events');

		await page.click(`${NDV} ${byTestId('parameter-input-showUnconfirmedEvents')} .el-switch`);
		await waitForText(page, NDV, 'Events (Including Unconfirmed)');
		assert.deepEqual(await chosenTags(page, 'events'), ['Call Booked'], 'turning the switch on keeps the chosen event');
		const all = await optionNames(page, 'events');
		assert.equal(all.length, ICLOSED_WEBHOOK_EVENTS.length, all.join(' | '));
		assert.ok(all.includes('Unconfirmed: Deal Created'), all.join(' | '));
		await page.keyboard.press('Escape');
	});

	check('explains the Polling Trigger’s test fetch, and names Events when none is chosen', async () => {
		const { id } = await client.createWorkflow({
			name: 'UI check: polling trigger without events',
			nodes: [
				{
					name: 'iClosed Polling Trigger',
					type: POLLING_TRIGGER_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: [] },
					credentials: { iClosedApi: credential },
				},
			],
			connections: {},
		});
		await openWorkflow(id);
		await waitForText(page, byTestId('canvas-node'), CHOOSE_EVENTS);
		await openNode('iClosed Polling Trigger');
		await clickText(page, `${NDV} span`, 'When will this node trigger my flow?');
		const help = await waitForText(page, NDV, 'Fetch Test Event');
		assert.ok(!/mock event/i.test(help), 'not n8n\'s "single mock event"');
		await shots.take(page, 'polling-trigger-help');
		await page.keyboard.press('Escape');

		await page.click(byTestId('workflow-open-publish-modal-button'));
		await page.waitForSelector(byTestId('workflow-publish-button'), { visible: true });
		await page.click(byTestId('workflow-publish-button'));
		const toasts = await waitForText(page, '.el-notification', 'Choose at least one event');
		assert.ok(!toasts.includes('Missing or invalid required parameters'), toasts);
		await shots.take(page, 'polling-trigger-without-events');
	});

	check('shows Book a call with its required fields first and fills the Event list from the sandbox', async () => {
		await openWorkflow(workflows.scratch);
		await openIClosedInNodesPanel();
		await clickText(page, ITEM_NAMES, 'Book a call');
		await page.waitForSelector(`${NDV} ${byTestId('resource-locator-eventId')}`);
		const placeholder = await page.$eval(`${NDV} ${byTestId('resource-locator-eventId')} ${byTestId('rlc-input')}`, (el) =>
			el instanceof HTMLInputElement ? el.placeholder : (el.querySelector('input')?.placeholder ?? ''),
		);
		assert.equal(placeholder, 'Select an event...');
		// The declaration is the source of truth: a field the panel lost must fail here, not vanish from both.
		const required = (findOperation('call', 'book')?.fields ?? []).filter((f) => f.required).map((f) => f.displayName);
		assert.ok(required.length > 0, 'Call → Book declares required fields');
		const labels = await parameterLabels(page);
		const later = labels.findIndex((l) => l === 'Additional Fields' || l === 'Simplify');
		for (const name of required) {
			const at = labels.indexOf(name);
			assert.ok(at >= 0, `required field "${name}" is shown (labels: ${labels.join(' | ')})`);
			assert.ok(at < later, `required field "${name}" sits above the optional ones (labels: ${labels.join(' | ')})`);
		}
		assert.equal(labels.at(-1), 'Simplify', `Simplify comes last (labels: ${labels.join(' | ')})`);

		await page.click(`${byTestId('resource-locator-eventId')} ${byTestId('rlc-input')}`);
		await page.waitForSelector(byTestId('rlc-item'), { visible: true, timeout: 15_000 }).catch(() => {
			throw new Error('the Event list stayed empty: no booking page from the sandbox');
		});
		const listed = await visibleTexts(page, byTestId('rlc-item'));
		const expected = fake.state.events.map((e) => e.name);
		assert.ok(expected.length > 0);
		for (const name of expected) assert.ok(listed.some((l) => l.startsWith(name)), `event "${name}" in the list (listed: ${listed.join(' | ')})`);
		await sleep(500); // the list fades in: let it finish before the picture
		await shots.take(page, 'book-call-panel', {
			clip: await clipAround(page, [`${NDV} ${byTestId('node-parameters')}`, `${NDV} ${byTestId('tab-params')}`, byTestId('rlc-item')]),
		});
		await page.keyboard.press('Escape');

		// Every locator mode fits its box (n8n's mode selector is narrow: "By Link Prefix" read "By Link P").
		await page.click(`${byTestId('resource-locator-eventId')} ${byTestId('rlc-mode-selector')}`);
		const modes = await visibleTexts(page, `${byTestId('mode-list')}, ${byTestId('mode-id')}, ${byTestId('mode-linkPrefix')}`);
		assert.deepEqual(modes, ['From list', 'By ID', 'By Slug']);
		await clickText(page, byTestId('mode-linkPrefix'), 'By Slug');
		const cut = await page.$eval(`${byTestId('resource-locator-eventId')} ${byTestId('rlc-mode-selector')} input`, (i) => i.scrollWidth > i.clientWidth);
		assert.equal(cut, false, 'the selected mode label is not cut off');
	});

	check('puts Call above Simplify in Call → Cancel', async () => {
		await chooseOption(page, `${NDV} ${byTestId('parameter-input-operation')}`, 'Cancel', `${NDV} ${byTestId('resource-locator-callId')}`);
		const labels = await parameterLabels(page);
		assert.ok(labels.indexOf('Call') >= 0 && labels.indexOf('Call') < labels.indexOf('Simplify'), `labels: ${labels.join(' | ')}`);
		await shots.take(page, 'call-cancel-panel');
	});

	check('tests the credential: success for the sandbox key, the right message for a wrong one', async () => {
		await page.click(`${NDV} ${byTestId('credential-edit-button')}`);
		const modal = byTestId('editCredential-modal');
		await waitForText(page, modal, 'Connection tested successfully');
		await shots.take(page, 'credential-ok');

		const setKey = async (key: string) => {
			const input = `${modal} ${byTestId('parameter-input-apiKey')} input`;
			await page.click(input, { count: 3 });
			await page.keyboard.press('Backspace');
			await page.type(input, key);
			await sleep(600); // n8n debounces parameter input: Save would otherwise send the old value
			await page.click(`${modal} ${byTestId('credential-save-button')}`);
		};
		// n8n shows "Couldn’t connect with these settings" and the node's message under "More details".
		const testMessage = async (expected: string) => {
			await waitForText(page, modal, 'Couldn’t connect with these settings');
			const [more] = await visibleWithText(page, `${modal} span`, 'More details');
			await more?.click();
			await waitForText(page, modal, expected);
		};
		try {
			await setKey('iclosed_not_a_real_key');
			await testMessage('Wrong or revoked API key: iClosed does not know it ("Invalid API key"). Check Environment and Base URL');
			await shots.take(page, 'credential-wrong-key');

			await setKey('iclosed-hyphenated-key');
			await testMessage('start with "iclosed_" (underscore), but this one starts with "iclosed-"');
		} finally {
			// The later checks run on this credential: put the sandbox key back, through the API if need be.
			await setKey(fake.apiKey).catch(() => undefined);
		}
		await waitForText(page, modal, 'Connection tested successfully');
		await page.keyboard.press('Escape');
	});

	check('runs the booking example with every node green', async () => {
		await openWorkflow(workflows.booking);
		const subtitles = await visibleTexts(page, byTestId('canvas-node'));
		assert.ok(subtitles.some((t) => t.includes('Book a call')), `canvas subtitles name actions (${subtitles.join(' | ')})`);
		assert.ok(!subtitles.some((t) => /\w+: (event|call|contact)\b/.test(t)), `no raw "operation: resource" subtitles (${subtitles.join(' | ')})`);
		const nodes = await page.$$eval(byTestId('canvas-node'), (els) => els.filter((e) => !e.querySelector('[data-test-id="sticky"]')).length);
		await page.click(byTestId('execute-workflow-button'));
		// Done when every node is green, or as soon as one turns red.
		await page.waitForFunction(
			(count) =>
				document.querySelectorAll('[data-test-id="canvas-node-status-success"]').length >= count ||
				document.querySelector('[data-test-id="canvas-node-status-error"]') !== null,
			{ timeout: 60_000 },
			nodes,
		).catch(async (error: Error) => {
			await shots.take(page, 'booking-example-failed');
			throw new Error(`not every node turned green: ${error.message}`);
		});
		assert.equal(await page.$$eval(`${byTestId('canvas-node-status-error')}, ${byTestId('canvas-node-status-warning')}`, (e) => e.length), 0, 'no red or warning node');
		assert.equal(await page.$$eval(byTestId('canvas-node-status-success'), (e) => e.length), nodes, 'every node green');
		await shots.take(page, 'booking-example-green');
	});

	check('shows a sandbox event in the trigger after "Execute step" and npm run sandbox:event', async () => {
		await openWorkflow(workflows.calls);
		await openNode('iClosed Trigger');
		await clickText(page, `${NDV} span`, 'When will this node trigger my flow?');
		await waitForText(page, NDV, 'npm run sandbox:event -- call.booked');
		await page.click(`${NDV} ${byTestId('trigger-execute-button')}`);
		await waitForText(page, NDV, 'Listening for test event');
		// n8n's own hint says "Go to iClosed and create an event"; the node's notice, in view, says what to run.
		await waitForText(page, NDV, `run ${SANDBOX_EVENT_COMMAND}`);

		const run = promisify(execFile);
		const { stdout } = await run(process.execPath, [join(ROOT, 'build', 'scripts', 'sandboxEvent.js'), 'call.booked'], {
			env: { ...process.env, SANDBOX_PORT: new URL(fake.baseUrl).port },
		});
		assert.match(stdout, /^call\.booked → http:\/\/127\.0\.0\.1:\d+\/webhook-test\/.+: HTTP 200 \{"message":"Workflow was started"\}$/m);

		await waitForText(page, byTestId('output-panel'), 'call.booked');
		// The panel re-renders as the output arrives and can swallow a first click on JSON: click until it shows.
		let output = '';
		for (let attempt = 1; !output; attempt++) {
			await page.click(`${byTestId('output-panel')} ${byTestId('radio-button-json')}`);
			output = await waitForText(page, byTestId('output-panel'), '"receivedAt"', 3_000).catch((error: Error) => {
				if (attempt === 5) throw error;
				return '';
			});
		}
		assert.match(output, /"event":\s+"call\.booked"/);
		assert.match(output, /"call":\s+\{/);
		assert.match(output, /"callType":\s+"STRATEGY_EVENT"/);
		await page.mouse.move(1, 1); // no hover tooltip in the picture
		await shots.take(page, 'trigger-output', {
			clip: await clipAround(page, [`${NDV} ${byTestId('node-parameters')}`, `${NDV} ${byTestId('tab-params')}`, byTestId('output-panel')]),
		});
	});
});
