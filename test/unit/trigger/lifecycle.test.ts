import type { FakeIClosed } from '../../fake-iclosed';
import { startFakeIClosed } from '../../fake-iclosed';
import { TriggerWorkflow, captureLogs } from '../../harness/hooks';

// The trigger's activation lifecycle in n8n-core's real HookContext, against the fake iClosed server.
describe('iClosed Trigger lifecycle', () => {
	let fake: FakeIClosed;

	beforeEach(async () => {
		fake = await startFakeIClosed();
	});
	afterEach(async () => {
		await fake.close();
	});

	const trigger = (events: string[], extra: Record<string, unknown> = {}) =>
		new TriggerWorkflow({
			parameters: { events, ...extra },
			credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
		});
	const webhookCalls = () => fake.requests.filter((r) => r.path.startsWith('/v1/webhooks'));
	const posts = () => webhookCalls().filter((r) => r.method === 'POST');
	const registered = (url: string) =>
		fake.state.webhooks
			.filter((w) => w.url === url)
			.map((w) => w.events.join(','))
			.sort();

	it('registers one subscription per selected event, with the URL and the dotted name', async () => {
		const workflow = trigger(['call.booked', 'call.cancelled', 'contact.created']);
		await workflow.activate();

		const url = workflow.webhookUrl();
		expect(posts().map((r) => r.body)).toEqual([
			{ url, events: ['call.booked'] },
			{ url, events: ['call.cancelled'] },
			{ url, events: ['contact.created'] },
		]);
		expect(registered(url)).toEqual(['call.booked', 'call.cancelled', 'contact.created']);
		const stored = workflow.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
		expect(stored.map((s) => [s.event, s.id])).toEqual(
			fake.state.webhooks.map((w) => [w.events[0], String(w.id)]),
		);
		expect(posts().every((r) => r.headers.authorization === `Bearer ${fake.apiKey}`)).toBe(true);
	});

	it('keeps the signing secret iClosed returns with each subscription', async () => {
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		const [stored] = workflow.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
		expect(stored.secret).toBe(fake.state.webhooks[0].secret);
	});

	it('adds nothing when activated again: checkExists finds every event registered', async () => {
		const workflow = trigger(['call.booked', 'call.rescheduled']);
		await workflow.activate();
		fake.clearRequests();

		await workflow.activate();
		expect(posts()).toHaveLength(0);
		expect(fake.state.webhooks).toHaveLength(2);
	});

	it('adopts the subscriptions of an earlier activation after a restart that lost the static data', async () => {
		const first = trigger(['call.booked', 'contact.updated']);
		await first.activate();
		const ids = fake.state.webhooks.map((w) => String(w.id)).sort();
		fake.clearRequests();

		const restarted = first.restart({ staticData: {} });
		await restarted.activate();

		expect(posts()).toHaveLength(0);
		expect(fake.state.webhooks).toHaveLength(2);
		const stored = restarted.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
		expect(stored.map((s) => s.id).sort()).toEqual(ids);
		expect(stored.every((s) => typeof s.secret === 'string')).toBe(true);
	});

	it('after a restart with its static data, checks iClosed again and registers nothing new', async () => {
		const first = trigger(['call.booked']);
		await first.activate();
		fake.clearRequests();

		await first.restart().activate();
		expect(webhookCalls().map((r) => r.method)).toEqual(['GET']);
	});

	it('completes a partial registration without duplicating the part that exists', async () => {
		const workflow = trigger(['call.booked', 'call.cancelled']);
		await workflow.activate();
		fake.state.webhooks = fake.state.webhooks.filter((w) => !w.events.includes('call.cancelled'));
		fake.clearRequests();

		await workflow.activate();
		expect(posts().map((r) => (r.body as { events: string[] }).events)).toEqual([['call.cancelled']]);
		expect(registered(workflow.webhookUrl())).toEqual(['call.booked', 'call.cancelled']);
	});

	it('removes a duplicate subscription to its own URL instead of keeping both', async () => {
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		const url = workflow.webhookUrl();
		fake.state.webhooks.push({ ...fake.state.webhooks[0], id: 999 });

		await workflow.activate();
		expect(registered(url)).toEqual(['call.booked']);
		expect(fake.state.webhooks.map((w) => w.id)).not.toContain(999);
	});

	it('replaces a subscription to its URL that iClosed shows as inactive', async () => {
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		fake.state.webhooks[0].isActive = false;
		const inactiveId = fake.state.webhooks[0].id;

		await workflow.activate();
		expect(fake.state.webhooks.map((w) => [w.events, w.isActive])).toEqual([[['call.booked'], true]]);
		expect(fake.state.webhooks[0].id).not.toBe(inactiveId);
	});

	it('never touches subscriptions to other URLs', async () => {
		const other = { id: 500, url: 'https://other.example.com/webhook/abc', events: ['call.booked'], secret: 's', isActive: true, createdAt: '' };
		fake.state.webhooks.push({ ...other });
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		await workflow.deactivate();

		expect(fake.state.webhooks).toEqual([other]);
		expect(webhookCalls().filter((r) => r.method === 'DELETE' && r.path.endsWith('/500'))).toHaveLength(0);
	});

	it('ends with exactly the new set when the events change between activations', async () => {
		const before = trigger(['call.booked', 'call.cancelled']);
		await before.activate();
		await before.deactivate();

		const after = before.restart({ parameters: { events: ['call.cancelled', 'contact.created'] } });
		await after.activate();
		expect(registered(after.webhookUrl())).toEqual(['call.cancelled', 'contact.created']);
	});

	it('drops subscriptions for deselected events even when deactivation never ran', async () => {
		const before = trigger(['call.booked', 'call.cancelled']);
		await before.activate();

		const after = before.restart({ parameters: { events: ['contact.created'] } });
		await after.activate();
		expect(registered(after.webhookUrl())).toEqual(['contact.created']);
		const stored = after.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
		expect(stored.map((s) => s.event)).toEqual(['contact.created']);
	});

	it('deletes every stored subscription on deactivation and clears its static data', async () => {
		const workflow = trigger(['call.booked', 'call.cancelled', 'contact.created']);
		await workflow.activate();
		const ids = fake.state.webhooks.map((w) => `/v1/webhooks/${w.id}`).sort();

		await expect(workflow.deactivate()).resolves.toBe(true);
		expect(fake.state.webhooks).toHaveLength(0);
		expect(webhookCalls().filter((r) => r.method === 'DELETE').map((r) => r.path).sort()).toEqual(ids);
		expect(workflow.nodeStaticData().subscriptions).toBeUndefined();
	});

	it('removes what iClosed lists for its URL on deactivation even when static data lost the ids', async () => {
		const other = { id: 500, url: 'https://other.example.com/webhook/abc', events: ['call.booked'], secret: 's', isActive: true, createdAt: '' };
		fake.state.webhooks.push({ ...other });
		const workflow = trigger(['call.booked', 'call.cancelled']);
		await workflow.activate();
		// Static data overwritten in between (n8n saves it whole, last writer wins): only one id survives.
		const [kept] = workflow.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
		const overwritten = workflow.restart({ staticData: { 'node:iClosed Trigger': { subscriptions: [kept] } } });

		await expect(overwritten.deactivate()).resolves.toBe(true);
		expect(fake.state.webhooks).toEqual([other]);
		expect(overwritten.nodeStaticData().subscriptions).toBeUndefined();
	});

	it('removes what iClosed lists for its URL on deactivation when static data is empty', async () => {
		const workflow = trigger(['call.booked', 'contact.created']);
		await workflow.activate();
		const emptied = workflow.restart({ staticData: {} });

		await expect(emptied.deactivate()).resolves.toBe(true);
		expect(registered(workflow.webhookUrl())).toEqual([]);
	});

	it('still removes the stored subscriptions when iClosed cannot list them, and says so', async () => {
		const workflow = trigger(['call.booked', 'call.cancelled']);
		await workflow.activate();
		fake.injectFault('GET /v1/webhooks', { kind: 'status', status: 500 });
		const logs = captureLogs();

		await expect(workflow.deactivate()).resolves.toBe(true);
		logs.restore();
		expect(fake.state.webhooks).toHaveLength(0);
		expect(logs.lines.filter((l) => l.level === 'warn').map((l) => l.message).join('\n')).toContain('could not list webhooks');
	});

	it('counts a 404 on delete as already gone', async () => {
		const workflow = trigger(['call.booked', 'call.cancelled']);
		await workflow.activate();
		fake.state.webhooks = fake.state.webhooks.slice(1);
		const logs = captureLogs();

		await expect(workflow.deactivate()).resolves.toBe(true);
		logs.restore();
		expect(fake.state.webhooks).toHaveLength(0);
		expect(logs.lines.filter((l) => l.level === 'error')).toEqual([]);
		expect(workflow.nodeStaticData().subscriptions).toBeUndefined();
	});

	it('reports a failed delete through the logger with the id to remove by hand, and still removes the rest', async () => {
		const workflow = trigger(['call.booked', 'call.cancelled']);
		await workflow.activate();
		const [stuck, other] = fake.state.webhooks;
		fake.injectFault(`DELETE /v1/webhooks/${stuck.id}`, { kind: 'status', status: 403, body: { message: 'Forbidden' } });
		const logs = captureLogs();

		const result = await workflow.deactivate();
		logs.restore();
		expect(result).toBe(false);
		expect(fake.state.webhooks.map((w) => w.id)).toEqual([stuck.id]);
		expect(fake.state.webhooks).not.toContainEqual(expect.objectContaining({ id: other.id }));
		const errors = logs.lines.filter((l) => l.level === 'error').map((l) => l.message);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain(`subscription ${stuck.id} (call.booked)`);
		expect(errors[0]).toContain('Settings → Developer → Webhooks');
		expect(logs.text()).not.toContain(stuck.secret);
		expect(logs.text()).not.toContain(fake.apiKey);
		expect(workflow.nodeStaticData().subscriptions).toBeUndefined();
	});

	it('rolls back when the second of three registrations is refused, and names the refused event', async () => {
		fake.setVariants({ rejectEvents: ['deal.created'] });
		const workflow = trigger(['call.booked', 'deal.created', 'contact.created']);

		const error = await workflow.activate().then(() => undefined, (e: Error & { description?: string }) => e);
		expect(error?.message).toMatch(/refused to register the "Deal Created" event \(deal\.created\)/);
		expect(error?.message).toContain('Invalid event type: deal.created');
		// n8n's activation dialog shows only the message of a NodeOperationError.
		expect(error?.message).toContain('Nothing was left registered: the 1 subscription(s) already made for this URL were removed again');
		expect(fake.state.webhooks).toHaveLength(0);
		expect(posts()).toHaveLength(2);
		expect(workflow.nodeStaticData().subscriptions).toBeUndefined();
	});

	it('rolls back adopted subscriptions too when a registration fails', async () => {
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		fake.injectFault('POST /v1/webhooks', { kind: 'status', status: 500, times: 1 });

		const changed = workflow.restart({ parameters: { events: ['call.booked', 'call.cancelled'] } });
		await expect(changed.activate()).rejects.toThrow(/Call Cancelled/);
		expect(fake.state.webhooks).toHaveLength(0);
	});

	it('removes a registration whose answer was lost on the way back', async () => {
		fake.injectFault('POST /v1/webhooks', { kind: 'resetAfterCommit', times: 1 });
		const workflow = trigger(['call.booked', 'call.cancelled']);

		await expect(workflow.activate()).rejects.toThrow(/Call Booked/);
		expect(fake.state.webhooks).toHaveLength(0);
	});

	it.each([
		['notFound', '404'],
		['forbidden', '403'],
	] as const)(
		'fails activation with the production URL and the manual steps when the webhooks API is %s',
		async (variant, status) => {
			fake.setVariants({ webhooksApi: variant });
			const workflow = trigger(['call.booked', 'contact.updated']);

			const error = await workflow.activate({ isTest: true }).then(() => undefined, (e: Error & { description?: string }) => e);
			// n8n's activation dialog shows only the message of a NodeOperationError: everything must be in it.
			expect(error?.message).toContain(`HTTP ${status} on /v1/webhooks`);
			expect(error?.message).toContain(workflow.webhookUrl(false));
			expect(error?.message).toContain('Settings → Developer → Webhooks');
			expect(error?.message).toContain('Super Admin');
			expect(error?.message).toContain('iClosed support');
			expect(error?.message).toContain('"Manual"');
			expect(error?.message).toContain('Call Booked, Contact Updated');
			expect(fake.state.webhooks).toHaveLength(0);
		},
	);

	it('makes no iClosed calls at all in Manual registration mode', async () => {
		const workflow = new TriggerWorkflow({ parameters: { events: ['call.booked'], registration: 'manual' } });
		const logs = captureLogs();
		await workflow.activate();
		await workflow.run('create');
		await workflow.deactivate();
		logs.restore();

		expect(fake.requests).toHaveLength(0);
		expect(logs.text()).toContain(workflow.webhookUrl());
	});

	it('keeps the test URL and the production URL apart', async () => {
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		await workflow.activate({ isTest: true });
		const production = workflow.webhookUrl(false);
		const test = workflow.webhookUrl(true);
		expect(test).not.toBe(production);
		expect(registered(production)).toEqual(['call.booked']);
		expect(registered(test)).toEqual(['call.booked']);

		await workflow.deactivate({ isTest: true });
		expect(registered(test)).toEqual([]);
		expect(registered(production)).toEqual(['call.booked']);
		const stored = workflow.nodeStaticData().subscriptions as Array<Record<string, unknown>>;
		expect(stored.map((s) => s.url)).toEqual([production]);
	});

	it('follows the pages of the webhook list to find its subscriptions', async () => {
		for (let i = 0; i < 150; i++) {
			fake.state.webhooks.push({ id: 10_000 + i, url: `https://other.example.com/${i}`, events: ['call.booked'], secret: 'x', isActive: true, createdAt: '' });
		}
		const workflow = trigger(['call.booked']);
		await workflow.activate();
		fake.clearRequests();

		await workflow.restart({ staticData: {} }).activate();
		expect(posts()).toHaveLength(0);
		expect(webhookCalls().map((r) => r.query.page)).toEqual(['0', '1']);
	});
});
