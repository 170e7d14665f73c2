import {
	CONTACT_STATUSES,
	ORDER_TOGETHER,
	TIME_ZONE_FIELD,
	contactLocator,
	eventLocator,
	orderFields,
	userLocator,
} from './common';
import type { FieldDeclaration, ResourceDeclaration } from './types';
import { CONTACT_CREATE_EVENT_FIELD } from './uncertain';

/** Contacts (§2.1): the people who book calls. */

/** Paths several operations of this resource use (each with its own method). */
const CONTACTS = '/v1/contacts';
const CONTACT_NOTES = '/v1/contacts/notes';

const CONTACT = contactLocator('The contact');
const CONTACT_RECORD = { kind: 'record' as const, paths: [['data', 'contact'], ['data']] };

const name = (field: 'firstName' | 'lastName'): FieldDeclaration => ({
	name: field,
	displayName: field === 'firstName' ? 'First Name' : 'Last Name',
	kind: 'string',
	description: 'At most 25 characters',
});

const email: FieldDeclaration = { name: 'email', displayName: 'Email', kind: 'email', description: 'The contact’s email address' };
const phone: FieldDeclaration = {
	name: 'phoneNumber',
	displayName: 'Phone Number',
	kind: 'phone',
	placeholder: 'e.g. +14155550123',
	description: 'Digits with an optional leading +, ideally E.164; spaces and dashes are removed',
};
const status: FieldDeclaration = {
	name: 'status',
	displayName: 'Status',
	kind: 'options',
	options: CONTACT_STATUSES,
	default: 'POTENTIAL',
	description: 'The contact’s qualification status',
};
const referrerUrl: FieldDeclaration = { name: 'referrerUrl', displayName: 'Referrer URL', kind: 'url', description: 'Where the contact came from (max 500 characters)' };

/** Contact create's optional fields, shared with Create or Update (the same endpoint). */
export const CONTACT_CREATE_FIELDS: FieldDeclaration[] = [
	name('firstName'),
	name('lastName'),
	phone,
	status,
	{ name: 'tag', displayName: 'Tag', kind: 'string', description: 'A tag to attach (max 100 characters)' },
	{ name: 'joinedTime', displayName: 'Joined Time', kind: 'dateTime', description: 'When the contact joined; sent as UTC' },
	eventLocator('The booking page the contact belongs to', 'linkPrefix', {
		required: false,
		apiName: CONTACT_CREATE_EVENT_FIELD,
		description:
			'The booking page the contact belongs to. Sent as its link prefix (username/event-name), which iClosed’s spec asks for; an event ID is looked up first. iClosed’s examples also show eventName/eventId, so this is unconfirmed.',
	}),
	{ name: 'utm', displayName: 'UTM', kind: 'string', placeholder: 'e.g. utm_source=google&utm_medium=cpc', description: 'Tracking parameters in query-string form' },
	{ name: 'country', displayName: 'Country', kind: 'string', placeholder: 'e.g. US', description: 'ISO 3166 alpha-2 country code' },
	{ ...TIME_ZONE_FIELD, description: 'The contact’s IANA time zone' },
	{ name: 'ipAddress', displayName: 'IP Address', kind: 'string', description: 'The contact’s IP address' },
	referrerUrl,
];

export const contactResource: ResourceDeclaration = {
	value: 'contact',
	name: 'Contact',
	operations: [
		{
			resource: 'contact',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many contacts',
			description: 'List or search contacts. Each has a numeric ID (used by every other contact and call operation) and a contact_… preview ID.',
			method: 'GET',
			path: CONTACTS,
			list: { listKey: 'contacts', maxPageSize: 100 },
			together: ORDER_TOGETHER,
			fields: [
				{ name: 'search', displayName: 'Search', kind: 'string', description: 'Case-insensitive text matched against first and last name, email and phone' },
				userLocator('Only contacts assigned to this user', { required: false }),
				{
					name: 'statuses',
					displayName: 'Statuses',
					kind: 'multiOptions',
					loadOptions: 'contactStages',
					description: 'Only contacts in these stages',
				},
				{ name: 'eventIds', displayName: 'Event IDs', kind: 'idList', placeholder: 'e.g. 12, 15', description: 'Only contacts of these numeric event IDs, comma-separated' },
				{ name: 'timeFrom', displayName: 'Joined After', kind: 'dateTime', description: 'Only contacts who joined at or after this time' },
				{ name: 'timeTo', displayName: 'Joined Before', kind: 'dateTime', description: 'Only contacts who joined at or before this time' },
				...orderFields(['createdAt', 'email', 'firstName', 'id', 'joinedTime', 'lastName', 'updatedAt']),
			],
		},
		{
			resource: 'contact',
			value: 'get',
			name: 'Get',
			action: 'Get a contact',
			description: 'Get one contact with its custom fields, by numeric contact ID, contact_… preview ID or contact URL',
			method: 'GET',
			path: '/v1/contacts/detail',
			output: CONTACT_RECORD,
			fields: [
				{ ...CONTACT, apiName: 'contactId' },
				{ name: 'includeUtms', displayName: 'Include UTMs', kind: 'boolean', description: 'Whether to add the UTM parameters of each of the contact’s calls' },
			],
		},
		{
			resource: 'contact',
			value: 'create',
			name: 'Create',
			action: 'Create a contact',
			description: 'Create a contact from an email or phone number (iClosed updates the contact when the email exists). Returns the numeric contact ID.',
			method: 'POST',
			path: CONTACTS,
			output: CONTACT_RECORD,
			atLeastOne: [['email', 'phoneNumber']],
			fields: [{ ...email, topLevel: true, description: 'The contact’s email address (email or phone number is required)' }, ...CONTACT_CREATE_FIELDS],
		},
		{
			resource: 'contact',
			value: 'upsert',
			name: 'Create or Update',
			action: 'Create or update a contact',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			method: 'POST',
			path: CONTACTS,
			output: CONTACT_RECORD,
			fields: [{ ...email, required: true, description: 'The email address that identifies the contact' }, ...CONTACT_CREATE_FIELDS],
		},
		{
			resource: 'contact',
			value: 'update',
			name: 'Update',
			action: 'Update a contact',
			description: 'Change a contact’s name, emails, phone numbers, status or referrer, by numeric contact ID',
			method: 'PUT',
			path: CONTACTS,
			output: CONTACT_RECORD,
			fields: [
				{ ...CONTACT, apiName: 'id' },
				name('firstName'),
				name('lastName'),
				email,
				{ name: 'secondary_email', displayName: 'Secondary Email', kind: 'email', description: 'A second email address' },
				phone,
				{ ...phone, name: 'secondary_phoneNumber', displayName: 'Secondary Phone Number' },
				status,
				referrerUrl,
			],
		},
		{
			resource: 'contact',
			value: 'getNotes',
			name: 'Get Notes',
			action: 'Get notes of a contact',
			description: 'List the notes on a contact, newest first',
			method: 'GET',
			path: CONTACT_NOTES,
			list: { maxPageSize: 100 },
			fields: [{ ...CONTACT, apiName: 'contactId' }],
		},
		{
			resource: 'contact',
			value: 'addNote',
			name: 'Add Note',
			action: 'Add a note to a contact',
			description: 'Add a note to a contact. iClosed stores notes as HTML, so wrap paragraphs in p tags to keep line breaks.',
			method: 'POST',
			path: CONTACT_NOTES,
			fields: [
				{ ...CONTACT, apiName: 'contactId' },
				{ name: 'note', displayName: 'Note', kind: 'text', required: true, description: 'The note (HTML allowed, max 10,000 characters)' },
			],
		},
		{
			resource: 'contact',
			value: 'getJourney',
			name: 'Get Journey',
			action: 'Get the journey of a contact',
			description: 'List a contact’s timeline (created, calls, notes …), newest first. Not in iClosed’s published spec, so it may be missing on some accounts.',
			method: 'GET',
			path: '/v1/contacts/journey',
			list: { maxPageSize: 100 },
			fields: [{ ...CONTACT, apiName: 'contactId' }, userLocator('Only entries of this user', { required: false })],
		},
	],
};
