import type { INodeParameters } from 'n8n-workflow';

import { IClosedTrigger } from '../../../nodes/IClosedTrigger/IClosedTrigger.node';
import type { TestCredentials } from '../../harness/credentials';
import { TestCredentialsHelper } from '../../harness/credentials';
import { TriggerWorkflow } from '../../harness/hooks';
import { loadOptionsContextFor } from '../../harness/loadOptionsContext';
import { TRIGGER_NODE_TYPE } from '../../harness/nodeTypes';
import type { ReceivingWorld } from './support/receiving';
import { startReceivingWorld } from './support/receiving';

const CREDENTIAL_SECRET = 'whsec_kept_in_the_credential';

// The signing secret lives in the iClosed API credential, which Manual registration may use too.
describe('iClosed Trigger signing secret in the credential', () => {
	let world: ReceivingWorld;
	beforeEach(async () => {
		world = await startReceivingWorld();
	});
	afterEach(async () => {
		await world.close();
	});

	/** A trigger whose node has the given credential (or none), behind the test receiver. */
	function trigger(parameters: INodeParameters, credentials?: Partial<TestCredentials>): TriggerWorkflow {
		const workflow = new TriggerWorkflow({
			parameters,
			credentials: credentials ? { apiKey: world.fake.apiKey, baseUrl: world.fake.baseUrl, ...credentials } : undefined,
			n8nBaseUrl: world.receiver.baseUrl,
		});
		world.receiver.attach(workflow);
		return workflow;
	}

	async function statuses(workflow: TriggerWorkflow, secrets: string[]): Promise<number[]> {
		const url = workflow.webhookUrl();
		const results = [];
		for (const secret of secrets) results.push((await world.fake.deliver('call.booked', { url, sign: { secret } }))[0].status);
		return results;
	}

	it('verifies with the credential secret in Manual registration, and keeps it out of the workflow JSON', async () => {
		const parameters = { events: ['call.booked'], registration: 'manual', options: { signaturePolicy: 'require' } };
		const workflow = trigger(parameters, { webhookSigningSecret: CREDENTIAL_SECRET });
		await workflow.activate();
		expect(await statuses(workflow, [CREDENTIAL_SECRET, 'whsec_other'])).toEqual([200, 401]);
		expect(world.fake.requests).toEqual([]);
		expect(JSON.stringify({ parameters: workflow.node.parameters, staticData: workflow.staticData() })).not.toContain(CREDENTIAL_SECRET);
		expect(world.logs.text()).not.toContain(CREDENTIAL_SECRET);
		expect(JSON.stringify(world.receiver.executions())).not.toContain(CREDENTIAL_SECRET);
	});

	it('verifies with the credential secret in Automatic registration too', async () => {
		world.fake.setVariants({ webhookCreateEnvelope: 'noSecret' });
		const workflow = trigger({ events: ['call.booked'], options: { signaturePolicy: 'require' } }, { webhookSigningSecret: CREDENTIAL_SECRET });
		await workflow.activate();
		expect(await statuses(workflow, [CREDENTIAL_SECRET, 'whsec_other'])).toEqual([200, 401]);
	});

	it('reads the credential only for a signed delivery under Verify When Signed (unsigned ones never need it)', async () => {
		const workflow = trigger({ events: ['call.booked'], registration: 'manual' }, { webhookSigningSecret: CREDENTIAL_SECRET });
		await workflow.activate();
		const before = TestCredentialsHelper.decryptions;
		expect((await world.fake.deliver('call.booked', { url: workflow.webhookUrl() }))[0].status).toBe(200);
		expect(TestCredentialsHelper.decryptions).toBe(before);
		expect(await statuses(workflow, [CREDENTIAL_SECRET, 'whsec_other'])).toEqual([200, 401]);
		expect(TestCredentialsHelper.decryptions).toBeGreaterThan(before);
	});

	it('still reads the deprecated Signing Secret parameter beside the credential', async () => {
		const options = { signaturePolicy: 'require', signingSecret: 'whsec_old_parameter' };
		const workflow = trigger({ events: ['call.booked'], registration: 'manual', options }, { webhookSigningSecret: CREDENTIAL_SECRET });
		expect(await statuses(workflow, ['whsec_old_parameter', CREDENTIAL_SECRET, 'whsec_other'])).toEqual([200, 200, 401]);
	});

	it('runs Manual registration without any credential: unsigned deliveries pass, Require refuses all', async () => {
		const open = trigger({ events: ['call.booked'], registration: 'manual' });
		await open.activate();
		expect((await world.fake.deliver('call.booked', { url: open.webhookUrl() }))[0].status).toBe(200);
		const strict = trigger({ events: ['call.booked'], registration: 'manual', options: { signaturePolicy: 'require' } });
		expect(await statuses(strict, [CREDENTIAL_SECRET])).toEqual([401]);
		expect(world.receiver.received.filter((r) => r.status >= 500)).toEqual([]);
	});

	it('says what to do when Automatic registration has no credential', async () => {
		const workflow = trigger({ events: ['call.booked'] });
		await expect(workflow.activate()).rejects.toThrow('Automatic registration needs an iClosed API credential');
		expect(world.fake.requests).toEqual([]);
	});
});

describe('iClosed Trigger booking page filter list', () => {
	let world: ReceivingWorld;
	beforeAll(async () => {
		world = await startReceivingWorld();
	});
	afterAll(async () => {
		await world.close();
	});

	function loadOptionsContext(parameters: INodeParameters, withCredential: boolean) {
		const credentials = { apiKey: world.fake.apiKey, baseUrl: world.fake.baseUrl };
		return loadOptionsContextFor({ nodeType: TRIGGER_NODE_TYPE, nodeName: 'iClosed Trigger', parameters, credentials, withCredential });
	}

	const { getBookingPages } = new IClosedTrigger().methods.loadOptions;

	it('lists the booking pages in Manual registration when a credential is chosen', async () => {
		const options = await getBookingPages.call(loadOptionsContext({ registration: 'manual', events: ['call.booked'] }, true));
		expect(options.length).toBe(world.fake.state.events.length);
		expect(options.length).toBeGreaterThan(0);
		expect(options[0]).toEqual(expect.objectContaining({ name: expect.any(String), value: expect.any(String) }));
	});

	it('says what to do, without calling iClosed, when no credential is chosen', async () => {
		const before = world.fake.requests.length;
		await expect(getBookingPages.call(loadOptionsContext({ registration: 'manual', events: ['call.booked'] }, false))).rejects.toThrow(
			'Choose an iClosed API credential to list booking pages',
		);
		expect(world.fake.requests.length).toBe(before);
	});
});
