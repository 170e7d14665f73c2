import type { IDataObject } from 'n8n-workflow';

import { buildContactPayload } from '../../fake-iclosed';
import type { ReceivingWorld } from './support/receiving';
import { startReceivingWorld } from './support/receiving';

/**
 * iClosed's help centre: "Contact created … will fire immediately every time per lead journey on the
 * form" (Potential 1, Potential 2, Qualified, Disqualified). One lead, four deliveries.
 */
describe('Contact created, once per form step', () => {
	let world: ReceivingWorld;
	beforeAll(async () => {
		world = await startReceivingWorld();
	});
	afterAll(async () => await world.close());
	beforeEach(() => {
		world.receiver.received.length = 0;
	});

	/** One lead's journey through the booking form, as four Contact created deliveries. */
	async function journey(url: string): Promise<void> {
		const contact = world.fake.state.addContact({ email: 'journey@example.com', firstName: null, lastName: null, status: 'POTENTIAL' });
		const steps: Array<Partial<typeof contact>> = [
			{ status: 'POTENTIAL' },
			{ status: 'POTENTIAL', firstName: 'Jo', lastName: 'Urney', secondary_email: 'jo@example.org' },
			{ status: 'QUALIFIED' },
			{ status: 'DISQUALIFIED' },
		];
		for (const step of steps) {
			Object.assign(contact, step);
			const payload = buildContactPayload(world.fake.state, contact, 'created', 'Contact created');
			const [result] = await world.fake.deliver('contact.created', { url, payload });
			expect(result.status).toBe(200);
		}
	}

	it('starts one execution per step, each item saying its step in contact.status', async () => {
		const workflow = world.trigger({ events: ['contact.created'] });
		await journey(workflow.webhookUrl());
		const statuses = world.receiver.executions().map((items) => (items[0].json.contact as IDataObject).status);
		expect(statuses).toEqual(['POTENTIAL', 'POTENTIAL', 'QUALIFIED', 'DISQUALIFIED']);
	});

	it('Filters → Contact Statuses keeps one step: Qualified gives one execution per lead who may book', async () => {
		const workflow = world.trigger({ events: ['contact.created'], filters: { contactStatuses: ['QUALIFIED'] } });
		await journey(workflow.webhookUrl());
		const executions = world.receiver.executions();
		expect(executions).toHaveLength(1);
		expect(executions[0][0].json).toMatchObject({ event: 'contact.created', contact: { email: 'journey@example.com', status: 'QUALIFIED' } });
	});
});
