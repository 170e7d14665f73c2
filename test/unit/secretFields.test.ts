// Test code runs in Node, not in n8n Cloud's sandbox; the cloud-only rules do not apply.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { inspect } from 'node:util';

import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { IClosedTrigger } from '../../nodes/IClosedTrigger/IClosedTrigger.node';
import { readCreatedSubscription, readSubscription } from '../../nodes/IClosedTrigger/webhookApi';
import { SECRET_FIELD_NAMES, isSecretFieldName, readSecret, withoutSecrets } from '../../nodes/shared/secretFields';
import { iClosedApiRequest } from '../../nodes/shared/transport/request';
import { executeContextFor } from '../harness/executeContext';
import { ScriptedServer } from '../harness/scriptedServer';
import { runAction, useFakeIClosed } from './action/support';
import { pollingWorkflow, startFake } from './polling/support';
import { currentCallBooked } from './trigger/fixtures/currentDeliveries';
import type { ReceivingWorld } from './trigger/support/receiving';
import { startReceivingWorld } from './trigger/support/receiving';

/** Every spelling in the one list, and variants of case and separators that must count too. */
const SPELLINGS = [...SECRET_FIELD_NAMES];
const OTHER_SPELLINGS = ['Signing-Secret', 'SIGNING_SECRET', 'Webhook Secret', 'SigningKey'];

describe('the one list of secret field names', () => {
	it.each([...SPELLINGS, 'Secret', 'SIGNING_SECRET', 'Webhook-Secret', 'signing key'])('recognises %s', (name) => {
		expect(isSecretFieldName(name)).toBe(true);
	});

	it.each(['secretary', 'secrets', 'signing', 'contact.secret-word', 'key', 'apiKeyId'])('leaves %s alone', (name) => {
		expect(isSecretFieldName(name)).toBe(false);
	});

	it.each([...SPELLINGS, ...OTHER_SPELLINGS])('reads a secret under %s by the same rule that hides it', (name) => {
		expect(isSecretFieldName(name)).toBe(true);
		expect(readSecret({ id: 1, [name]: ' whsec_read ' })).toBe('whsec_read');
		expect(readCreatedSubscription({ data: { id: 'wh_1', [name]: 'whsec_read' } })).toMatchObject({ id: 'wh_1', secret: 'whsec_read' });
		expect(readSubscription({ id: 'wh_2', url: 'https://a/b', [name]: 'whsec_read' })?.secret).toBe('whsec_read');
		expect(withoutSecrets({ id: 1, [name]: 'whsec_read' })).toEqual({ id: 1 });
	});

	it('reads no secret from fields the rule leaves alone, or from empty values', () => {
		expect(readSecret({ secretary: 'x', signing: 'y', secret: '  ' })).toBeUndefined();
	});

	it('drops secret fields at any depth and keeps everything else', () => {
		const value = { id: 1, secret: 's', data: [{ signingSecret: 's', url: 'u', nested: { webhook_secret: 's', ok: true } }] };
		expect(withoutSecrets(value)).toEqual({ id: 1, data: [{ url: 'u', nested: { ok: true } }] });
		expect(value.secret).toBe('s');
	});
});

describe('the action node never outputs a signing secret', () => {
	const fake = useFakeIClosed();
	afterEach(() => fake().setVariants({ webhookSecretField: 'secret', webhookCreateEnvelope: 'flat' }));

	it.each(SPELLINGS)('Webhook → Create and Get Many drop %s', async (field) => {
		fake().setVariants({ webhookSecretField: field });
		const created = await runAction(fake(), { resource: 'webhook', operation: 'create', url: 'https://example.com/h', events: ['call.booked'] });
		const listed = await runAction(fake(), { resource: 'webhook', operation: 'getMany', returnAll: true });
		expect(created.error).toBeUndefined();
		expect(listed.error).toBeUndefined();
		expect(created.json).toEqual([expect.objectContaining({ url: 'https://example.com/h' })]);
		const secrets = fake().state.webhooks.map((w) => w.secret);
		for (const output of [created.json, listed.json]) {
			const text = JSON.stringify(output);
			for (const secret of secrets) expect(text).not.toContain(secret);
			expect(output.some((item) => field in item)).toBe(false);
		}
	});

	it('Create unwrapping a data envelope drops the secret too', async () => {
		fake().setVariants({ webhookSecretField: 'signingKey', webhookCreateEnvelope: 'dataWebhook' });
		const { json } = await runAction(fake(), { resource: 'webhook', operation: 'create', url: 'https://example.com/h3', events: ['call.booked'] });
		expect(JSON.stringify(json)).not.toContain(fake().state.webhooks.at(-1)?.secret as string);
	});
});

describe('errors never carry a signing secret', () => {
	const server = new ScriptedServer();
	beforeAll(async () => {
		await server.start();
	});
	afterEach(() => server.reset());
	afterAll(async () => await server.stop());

	it.each(SPELLINGS)('an error answer with %s in its body', async (field) => {
		server.answer({ status: 400, body: { message: 'Invalid request', data: { id: 7, [field]: 'whsec_leak_in_error' } } });
		const ctx = executeContextFor({ apiKey: 'iclosed_secret_test', baseUrl: server.baseUrl });
		const error = await iClosedApiRequest.call(ctx, { method: 'POST', path: '/v1/webhooks', body: { url: 'https://example.com' } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect(inspect(error, { depth: 20 })).not.toContain('whsec_leak_in_error');
		expect(JSON.stringify(error)).not.toContain('whsec_leak_in_error');
	});
});

describe('the trigger never outputs or logs a signing secret', () => {
	let world: ReceivingWorld;
	beforeEach(async () => {
		world = await startReceivingWorld();
	});
	afterEach(async () => {
		await world.close();
	});

	it.each([...SPELLINGS, ...OTHER_SPELLINGS])('reads a secret iClosed returns as %s, verifies with it, and never logs it', async (field) => {
		world.fake.setVariants({ webhookSecretField: field });
		const workflow = world.trigger({ events: ['call.booked'], options: { signaturePolicy: 'require' } });
		await workflow.activate();
		const secret = world.fake.state.webhooks[0].secret;
		const signed = await world.fake.deliver('call.booked', { sign: true });
		const forged = await world.fake.deliver('call.booked', { sign: { secret: 'whsec_forged' } });
		expect([signed[0].status, forged[0].status]).toEqual([200, 401]);
		expect(world.logs.text()).not.toContain(secret);
		expect(JSON.stringify(world.receiver.executions())).not.toContain(secret);
	});

	it.each(SPELLINGS)('drops %s from delivered events, simplified or not', async (field) => {
		const leaking: IDataObject = { ...currentCallBooked(), [field]: 'whsec_in_delivery', event: { ...(currentCallBooked().event as IDataObject), [field]: 'whsec_in_delivery' } };
		for (const parameters of [
			{ events: ['call.booked'], simplify: false },
			{ events: ['call.booked'], simplify: true },
			{ events: ['deal.created'], simplify: true },
		]) {
			const workflow = world.trigger(parameters);
			const payload = parameters.events[0] === 'deal.created' ? { ...leaking, hookType: 'Deal created' } : leaking;
			const [result] = await world.fake.deliver(parameters.events[0], { url: workflow.webhookUrl(), payload });
			expect(result.status).toBe(200);
		}
		const executions = world.receiver.executions();
		expect(executions).toHaveLength(3);
		expect(JSON.stringify(executions)).not.toContain('whsec_in_delivery');
		expect((executions[0][0].json.event as IDataObject).uuid).toBe(918273);
	});
});

describe('the polling trigger never outputs a signing secret', () => {
	it.each([true, false])('drops secret fields from polled records (Simplify %s)', async (simplify) => {
		const fake = await startFake();
		try {
			const wf = pollingWorkflow(fake, { events: ['contact.created'], simplify });
			await wf.activate();
			fake.clock.advance(60_000);
			fake.state.addContact({ email: 'polled@example.com', ...({ 'Signing-Secret': 'whsec_polled', signingSecret: 'whsec_polled' } as object) });
			const { items, error } = await wf.poll();
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(JSON.stringify(items)).toContain('polled@example.com');
			expect(JSON.stringify(items)).not.toContain('whsec_polled');
		} finally {
			await fake.close();
		}
	});
});

describe('the deprecated Signing Secret parameter', () => {
	const description = new IClosedTrigger().description as INodeTypeDescription;
	const options = description.properties.find((p) => p.name === 'options') as INodeProperties;
	const signingSecret = (options.options as INodeProperties[]).find((o) => o.name === 'signingSecret') as INodeProperties;
	const node = { id: 'n', name: 'iClosed Trigger', type: 'n8n-nodes-iclosed.iClosedTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

	it('is not offered in a workflow that does not already have it: it accepts no new value', () => {
		expect(NodeHelpers.displayParameter({}, signingSecret, node, description)).toBe(false);
		expect(NodeHelpers.displayParameter({ signaturePolicy: 'require' }, signingSecret, node, description)).toBe(false);
	});

	it('is shown, marked deprecated, and kept where an older workflow set it', () => {
		expect(NodeHelpers.displayParameter({ signingSecret: 'whsec_old' }, signingSecret, node, description)).toBe(true);
		expect(signingSecret.displayName).toBe('Signing Secret (Deprecated)');
		const kept = NodeHelpers.getNodeParameters(description.properties, { events: ['call.booked'], options: { signingSecret: 'whsec_old' } }, false, false, node, description);
		expect((kept?.options as IDataObject).signingSecret).toBe('whsec_old');
	});
});
