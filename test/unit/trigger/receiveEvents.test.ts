import type { HookNaming } from '../../fake-iclosed';
import { buildEventPayload } from '../../fake-iclosed';
import type { ReceivingWorld } from './support/receiving';
import { ALL_EVENTS, startReceivingWorld } from './support/receiving';

// Deliveries from the fake iClosed, over real HTTP, into webhook() in n8n-core's WebhookContext.
describe('iClosed Trigger receiving events', () => {
	let world: ReceivingWorld;

	beforeAll(async () => {
		world = await startReceivingWorld();
	});
	afterAll(async () => {
		await world.close();
	});
	beforeEach(() => {
		world.receiver.received.length = 0;
	});
	afterEach(() => {
		// Whatever arrived, webhook() must never have thrown.
		expect(world.receiver.received.filter((r) => r.status >= 500)).toEqual([]);
	});

	const namings: HookNaming[] = ['docs', 'receivers', 'legacy', 'legacyPage', 'dotted'];
	const cases = ALL_EVENTS.flatMap((event) => namings.map((naming) => [event, naming] as const));

	it.each(cases)('starts one execution for %s named the %s way', async (event, naming) => {
		const workflow = world.trigger({ events: [event] });
		const [result] = await world.fake.deliver(event, { naming, url: workflow.webhookUrl() });

		expect(result.status).toBe(200);
		// The node answers itself: left to n8n 2.x, the body would be the literal text "firstEntryJson".
		expect(JSON.parse(result.body)).toEqual({ message: 'Workflow was started' });
		const executions = world.receiver.executions();
		expect(executions).toHaveLength(1);
		expect(executions[0].map((item) => item.json.event)).toEqual([event]);
		expect(typeof executions[0][0].json.receivedAt).toBe('string');
	});

	it.each(['array', 'object'] as const)('reads a body that is a JSON %s', async (format) => {
		const workflow = world.trigger({ events: ['call.booked'] });
		const [result] = await world.fake.deliver('call.booked', { format, url: workflow.webhookUrl() });
		expect(result.sentBody.startsWith(format === 'array' ? '[' : '{')).toBe(true);
		expect(world.receiver.executions()).toHaveLength(1);
	});

	it('emits one item per event when one delivery carries several', async () => {
		const workflow = world.trigger({ events: ['call.booked', 'contact.updated', 'call.outcome_added'] });
		const payload = [
			buildEventPayload(world.fake.state, 'call.booked'),
			buildEventPayload(world.fake.state, 'contact.updated'),
			buildEventPayload(world.fake.state, 'call.outcome_added'),
		];
		await world.fake.deliver('call.booked', { payload, url: workflow.webhookUrl() });

		const [items] = world.receiver.executions();
		expect(items.map((item) => item.json.event)).toEqual(['call.booked', 'contact.updated', 'call.outcome_added']);
	});

	it('acknowledges an event that was not selected and starts nothing', async () => {
		const workflow = world.trigger({ events: ['call.booked'] });
		const [result] = await world.fake.deliver('call.cancelled', { url: workflow.webhookUrl() });
		expect(result.status).toBe(200);
		expect(world.receiver.executions()).toHaveLength(0);
	});

	it('keeps only the selected events of a mixed delivery', async () => {
		const workflow = world.trigger({ events: ['contact.created'] });
		const payload = [buildEventPayload(world.fake.state, 'call.booked'), buildEventPayload(world.fake.state, 'contact.created')];
		await world.fake.deliver('call.booked', { payload, url: workflow.webhookUrl() });
		expect(world.receiver.executions().map((items) => items.map((i) => i.json.event))).toEqual([['contact.created']]);
	});

	it('acknowledges events with unknown or missing names', async () => {
		const workflow = world.trigger({ events: ['call.booked'] });
		await world.fake.deliver('call.booked', { payload: [{ hookType: 'Invoice paid' }, { id: 1 }, 'text', null, 5], url: workflow.webhookUrl() });
		expect(world.receiver.received.map((r) => r.status)).toEqual([200]);
		expect(world.receiver.executions()).toHaveLength(0);
	});

	it('passes the payload through untouched when Simplify is off', async () => {
		const workflow = world.trigger({ events: ['call.booked'], simplify: false });
		const [result] = await world.fake.deliver('call.booked', { url: workflow.webhookUrl() });
		const [items] = world.receiver.executions();
		expect(items.map((item) => item.json)).toEqual(JSON.parse(result.sentBody));
	});

	it('maps an outcome named "Outcome added" to whichever outcome event is selected', async () => {
		const workflow = world.trigger({ events: ['outcome.recorded'] });
		await world.fake.deliver('call.outcome_added', { url: workflow.webhookUrl() });
		expect(world.receiver.executions()[0][0].json.event).toBe('outcome.recorded');
	});

	describe('filters', () => {
		it('keeps only calls of the chosen call type', async () => {
			const workflow = world.trigger({ events: ['call.booked'], filters: { callTypes: ['DISCOVERY_EVENT'] } });
			const strategy = buildEventPayload(world.fake.state, 'call.booked');
			const discovery = JSON.parse(JSON.stringify(strategy)) as { event_type: { type: string }; event: { uuid: string } };
			(strategy.event_type as { type: string }).type = 'STRATEGY_EVENT';
			discovery.event_type.type = 'DISCOVERY_EVENT';
			discovery.event.uuid = '999999';
			await world.fake.deliver('call.booked', { payload: [strategy, discovery], url: workflow.webhookUrl() });

			const [items] = world.receiver.executions();
			expect(items.map((i) => (i.json.call as { id: number }).id)).toEqual([999999]);
		});

		it('keeps only events about the chosen booking pages', async () => {
			const payload = buildEventPayload(world.fake.state, 'call.booked') as { event_type: { uuid: string } };
			const other = world.trigger({ events: ['call.booked'], filters: { bookingPages: ['123456'] } });
			await world.fake.deliver('call.booked', { payload, url: other.webhookUrl() });
			expect(world.receiver.executions()).toHaveLength(0);

			const same = world.trigger({ events: ['call.booked'], filters: { bookingPages: [payload.event_type.uuid] } });
			await world.fake.deliver('call.booked', { payload, url: same.webhookUrl() });
			expect(world.receiver.executions()).toHaveLength(1);
		});

		it('keeps only the chosen outcomes, reading SALE as Won', async () => {
			const sale = { ...buildEventPayload(world.fake.state, 'call.outcome_added'), callOutcome: 'SALE' };
			const noSale = { ...sale, uuid: 4242, callOutcome: 'NO_SALE' };
			const workflow = world.trigger({ events: ['call.outcome_added'], filters: { outcomes: ['WON'] } });
			await world.fake.deliver('call.outcome_added', { payload: [sale, noSale], url: workflow.webhookUrl() });

			const [items] = world.receiver.executions();
			expect(items.map((i) => (i.json.outcome as { result: string }).result)).toEqual(['SALE']);
		});
	});
});
