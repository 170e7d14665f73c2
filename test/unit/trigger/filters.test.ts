import type { IDataObject } from 'n8n-workflow';

import { passesFilters, readFilters } from '../../../nodes/shared/events/filters';
import { simplifyEvent } from '../../../nodes/IClosedTrigger/simplify';
import { callBooked, contactUpdated, outcomeAdded } from './fixtures/vendorSamples';

describe('event filters', () => {
	const call = simplifyEvent('call.booked', callBooked[0], 'now');
	const contact = simplifyEvent('contact.updated', contactUpdated[0], 'now');
	const outcome = simplifyEvent('call.outcome_added', outcomeAdded[0], 'now');
	const passes = (item: IDataObject, raw: IDataObject) => passesFilters(item, readFilters(raw));

	it('lets everything through when no filter is set', () => {
		expect([call, contact, outcome].every((item) => passes(item, {}))).toBe(true);
	});

	it('reads comma-separated lists typed as expressions', () => {
		expect(readFilters({ bookingPages: ' 1, team/intro ,', callTypes: 'strategy_event', outcomes: ['won'], contactStatuses: 'qualified, Potential 1' })).toEqual({
			bookingPages: ['1', 'team/intro'],
			callTypes: ['STRATEGY_EVENT'],
			outcomes: ['WON'],
			contactStatuses: ['QUALIFIED', 'POTENTIAL_1'],
		});
	});

	it('matches a booking page by id, slug, link prefix or name', () => {
		expect(passes(call, { bookingPages: ['123'] })).toBe(true);
		expect(passes(call, { bookingPages: ['event-name'] })).toBe(true);
		expect(passes(contact, { bookingPages: ['example/event-name'] })).toBe(true);
		expect(passes(contact, { bookingPages: ['event-name'] })).toBe(true);
		expect(passes(outcome, { bookingPages: ['Strategy Call'] })).toBe(true);
		expect(passes(outcome, { bookingPages: ['790'] })).toBe(false);
		expect(passes(call, { bookingPages: ['other-page'] })).toBe(false);
	});

	it('applies the call type to calls and contacts, and lets outcomes (which do not carry it) through', () => {
		expect(passes(call, { callTypes: ['DISCOVERY_EVENT'] })).toBe(false);
		expect(passes(contact, { callTypes: ['DISCOVERY_EVENT'] })).toBe(false);
		expect(passes(outcome, { callTypes: ['DISCOVERY_EVENT'] })).toBe(true);
		expect(passes(call, { callTypes: ['STRATEGY_EVENT'] })).toBe(true);
	});

	it('applies the outcome filter to outcomes only', () => {
		expect(passes(outcome, { outcomes: ['WON'] })).toBe(true);
		expect(passes(outcome, { outcomes: ['NO_SALE', 'REJECTED'] })).toBe(false);
		expect(passes(call, { outcomes: ['NO_SALE'] })).toBe(true);
	});

	describe('contact status (the form step a Contact created delivery is sent for)', () => {
		const created = (status: string) => simplifyEvent('contact.created', { ...contactUpdated[0], hookType: 'Contact created', status }, 'now');

		it('keeps only contact events in the chosen statuses', () => {
			expect(passes(created('QUALIFIED'), { contactStatuses: ['QUALIFIED'] })).toBe(true);
			expect(passes(created('POTENTIAL'), { contactStatuses: ['QUALIFIED'] })).toBe(false);
			expect(passes(created('DISQUALIFIED'), { contactStatuses: ['QUALIFIED', 'POTENTIAL'] })).toBe(false);
		});

		it('counts Potential 1 and Potential 2, however spelled, as Potential', () => {
			for (const status of ['POTENTIAL', 'Potential 1', 'potential-2', 'POTENTIAL_2', 'Potential2']) {
				expect({ status, passes: passes(created(status), { contactStatuses: ['POTENTIAL'] }) }).toEqual({ status, passes: true });
			}
			expect(passes(created('POTENTIALLY_LOST'), { contactStatuses: ['POTENTIAL'] })).toBe(false);
		});

		it('lets calls and outcomes through (a contact status filter is about contact events)', () => {
			expect(passes(call, { contactStatuses: ['DISQUALIFIED'] })).toBe(true);
			expect(passes(outcome, { contactStatuses: ['DISQUALIFIED'] })).toBe(true);
		});
	});
});
