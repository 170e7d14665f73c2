import type { INodeProperties } from 'n8n-workflow';

import { IClosedTrigger } from '../../../nodes/IClosedTrigger/IClosedTrigger.node';

describe('iClosed Trigger description', () => {
	const { description } = new IClosedTrigger();
	const property = (name: string) => description.properties.find((p) => p.name === name) as INodeProperties;

	it('is a trigger with no inputs that is not offered as an AI tool', () => {
		expect(description.name).toBe('iClosedTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.group).toEqual(['trigger']);
		expect(description).not.toHaveProperty('usableAsTool');
		expect(description.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST', responseMode: 'onReceived' })]);
	});

	it('offers the six documented events first, then the unconfirmed ones, marked, each group alphabetical', () => {
		const options = (property('events').options ?? []) as Array<{ name: string; value: string }>;
		expect(options.slice(0, 6).map((o) => o.value)).toEqual([
			'call.booked',
			'call.cancelled',
			'call.outcome_added',
			'call.rescheduled',
			'contact.created',
			'contact.updated',
		]);
		expect(options.slice(6).map((o) => o.value)).toEqual([
			'call.completed',
			'contact.status_changed',
			'deal.created',
			'deal.updated',
			'outcome.recorded',
			'transaction.created',
			'transaction.updated',
		]);
		expect(options.slice(6).every((o) => o.name.startsWith('Unconfirmed: '))).toBe(true);
		expect(options.slice(0, 6).some((o) => o.name.includes('Unconfirmed'))).toBe(false);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('links its documentation and shows the selected events in its subtitle', () => {
		expect(description.documentationUrl).toBe('https://github.com/iclosed-community/n8n-nodes-iclosed#trigger');
		expect(description.subtitle).toContain('$parameter["events"]');
	});

	it('registers automatically by default and explains Manual mode in a notice', () => {
		expect(property('registration').default).toBe('automatic');
		const notice = property('manualNotice');
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions).toEqual({ show: { registration: ['manual'] } });
		expect(notice.displayName).toContain('Settings → Developer → Webhooks');
	});

	it('needs the API credential only for automatic registration', () => {
		expect(description.credentials).toEqual([expect.objectContaining({ name: 'iClosedApi', displayOptions: { show: { registration: ['automatic'] } } })]);
	});

	it('simplifies by default and keeps the signing secret hidden', () => {
		expect(property('simplify').default).toBe(true);
		const secret = (property('options').options as INodeProperties[]).find((o) => o.name === 'signingSecret');
		expect(secret?.typeOptions?.password).toBe(true);
	});
});
