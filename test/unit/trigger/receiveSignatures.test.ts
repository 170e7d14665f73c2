import type { INodeParameters } from 'n8n-workflow';

import type { SignOptions } from '../../fake-iclosed';
import { signBody } from '../../fake-iclosed';
import type { ReceivingWorld } from './support/receiving';
import { startReceivingWorld } from './support/receiving';

// Signed deliveries from the fake iClosed to a registered trigger, over real HTTP.
describe('iClosed Trigger signature check', () => {
	let world: ReceivingWorld;

	beforeEach(async () => {
		world = await startReceivingWorld();
	});
	afterEach(async () => {
		await world.close();
	});

	/** A trigger registered through the fake's API, so the fake signs with the secret it issued. */
	async function registeredTrigger(options: INodeParameters = {}) {
		const workflow = world.trigger({ events: ['call.booked'], options });
		await workflow.activate();
		return workflow;
	}

	const forms: Array<[string, SignOptions]> = [];
	for (const header of ['x-iclosed-signature', 'x-signature', 'x-webhook-signature', 'x-hub-signature-256']) {
		forms.push([`${header} hex`, { header }]);
		forms.push([`${header} base64`, { header, encoding: 'base64' }]);
		forms.push([`${header} sha256=hex`, { header, prefix: 'sha256=' }]);
		forms.push([`${header} t=,v1=`, { header, timestamped: true }]);
	}

	it.each(forms)('starts the workflow for a delivery signed with the issued secret (%s)', async (_name, sign) => {
		await registeredTrigger();
		const [result] = await world.fake.deliver('call.booked', { sign });
		expect(result.status).toBe(200);
		expect(world.receiver.executions()).toHaveLength(1);
	});

	it.each(forms)('answers 401 and starts nothing for a wrong signature (%s)', async (_name, sign) => {
		await registeredTrigger();
		const [result] = await world.fake.deliver('call.booked', { sign: { ...sign, secret: 'whsec_forged' } });
		expect(result.status).toBe(401);
		expect(world.receiver.executions()).toHaveLength(0);
	});

	it('answers 401 when the body was changed after signing', async () => {
		const workflow = await registeredTrigger();
		const original = JSON.stringify([{ hookType: 'Call booked', event: { uuid: '1' } }]);
		const { header, value } = signBody(original, world.fake.state.webhooks[0].secret);
		const [result] = await world.fake.deliver('call.booked', {
			url: workflow.webhookUrl(),
			payload: [{ hookType: 'Call booked', event: { uuid: '2' } }],
			headers: { [header]: value },
		});
		expect(result.status).toBe(401);
		expect(world.receiver.executions()).toHaveLength(0);
	});

	it('answers 401 to a correctly signed delivery replayed after the 5-minute window', async () => {
		await registeredTrigger();
		const [result] = await world.fake.deliver('call.booked', {
			sign: { timestamped: true, timestamp: Math.floor(Date.now() / 1000) - 600 },
		});
		expect(result.status).toBe(401);
		expect(world.receiver.executions()).toHaveLength(0);
	});

	it('accepts an unsigned delivery under "Verify When Signed"', async () => {
		await registeredTrigger();
		expect((await world.fake.deliver('call.booked'))[0].status).toBe(200);
		expect(world.receiver.executions()).toHaveLength(1);
	});

	it('answers 401 to an unsigned delivery under "Require", and accepts a signed one', async () => {
		await registeredTrigger({ signaturePolicy: 'require' });
		expect((await world.fake.deliver('call.booked'))[0].status).toBe(401);
		expect((await world.fake.deliver('call.booked', { sign: true }))[0].status).toBe(200);
		expect(world.receiver.executions()).toHaveLength(1);
	});

	it('refuses everything under "Require" while no signing secret is known', async () => {
		const workflow = world.trigger({ events: ['call.booked'], options: { signaturePolicy: 'require' } });
		const [result] = await world.fake.deliver('call.booked', { url: workflow.webhookUrl(), sign: true });
		expect(result.status).toBe(401);
	});

	it('checks nothing when the check is off', async () => {
		await registeredTrigger({ signaturePolicy: 'off' });
		const [result] = await world.fake.deliver('call.booked', { sign: { secret: 'whsec_forged' } });
		expect(result.status).toBe(200);
		expect(world.receiver.executions()).toHaveLength(1);
	});

	it('uses a signing secret typed into the node (manual registration)', async () => {
		const workflow = world.trigger({
			events: ['call.booked'],
			registration: 'manual',
			options: { signaturePolicy: 'require', signingSecret: 'whsec_from_ui' },
		});
		const url = workflow.webhookUrl();
		const good = await world.fake.deliver('call.booked', { url, sign: { secret: 'whsec_from_ui', header: 'x-signature' } });
		const bad = await world.fake.deliver('call.booked', { url, sign: { secret: 'whsec_other', header: 'x-signature' } });
		expect([good[0].status, bad[0].status]).toEqual([200, 401]);
	});

	it('never writes the secret or the signature to the log', async () => {
		await registeredTrigger();
		const secret = world.fake.state.webhooks[0].secret;
		const [result] = await world.fake.deliver('call.booked', { sign: { secret: 'whsec_forged' } });
		expect(result.status).toBe(401);
		expect(world.logs.text()).toContain('401');
		expect(world.logs.text()).not.toContain(secret);
		expect(world.logs.text()).not.toContain(result.sentHeaders['x-iclosed-signature']);
		expect(result.body).not.toContain(secret);
	});
});
