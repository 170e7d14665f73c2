import { HOOK_TYPES } from '../../fake-iclosed';
import { eventNameOf, matchSelectedEvent, resolveEventName } from '../../../nodes/IClosedTrigger/eventNames';
import { ALL_EVENTS } from './support/receiving';

describe('event names', () => {
	it.each([
		['Call booked', 'call.booked'],
		['CALL BOOKED', 'call.booked'],
		['newCallScheduled', 'call.booked'],
		['callBooked', 'call.booked'],
		['Call canceled', 'call.cancelled'],
		['Call cancelled', 'call.cancelled'],
		['call_cancelled', 'call.cancelled'],
		['Outcome added', 'call.outcome_added'],
		['Call outcome added', 'call.outcome_added'],
		['callOutcome', 'call.outcome_added'],
		['outcomeAdded', 'call.outcome_added'],
		['newContactCreated', 'contact.created'],
		['contactUpdated', 'contact.updated'],
		['contactDetailChanged', 'contact.updated'],
		['callRescheduled', 'call.rescheduled'],
		['transaction.updated', 'transaction.updated'],
	])('reads %j as %s', (name, event) => {
		expect(resolveEventName(name)?.value).toBe(event);
	});

	it.each([['Invoice paid'], [''], [undefined], [42]])('knows no event called %j', (name) => {
		expect(resolveEventName(name)).toBeUndefined();
	});

	it('understands every spelling the fake server uses', () => {
		for (const [event, names] of Object.entries(HOOK_TYPES)) {
			for (const name of Object.values(names)) {
				const resolved = matchSelectedEvent(name, [event]);
				expect({ name, resolved }).toEqual({ name, resolved: event });
			}
		}
	});

	it('matches only selected events, trying the other outcome name', () => {
		expect(matchSelectedEvent('Call booked', ['call.cancelled'])).toBeUndefined();
		expect(matchSelectedEvent('Outcome added', ['outcome.recorded'])).toBe('outcome.recorded');
		expect(matchSelectedEvent('Outcome added', ['outcome.recorded', 'call.outcome_added'])).toBe('call.outcome_added');
		expect(matchSelectedEvent(undefined, ALL_EVENTS)).toBeUndefined();
	});

	it('finds the name in hookType, or in a string event/type field', () => {
		expect(eventNameOf({ hookType: 'Call booked', event: { uuid: '1' } })).toBe('Call booked');
		expect(eventNameOf({ event: 'deal.created' })).toBe('deal.created');
		expect(eventNameOf({ type: 'Unknown thing', event: 'call.booked' })).toBe('call.booked');
		expect(eventNameOf({ type: 'Unknown thing' })).toBe('Unknown thing');
		expect(eventNameOf({ id: 1 })).toBeUndefined();
	});
});
