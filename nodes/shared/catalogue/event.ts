import { CALL_TYPES, TIME_ZONE_FIELD, eventLocator, userLocator } from './common';
import { ROUTING_FIELDS } from './call';
import type { ResourceDeclaration } from './types';

/** Events (§2.4): booking pages ("event types") with their hosts, questions and availability. */
export const eventResource: ResourceDeclaration = {
	value: 'event',
	name: 'Event',
	description: 'A booking page',
	operations: [
		{
			resource: 'event',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many events',
			description: 'List booking pages (events). Each has a numeric ID and a link prefix (username/event-name) used by Book and Get Available Slots.',
			method: 'GET',
			path: '/v1/events',
			list: { maxPageSize: 100 },
			fields: [
				{ name: 'search', displayName: 'Search', kind: 'string', description: 'Text matched against name, description and link prefix' },
				userLocator('Only events hosted by this user', { required: false }),
				{ name: 'eventType', displayName: 'Call Type', kind: 'options', options: CALL_TYPES, default: 'STRATEGY_EVENT', description: 'Only strategy or discovery events' },
				{ name: 'latestFirst', displayName: 'Latest First', kind: 'boolean', description: 'Whether to list the newest events first' },
				{
					name: 'sort',
					displayName: 'Sort by Name',
					kind: 'options',
					options: [
						{ name: 'Ascending', value: 'asc' },
						{ name: 'Descending', value: 'desc' },
					],
					description: 'Sort events by name',
				},
				{ name: 'showFeatureStatuses', displayName: 'Show Feature Statuses', kind: 'boolean', description: 'Whether to include which features each event uses' },
			],
		},
		{
			resource: 'event',
			value: 'get',
			name: 'Get',
			action: 'Get an event',
			description: 'Get one booking page with hosts, availability and invitee questions, by numeric event ID or link prefix',
			method: 'GET',
			path: '/v1/events/detail',
			output: { kind: 'record', paths: [['data']] },
			fields: [eventLocator('The event', 'either', { eventApiNames: { id: 'id', linkPrefix: 'linkPrefix' } })],
		},
		{
			resource: 'event',
			value: 'getAvailableSlots',
			name: 'Get Available Slots',
			action: 'Get available slots of an event',
			description:
				'Get the free booking slots of an event (numeric ID or link prefix) in a time zone, for a window of days from a start date',
			method: 'POST',
			path: '/v1/events/eventDates',
			// A special operation (operations/event/getAvailableSlots.ts): one request per window of days,
			// the event looked up once, so it reads the event, zone and first day itself.
			extraProperties: [
				{
					displayName: 'End Date',
					name: 'endDate',
					type: 'dateTime',
					default: '',
					description:
						'Last day to search (included), in the chosen time zone. Empty: seven days after the first day searched (today unless From Date is set). Longer ranges take one request per window of days iClosed answers.',
				},
			],
			fields: [
				eventLocator('The event to find free slots for', 'linkPrefix', { apiName: 'linkPrefix', readByOperation: true }),
				{ ...TIME_ZONE_FIELD, required: true, readByOperation: true, description: 'The IANA time zone the slots are given in' },
				{ name: 'currentDate', displayName: 'From Date', kind: 'date', readByOperation: true, description: 'The first day to look at (default: today)' },
				...ROUTING_FIELDS,
			],
		},
		{
			resource: 'event',
			value: 'setStatus',
			name: 'Set Status',
			action: 'Set the status of an event',
			description: 'Activate or deactivate a booking page (numeric event ID or link prefix)',
			method: 'PUT',
			path: '/v1/events/status',
			fields: [
				eventLocator('The event', 'id', { apiName: 'id' }),
				{
					name: 'status',
					displayName: 'Status',
					kind: 'options',
					required: true,
					default: 'ACTIVATED',
					options: [
						{ name: 'Activated', value: 'ACTIVATED' },
						{ name: 'Deactivated', value: 'DEACTIVATED' },
					],
					description: 'Whether the booking page takes bookings',
				},
			],
		},
		{
			resource: 'event',
			value: 'troubleshootSlots',
			name: 'Troubleshoot Slots',
			action: 'Troubleshoot the slots of an event',
			description: 'Explain, per host and time, why slots of an event are or are not offered on one day',
			method: 'GET',
			path: '/v1/events/troubleshootSlots',
			output: { kind: 'records', paths: [['data', 'slots']] },
			fields: [
				eventLocator('The event', 'linkPrefix', { apiName: 'linkPrefix' }),
				{ name: 'date', displayName: 'Date', kind: 'date', required: true, description: 'The day to check' },
				// §4: this endpoint spells the zone `timezone`.
				{ ...TIME_ZONE_FIELD, apiName: 'timezone', required: true, description: 'The IANA time zone of the day' },
				userLocator('Only this host', { required: false, apiName: 'selectedHost', displayName: 'Host' }),
			],
		},
	],
};
