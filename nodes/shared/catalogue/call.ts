import {
	CALL_TYPES,
	NO_SALE_REASONS,
	ORDER_TOGETHER,
	TIME_ZONE_FIELD,
	callLocator,
	contactLocator,
	eventLocator,
	orderFields,
	userLocator,
} from './common';
import type { FieldDeclaration, ResourceDeclaration } from './types';
import { RESCHEDULE_RECORD_PATHS } from './uncertain';

/** Calls (`eventCalls`, §2.2): booked meetings between a contact and a host. */

/** Paths several operations of this resource use (each with its own method). */
const EVENT_CALLS = '/v1/eventCalls';

const CALL = callLocator('The call');

const startTime: FieldDeclaration = {
	name: 'dateTime',
	displayName: 'Start Time',
	kind: 'dateTime',
	required: true,
	description: 'When the call starts: an ISO date-time, n8n date or Unix timestamp; sent to iClosed as UTC',
};

const inviteeTimeZone: FieldDeclaration = {
	...TIME_ZONE_FIELD,
	required: true,
	displayName: 'Invitee Time Zone',
	description: 'The invitee’s IANA time zone, used in their confirmation',
};

export const GUESTS_FIELD: FieldDeclaration = {
	name: 'additionalGuests',
	displayName: 'Additional Guests',
	kind: 'objectList',
	description: 'More people to invite',
	fields: [
		{ name: 'email', displayName: 'Email', kind: 'email', required: true, description: 'The guest’s email address' },
		{ name: 'name', displayName: 'Name', kind: 'string', description: 'The guest’s name' },
	],
};

export const SECONDARY_ANSWERS_FIELD: FieldDeclaration = {
	name: 'secondaryQuestionsAnswer',
	displayName: 'Question Answers',
	kind: 'objectList',
	description: 'Answers to the event’s custom-field questions, by field ID or identifier',
	fields: [
		{ name: 'customFieldId', displayName: 'Custom Field ID', kind: 'integer', description: 'Numeric ID from Custom Field → Get Many (or use Identifier)' },
		{ name: 'identifier', displayName: 'Identifier', kind: 'string', description: 'The field’s identifier, e.g. monthly_revenue (or use Custom Field ID)' },
		{ name: 'answer', displayName: 'Answers', kind: 'stringArray', description: 'One or more answers (one per option for multi-select fields)' },
	],
};

export const ROUTING_FIELDS: FieldDeclaration[] = [
	{
		name: 'conditionalUsers',
		displayName: 'Conditional User IDs',
		kind: 'idList',
		csvInBody: true,
		placeholder: 'e.g. 3, 7',
		description: 'Only these hosts (numeric user IDs, comma-separated), e.g. from Custom Field → Set Invitee Answers',
	},
	{ name: 'routingGroupIds', displayName: 'Routing Group IDs', kind: 'string', placeholder: 'e.g. 5,6', description: 'Routing groups to route the booking through, comma-separated' },
];

const CALL_FILTERS: FieldDeclaration[] = [
	{ name: 'ids', displayName: 'Call IDs', kind: 'idList', placeholder: 'e.g. 101, 102', description: 'Only these numeric call IDs' },
	contactLocator('Only calls of this contact', { required: false }),
	{
		name: 'eventType',
		displayName: 'Timing',
		kind: 'options',
		options: [
			{ name: 'All', value: 'ALL' },
			{ name: 'Past', value: 'PAST' },
			{ name: 'Upcoming', value: 'UPCOMING' },
		],
		default: 'UPCOMING',
		description: 'Past, upcoming or all calls',
	},
	{ name: 'search', displayName: 'Search', kind: 'string', description: 'Invitee name, email or phone' },
	{ name: 'dateFrom', displayName: 'Starts After', kind: 'dateTime', description: 'Only calls starting at or after this time' },
	{ name: 'dateTo', displayName: 'Starts Before', kind: 'dateTime', description: 'Only calls starting at or before this time' },
	{ name: 'createdAtStart', displayName: 'Created After', kind: 'dateTime', description: 'Only calls booked at or after this time' },
	{ name: 'createdAtEnd', displayName: 'Created Before', kind: 'dateTime', description: 'Only calls booked at or before this time' },
	{ name: 'location', displayName: 'Locations', kind: 'csv', placeholder: 'e.g. PHONE_CALL, GOOGLE_MEET', description: 'Only calls at these locations, comma-separated' },
	...orderFields(['createdAt', 'dateTime', 'id', 'updatedAt']),
	{ name: 'userIds', displayName: 'Host User IDs', kind: 'idList', placeholder: 'e.g. 3, 7', description: 'Only calls hosted by these numeric user IDs' },
	{ name: 'eventIds', displayName: 'Event IDs', kind: 'idList', placeholder: 'e.g. 12, 15', description: 'Only calls of these numeric event IDs' },
	{
		name: 'types',
		displayName: 'Statuses',
		kind: 'multiOptions',
		options: [
			{ name: 'Cancelled', value: 'cancelled_events' },
			{ name: 'Rescheduled', value: 'rescheduled_events' },
			{ name: 'Scheduled', value: 'scheduled_events' },
		],
		description: 'Only calls in these states',
	},
	{ name: 'inviteeEmails', displayName: 'Invitee Emails', kind: 'csv', placeholder: 'e.g. ada@example.com, alan@example.com', description: 'Only calls with these invitees, comma-separated' },
	{
		name: 'outcomes',
		displayName: 'Outcomes',
		kind: 'multiOptions',
		options: [
			{ name: 'Approved', value: 'APPROVED' },
			{ name: 'No Sale', value: 'NO_SALE' },
			{ name: 'Pending', value: 'PENDING' },
			{ name: 'Pending Outcome', value: 'PENDING_OUTCOME' },
			{ name: 'Qualified', value: 'QUALIFIED' },
			{ name: 'Rejected', value: 'REJECTED' },
			{ name: 'Unqualified', value: 'UNQUALIFIED' },
			{ name: 'Won', value: 'WON' },
		],
		description: 'Only calls with these outcomes',
	},
	{ name: 'noSaleReason', displayName: 'No-Sale Reasons', kind: 'multiOptions', options: NO_SALE_REASONS, description: 'Only calls lost for these reasons' },
	{ name: 'utmKeys', displayName: 'UTM Keys', kind: 'csv', placeholder: 'e.g. utm_source', description: 'Only calls tracked with these UTM keys' },
	{ name: 'utmValues', displayName: 'UTM Values', kind: 'csv', placeholder: 'e.g. google', description: 'Only calls tracked with these UTM values' },
	{ name: 'callTypes', displayName: 'Call Types', kind: 'multiOptions', options: CALL_TYPES, description: 'Only strategy or discovery calls' },
	{ name: 'setterIds', displayName: 'Setter User IDs', kind: 'idList', placeholder: 'e.g. 4', description: 'Only calls set by these numeric user IDs' },
	{ name: 'previewId', displayName: 'Contact Preview ID', kind: 'string', placeholder: 'e.g. contact_AbC123', description: 'Only calls of the contact with this preview ID (works in iClosed, not in its published spec)' },
];

export const callResource: ResourceDeclaration = {
	value: 'call',
	name: 'Call',
	operations: [
		{
			resource: 'call',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many calls',
			description: 'List or search booked calls. Each has a numeric call ID (for Reschedule, Cancel, Set Outcome), contactId and dateTimeUTC.',
			method: 'GET',
			path: EVENT_CALLS,
			list: { listKey: 'eventCalls', maxPageSize: 100 },
			together: ORDER_TOGETHER,
			fields: CALL_FILTERS,
		},
		{
			resource: 'call',
			value: 'book',
			name: 'Book',
			action: 'Book a call',
			description:
				'Book a call on an event (numeric event ID or link prefix) for an existing contact ID or an email/phone. Start time in UTC, e.g. a start from Event → Get Available Slots. Never retried automatically.',
			method: 'POST',
			path: EVENT_CALLS,
			output: { kind: 'record', paths: [['data', 'eventCall', 'data'], ['data', 'eventCall'], ['data']] },
			atLeastOne: [['contactId', 'email', 'phoneNumber']],
			fields: [
				eventLocator('The event to book', 'either', { eventApiNames: { id: 'eventId', linkPrefix: 'linkPrefix' } }),
				startTime,
				inviteeTimeZone,
				contactLocator('An existing contact to book for (or give the invitee’s email or phone)', { required: false }),
				{ name: 'email', displayName: 'Email', kind: 'email', description: 'The invitee’s email (needed without a contact)' },
				{ name: 'phoneNumber', displayName: 'Phone Number', kind: 'phone', placeholder: 'e.g. +14155550123', description: 'The invitee’s phone (needed without a contact or email)' },
				{ name: 'firstName', displayName: 'First Name', kind: 'string', description: 'The invitee’s first name' },
				{ name: 'lastName', displayName: 'Last Name', kind: 'string', description: 'The invitee’s last name' },
				SECONDARY_ANSWERS_FIELD,
				...ROUTING_FIELDS,
				{ name: 'useSecondaryQuestionsForConditionalRouting', displayName: 'Route by Question Answers', kind: 'boolean', description: 'Whether iClosed should pick the host from the question answers' },
				GUESTS_FIELD,
				{ name: 'notes', displayName: 'Notes', kind: 'text', description: 'Notes for the host (accepted by some iClosed versions)' },
				{
					name: 'tracking',
					displayName: 'Tracking (JSON)',
					kind: 'json',
					description: 'UTM parameters as an object, e.g. {"utm_source": "google"}; one integration sends this, iClosed’s spec does not list it',
				},
			],
		},
		{
			resource: 'call',
			value: 'reschedule',
			name: 'Reschedule',
			action: 'Reschedule a call',
			description: 'Move a call (numeric call ID) to a new UTC start time, optionally with another host (numeric user ID)',
			method: 'PUT',
			path: '/v1/eventCalls/reschedule',
			output: { kind: 'record', paths: RESCHEDULE_RECORD_PATHS },
			fields: [
				CALL,
				startTime,
				inviteeTimeZone,
				{ name: 'rescheduleReason', displayName: 'Reason', kind: 'string', description: 'Why the call moves' },
				{ name: 'notes', displayName: 'Notes', kind: 'text', description: 'Notes for the host' },
				userLocator('Hand the call to this host', { required: false, displayName: 'New Host' }),
				GUESTS_FIELD,
			],
		},
		{
			resource: 'call',
			value: 'cancel',
			name: 'Cancel',
			action: 'Cancel a call',
			description: 'Cancel a call by numeric call ID, with an optional reason',
			method: 'PUT',
			path: '/v1/eventCalls/cancel',
			output: { kind: 'record', paths: [['data', 'eventCall']] },
			fields: [CALL, { name: 'cancelReason', displayName: 'Reason', kind: 'string', description: 'Why the call is cancelled' }],
		},
		{
			resource: 'call',
			value: 'markSlotFree',
			name: 'Mark Slot Free',
			action: 'Mark a call slot free or busy',
			description: 'Mark the host’s calendar slot of a call (numeric call ID) as free or busy',
			method: 'PUT',
			path: '/v1/eventCalls/markSlotFree',
			output: { kind: 'record', paths: [['data']] },
			fields: [
				CALL,
				{ name: 'isSlotFree', displayName: 'Slot Free', kind: 'boolean', required: true, default: true, description: 'Whether the slot is free (on) or busy (off)' },
			],
		},
	],
};
