import type { INodeProperties } from 'n8n-workflow';

import { IClosedTrigger } from '../../../nodes/IClosedTrigger/IClosedTrigger.node';
import { WEBHOOK_PLANS } from '../../../nodes/shared/plans';

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

	it('says with Contact Created that it fires once per form step, where the step is, and how to keep one', () => {
		const options = (property('events').options ?? []) as Array<{ value: string; description?: string }>;
		const created = options.find((o) => o.value === 'contact.created');
		expect(created?.description).toMatch(/once per form step/);
		expect(created?.description).toContain('contact.status');
		expect(created?.description).toContain('Filters → Contact Statuses');
		const filters = (property('filters').options ?? []) as INodeProperties[];
		expect(filters.find((f) => f.name === 'contactStatuses')?.options).toEqual([
			{ name: 'Disqualified', value: 'DISQUALIFIED' },
			{ name: 'Potential', value: 'POTENTIAL' },
			{ name: 'Qualified', value: 'QUALIFIED' },
		]);
	});

	it('offers the API credential in both registration modes, optional (Manual uses it only for a signing secret and the booking page list)', () => {
		expect(description.credentials).toEqual([{ name: 'iClosedApi', required: false, testedBy: 'iClosedApiTest' }]);
	});

	it('says what iClosed needs in a notice shown in both modes', () => {
		const notice = property('requirementsNotice');
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions).toBeUndefined();
		for (const words of ['public HTTPS', 'redirect', WEBHOOK_PLANS, 'Super Admin', 'only one webhook URL', 'iClosed Polling Trigger']) {
			expect(notice.displayName).toContain(words);
		}
	});

	it('simplifies by default and keeps the signing secret hidden, the parameter marked deprecated', () => {
		expect(property('simplify').default).toBe(true);
		const secret = (property('options').options as INodeProperties[]).find((o) => o.name === 'signingSecret');
		expect(secret?.typeOptions?.password).toBe(true);
		expect(secret?.description).toMatch(/^Deprecated: .*credential/);
	});

	it('verifies when signed by default, and says no one has seen iClosed sign and the URL is the protection', () => {
		const policy = (property('options').options as INodeProperties[]).find((o) => o.name === 'signaturePolicy');
		expect(policy?.default).toBe('whenSigned');
		expect(policy?.description).toContain('No one has seen iClosed sign');
		expect(policy?.description).toContain('keep that URL secret');
	});
});
