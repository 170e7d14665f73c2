import type { FakeIClosed } from '../../fake-iclosed';
import { startFakeIClosed } from '../../fake-iclosed';
import { callFake } from '../../fake-iclosed/client';
import { TriggerWorkflow, captureLogs } from '../../harness/hooks';

/**
 * n8n's public address changes (WEBHOOK_URL, a tunnel, a new domain): the subscriptions the node made for
 * its earlier address must not stay behind in iClosed, and nobody else's may be touched.
 */
describe('iClosed Trigger when n8n’s address changes', () => {
	let fake: FakeIClosed;
	let logs: ReturnType<typeof captureLogs>;
	beforeEach(async () => {
		fake = await startFakeIClosed();
		logs = captureLogs();
	});
	afterEach(async () => {
		logs.restore();
		await fake.close();
	});

	const OLD = 'https://old-tunnel.example.com';
	const NEW = 'https://n8n.example.com';
	const trigger = (events: string[]) =>
		new TriggerWorkflow({ parameters: { events }, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl }, n8nBaseUrl: OLD });
	/** iClosed's list: url → events, sorted. */
	const listed = () =>
		fake.state.webhooks
			.map((w) => `${w.url} ${w.events.join(',')}`)
			.sort();

	it('at the next activation or restart, removes what it made for the earlier address, then registers the new one once per event', async () => {
		const before = trigger(['call.booked', 'call.cancelled']);
		await before.activate();
		const oldUrl = before.webhookUrl();
		expect(oldUrl.startsWith(OLD)).toBe(true);

		const after = before.restart({ n8nBaseUrl: NEW });
		await after.activate({ activation: 'init' });
		const newUrl = after.webhookUrl();
		expect(listed()).toEqual([`${newUrl} call.booked`, `${newUrl} call.cancelled`]);
		expect((after.nodeStaticData().subscriptions as Array<{ url: string }>).every((s) => s.url === newUrl)).toBe(true);
		expect(logs.text()).toContain('removed 2 iClosed subscription(s) for the earlier address https://old-tunnel.example.com');

		// And it settles: another restart at the same address changes nothing.
		fake.clearRequests();
		await after.restart().activate({ activation: 'init' });
		expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('deactivation leaves nothing, whatever addresses the node has had (n8n 2.40+ calls nothing at the restart)', async () => {
		const before = trigger(['call.booked', 'contact.created']);
		await before.activate();
		// n8n 2.40+ keeps the registration over a restart: the first call at the new address is the unpublish.
		const after = before.restart({ n8nBaseUrl: NEW });
		expect(await after.deactivate()).toBe(true);
		expect(listed()).toEqual([]);
		expect(after.nodeStaticData().subscriptions).toBeUndefined();
	});

	it('the next publish after such a restart cleans up and registers the new address', async () => {
		const before = trigger(['call.booked']);
		await before.activate();
		const after = before.restart({ n8nBaseUrl: NEW });
		await after.activate({ activation: 'activate' });
		expect(listed()).toEqual([`${after.webhookUrl()} call.booked`]);
	});

	it('never touches a subscription another workflow or another n8n made, even at the same host or path', async () => {
		const before = trigger(['call.booked']);
		await before.activate();
		const oldUrl = before.webhookUrl();
		const foreign = [
			`${OLD}/webhook/11111111-2222-4333-8444-555555555555/webhook`, // another workflow on the old host
			oldUrl.replace(OLD, 'https://staging.example.com'), // another n8n with an imported copy (same path)
			`${NEW}/webhook/11111111-2222-4333-8444-555555555555/webhook`,
		];
		for (const url of foreign) {
			const r = await callFake(fake, 'POST', '/v1/webhooks', { body: { url, events: ['call.booked'] } });
			expect(r.status).toBeLessThan(300);
		}
		const after = before.restart({ n8nBaseUrl: NEW });
		await after.activate({ activation: 'init' });
		await after.deactivate();
		expect(listed()).toEqual(foreign.map((url) => `${url} call.booked`).sort());
	});

	it("the editor's test listener never removes the production subscriptions, at any address", async () => {
		const production = trigger(['call.booked']);
		await production.activate();
		const oldUrl = production.webhookUrl();
		const editor = production.restart({ n8nBaseUrl: NEW });
		await editor.activate({ isTest: true });
		await editor.deactivate({ isTest: true });
		expect(listed()).toEqual([`${oldUrl} call.booked`]);
	});

	it('keeps an earlier-address subscription it could not remove, logs its id, and removes it next time', async () => {
		const before = trigger(['call.booked']);
		await before.activate();
		const [old] = fake.state.webhooks;
		fake.injectFault('DELETE /v1/webhooks/:id', { kind: 'status', status: 500, times: 3 });
		const after = before.restart({ n8nBaseUrl: NEW });
		await after.activate({ activation: 'init' });
		expect(listed()).toEqual([`${old.url} call.booked`, `${after.webhookUrl()} call.booked`].sort());
		expect(logs.text()).toContain(`could not remove webhook subscription ${old.id}`);
		await after.restart().activate({ activation: 'init' });
		expect(listed()).toEqual([`${after.webhookUrl()} call.booked`]);
	}, 20_000);
});

describe('iClosed Trigger refuses an address iClosed cannot reach', () => {
	let fake: FakeIClosed;
	beforeEach(async () => {
		fake = await startFakeIClosed();
	});
	afterEach(async () => await fake.close());

	it.each([
		['localhost', 'http://localhost:5678', /localhost is this machine/],
		['a loopback IP', 'https://127.0.0.1:5678', /loopback address/],
		['a private IP', 'https://192.168.1.20', /private network address/],
		['an IPv6 private address', 'https://[fd00::12]', /private network address/],
		['a name only the local network knows', 'https://n8n', /name only your own network knows/],
		['a .local name', 'https://n8n.local', /name only your own network knows/],
		['plain http on a public name', 'http://n8n.example.com', /plain http/],
	])('fails publishing at once with %s, and says what to set', async (_what, n8nBaseUrl, reason) => {
		for (const environment of ['production', 'development'] as const) {
			const workflow = new TriggerWorkflow({
				parameters: { events: ['call.booked'] },
				credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl, environment },
				n8nBaseUrl,
			});
			for (const isTest of [false, true]) {
				const started = Date.now();
				const error = await workflow.activate({ isTest }).then(
					() => undefined,
					(e: Error) => e,
				);
				expect(Date.now() - started).toBeLessThan(1_000);
				expect(error?.message).toMatch(reason);
				expect(error?.message).toContain("Set n8n's WEBHOOK_URL to the public https:// address");
				expect(error?.message).toContain('Nothing was registered');
			}
		}
		expect(fake.requests).toEqual([]);
	});

	it('the local sandbox (a Custom base URL) keeps working on a local address', async () => {
		const workflow = new TriggerWorkflow({
			parameters: { events: ['call.booked'] },
			credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl, environment: 'custom' },
			n8nBaseUrl: 'http://localhost:5678',
		});
		await workflow.activate();
		expect(fake.state.webhooks.map((w) => w.url)).toEqual([workflow.webhookUrl()]);
	});

	it('Manual registration is not refused (no API calls): its steps warn instead', async () => {
		const workflow = new TriggerWorkflow({
			parameters: { events: ['call.booked'], registration: 'manual' },
			credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl, environment: 'production' },
			n8nBaseUrl: 'http://localhost:5678',
		});
		const logs = captureLogs();
		try {
			await workflow.activate();
			expect(logs.text()).toContain('iClosed cannot deliver to http://localhost:5678/webhook/');
		} finally {
			logs.restore();
		}
	});
});
