/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and benchmark code, never shipped */
// 1,000 generated malformed or hostile deliveries through the iClosed Trigger's webhook(), run in
// n8n-core's real WebhookContext behind a stand-in for n8n's webhook server (body parsing as n8n 2.8.4
// does it). Nothing may crash or reject unhandled, every delivery gets the status it deserves, only
// signed deliveries of selected events start the workflow, and no secret shows anywhere.
import { request } from 'undici';

import { buildEventPayload, startFakeIClosed } from '../fake-iclosed';
import type { FakeIClosed } from '../fake-iclosed';
import { TriggerWorkflow, captureLogs } from '../harness/hooks';
import type { WebhookReceiver } from '../harness/webhookReceiver';
import { startWebhookReceiver } from '../harness/webhookReceiver';
import type { AdversarialDelivery } from './support/adversarialDeliveries';
import {
	SELECTED_EVENTS,
	deeplyNestedDelivery,
	generateAdversarialDeliveries,
} from './support/adversarialDeliveries';
import { leakedSecrets, safeJson } from './support/secretSearch';

const KEY = 'iclosed_robustness_test_key';
const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20_261_123);

interface Answer {
	delivery: AdversarialDelivery;
	status: number;
	text: string;
}

describe('1,000 malformed or adversarial deliveries (in-process)', () => {
	let fake: FakeIClosed;
	let receiver: WebhookReceiver;
	let logs: ReturnType<typeof captureLogs>;
	const answers: Answer[] = [];
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	let prototypeKeysBefore: string[];
	let deliveries: AdversarialDelivery[];
	let url: string;
	let secret: string;

	beforeAll(async () => {
		prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
		process.on('unhandledRejection', onUnhandled);
		process.on('uncaughtException', onUnhandled);
		fake = await startFakeIClosed({ seed: 'demo', apiKeys: [KEY] });
		receiver = await startWebhookReceiver();
		logs = captureLogs();
		const workflow = new TriggerWorkflow({
			parameters: { events: SELECTED_EVENTS, options: { signaturePolicy: 'require' } },
			credentials: { apiKey: KEY, baseUrl: fake.baseUrl },
			n8nBaseUrl: receiver.baseUrl,
		});
		receiver.attach(workflow);
		await workflow.activate();
		url = workflow.webhookUrl();
		const issued = fake.state.webhooks.find((w) => w.url === url)?.secret;
		if (!issued) throw new Error('the trigger registered no subscription with a secret');
		secret = issued;
		deliveries = generateAdversarialDeliveries({
			count: 1000,
			seed: SEED,
			secret,
			template: buildEventPayload(fake.state, 'call.booked'),
		});
		for (const delivery of deliveries) {
			const res = await request(url, {
				method: 'POST',
				headers: delivery.headers,
				body: delivery.body,
			});
			answers.push({ delivery, status: res.statusCode, text: await res.body.text() });
		}
	}, 120_000);

	afterAll(async () => {
		process.off('unhandledRejection', onUnhandled);
		process.off('uncaughtException', onUnhandled);
		logs?.restore();
		await receiver?.close();
		await fake?.close();
	});

	it('sends 1,000 deliveries of every kind', () => {
		expect(answers).toHaveLength(1000);
		expect(new Set(deliveries.map((d) => d.kind)).size).toBeGreaterThanOrEqual(15);
	});

	it('answers every delivery with the status it deserves (401 unsigned/forged/replayed, 422/400 not JSON, 200 otherwise)', () => {
		const wrong = answers
			.filter((a) => a.status !== a.delivery.expectStatus)
			.map(
				(a) =>
					`#${a.delivery.index} ${a.delivery.kind}: ${a.status}, expected ${a.delivery.expectStatus} (${a.text.slice(0, 120)})`,
			);
		expect(wrong).toEqual([]);
	});

	it('never lets webhook() throw (n8n would answer 500 and iClosed retry for a day)', () => {
		const thrown = receiver.received
			.filter((r) => r.error)
			.map((r) => `${r.error?.name}: ${r.error?.message.slice(0, 200)}`);
		expect(thrown).toEqual([]);
	});

	it('starts the workflow exactly for the signed, selected, new events, one item each', () => {
		const started = answers.map((a, i) => ({ a, items: receiver.received[i]?.items?.length ?? 0 }));
		const mismatched = started
			.filter(({ a, items }) => items !== a.delivery.expectItems)
			.map(
				({ a, items }) =>
					`#${a.delivery.index} ${a.delivery.kind}: ${items} items, expected ${a.delivery.expectItems}`,
			);
		// The batch sent in beforeAll comes first; the deep-nesting tests below may add theirs after it.
		expect(receiver.received.slice(0, answers.length)).toHaveLength(1000);
		expect(mismatched).toEqual([]);
		const expected = deliveries.reduce((n, d) => n + d.expectItems, 0);
		expect(receiver.executions().flat()).toHaveLength(expected);
	});

	it('has no unhandled rejection or uncaught exception', () => {
		expect(unhandled.map(String)).toEqual([]);
	});

	it('leaves Object.prototype untouched by __proto__ / constructor.prototype keys', () => {
		expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(typeof ({} as { toString: unknown }).toString).toBe('function');
	});

	// Deeper bodies than any iClosed event are refused with 400 before anything walks them recursively
	// (a stack overflow would be a 500, which iClosed retries for 24 hours).
	it.each([5_000, 20_000])(
		'refuses a delivery nested %i levels deep with 400, without throwing',
		async (depth) => {
			const before = receiver.received.length;
			const delivery = deeplyNestedDelivery({
				secret,
				template: buildEventPayload(fake.state, 'call.booked'),
				depth,
				uuid: `deep-${depth}`,
			});
			const res = await request(url, {
				method: 'POST',
				headers: delivery.headers,
				body: delivery.body,
			});
			await res.body.text();
			expect(receiver.received[before]?.error).toBeUndefined();
			expect(res.statusCode).toBe(400);
			expect(receiver.received.length).toBe(before + 1);
			expect(receiver.received[before]?.items ?? []).toEqual([]);
		},
	);

	it('shows neither the API key nor the webhook secret in any answer, output item or log line', () => {
		const secrets: Record<string, string> = { 'API key': KEY };
		fake.state.webhooks.forEach((w, i) => (secrets[`webhook secret ${i}`] = w.secret));
		const text = [
			...answers.map((a) => a.text),
			...receiver.received.map((r) => safeJson(r.items)),
			logs.text(),
		].join('\n');
		expect(leakedSecrets(text, secrets)).toEqual([]);
	});
});

describe('adversarial deliveries under the default Signature Check ("Verify When Signed")', () => {
	it('refuses every forged or replayed signature with 401, lets unsigned ones through as designed, never throws', async () => {
		const fake = await startFakeIClosed({ seed: 'demo', apiKeys: [KEY] });
		const receiver = await startWebhookReceiver();
		const logs = captureLogs();
		try {
			const workflow = new TriggerWorkflow({
				parameters: { events: SELECTED_EVENTS },
				credentials: { apiKey: KEY, baseUrl: fake.baseUrl },
				n8nBaseUrl: receiver.baseUrl,
			});
			receiver.attach(workflow);
			await workflow.activate();
			const url = workflow.webhookUrl();
			const secret = fake.state.webhooks.find((w) => w.url === url)?.secret ?? '';
			const deliveries = generateAdversarialDeliveries({
				count: 300,
				seed: SEED + 1,
				secret,
				template: buildEventPayload(fake.state, 'call.booked'),
				policy: 'whenSigned',
			});
			const wrong: string[] = [];
			for (const delivery of deliveries) {
				const res = await request(url, {
					method: 'POST',
					headers: delivery.headers,
					body: delivery.body,
				});
				const text = await res.body.text();
				const items = receiver.received[delivery.index]?.items?.length ?? 0;
				if (res.statusCode !== delivery.expectStatus || items !== delivery.expectItems)
					wrong.push(
						`#${delivery.index} ${delivery.kind}: ${res.statusCode}/${items}, expected ${delivery.expectStatus}/${delivery.expectItems} (${text.slice(0, 80)})`,
					);
			}
			expect(wrong).toEqual([]);
			expect(receiver.received.filter((r) => r.error)).toEqual([]);
		} finally {
			logs.restore();
			await receiver.close();
			await fake.close();
		}
	}, 60_000);
});
