import type { IDataObject } from 'n8n-workflow';

import { passesFilters, readFilters } from '../../../nodes/IClosedTrigger/filters';
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
		expect(readFilters({ bookingPages: ' 1, team/intro ,', callTypes: 'strategy_event', outcomes: ['won'] })).toEqual({
			bookingPages: ['1', 'team/intro'],
			callTypes: ['STRATEGY_EVENT'],
			outcomes: ['WON'],
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
});
