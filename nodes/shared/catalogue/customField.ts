import type { IDataObject } from 'n8n-workflow';

import { SECONDARY_ANSWERS_FIELD } from './call';
import { callLocator, contactLocator, eventLocator } from './common';
import type { FieldDeclaration, OptionDeclaration, ResourceDeclaration } from './types';
import { INVITEE_ANSWERS_FIELD } from './uncertain';

/** Custom fields (§2.8): fields per object type, their answers, and the booking form's answers. */

/** Paths several operations of this resource use (each with its own method). */
const FIELDS = '/v1/fields';

const OBJECT_TYPES: OptionDeclaration[] = [
	'CALL', 'CONTACT', 'DEAL', 'EVENT', 'INVITEE_QUESTION', 'ISCORE', 'UNIFIED_INBOX', 'USER',
].map((v) => ({ name: v.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ').replace('Iscore', 'iScore'), value: v }));

// §6.22: CHECK_BOX and RADIO_BUTTON appear in the spec for create, not in the list filter's enum.
const INPUT_TYPES: OptionDeclaration[] = [
	'CHECK_BOX', 'DATE', 'EMAIL', 'MULTIPLE_SELECT', 'NUMBER', 'RADIO_BUTTON', 'RATING', 'SINGLE_SELECT',
	'TEXT', 'TEXT_AREA', 'URL', 'USER', 'USERS_MULTIPLE',
].map((v) => ({ name: v.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' '), value: v }));

const objectType: FieldDeclaration = {
	name: 'objectType',
	displayName: 'Object Type',
	kind: 'options',
	required: true,
	default: 'CONTACT',
	options: OBJECT_TYPES,
	description: 'The kind of record the fields belong to',
};

const LIST_FILTERS: FieldDeclaration[] = [
	{ name: 'search', displayName: 'Search', kind: 'string', description: 'Text matched against name and identifier' },
	{ name: 'inputType', displayName: 'Input Type', kind: 'options', options: INPUT_TYPES, default: 'TEXT', description: 'Only fields of this input type' },
	{ name: 'showSystemFields', displayName: 'Show System Fields', kind: 'boolean', description: 'Whether to include iClosed’s built-in fields' },
	{ name: 'inviteeQuestions', displayName: 'Invitee Questions', kind: 'boolean', description: 'Whether to list only booking-form questions (on) or only other fields (off)' },
];

const customFieldId: FieldDeclaration = {
	name: 'customFieldId',
	displayName: 'Custom Field',
	kind: 'options',
	loadOptions: 'customFields',
	topLevel: true,
	description: 'The field to answer (or give its Identifier)',
};
const identifier: FieldDeclaration = { name: 'identifier', displayName: 'Identifier', kind: 'string', placeholder: 'e.g. monthly_revenue', description: 'The field’s identifier, instead of choosing the field' };
const answer: FieldDeclaration = { name: 'answer', displayName: 'Answers', kind: 'stringArray', required: true, description: 'One or more answers (one per option for multi-select fields)' };

const FIELD_EDITS: FieldDeclaration[] = [
	{ name: 'identifier', displayName: 'Identifier', kind: 'string', placeholder: 'e.g. monthly_revenue', description: 'Letters, digits and _ only; derived from the name when empty' },
	{ name: 'description', displayName: 'Description', kind: 'text', description: 'What the field is for' },
	{ name: 'configuration', displayName: 'Configuration (JSON)', kind: 'json', description: 'Input-type settings, e.g. {"dateType": "DATE", "includedTime": false}' },
	{
		name: 'options',
		displayName: 'Choices',
		kind: 'objectList',
		description: 'The choices of a select field',
		fields: [
			{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: 'The choice’s label' },
			{
				name: 'color',
				displayName: 'Color',
				kind: 'options',
				options: ['blue', 'gray', 'green', 'indigo', 'pink', 'purple', 'red', 'yellow'].map((c) => ({ name: c[0].toUpperCase() + c.slice(1), value: c })),
				default: 'blue',
				description: 'The badge colour',
			},
			{ name: 'displayIndex', displayName: 'Position', kind: 'integer', description: 'Position in the list (1, 2 …); choices without one keep the order given here' },
		],
	},
	{ name: 'isSecondaryQuestion', displayName: 'Booking Question', kind: 'boolean', description: 'Whether the field is asked as a question on booking pages' },
];

function stagesOf(body: unknown): IDataObject[] {
	const root = (body ?? {}) as IDataObject;
	const field = (root.data && !Array.isArray(root.data) ? root.data : root) as IDataObject;
	return Array.isArray(field.CustomFieldOptions) ? (field.CustomFieldOptions as IDataObject[]) : [field];
}

export const customFieldResource: ResourceDeclaration = {
	value: 'customField',
	name: 'Custom Field',
	operations: [
		{
			resource: 'customField',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many custom fields',
			description: 'List the custom fields of one object type. Each has a numeric ID and an identifier for Set Answer and booking answers.',
			method: 'GET',
			path: '/v1/fields/objects',
			list: { maxPageSize: 100 },
			fields: [
				objectType,
				...LIST_FILTERS,
				{ name: 'identifiers', displayName: 'Identifiers', kind: 'csv', placeholder: 'e.g. company, lead_source', description: 'Only fields with these identifiers' },
			],
		},
		{
			resource: 'customField',
			value: 'getManyAllObjects',
			name: 'Get Many for All Objects',
			action: 'Get custom fields of all object types',
			description: 'List the custom fields of every object type, one item per field with its objectType',
			method: 'GET',
			path: '/v1/fields/objects/all',
			list: { maxPageSize: 100 },
			fields: LIST_FILTERS,
		},
		{
			resource: 'customField',
			value: 'getContactStages',
			name: 'Get Contact Stages',
			action: 'Get the contact stages',
			description: 'List the account’s contact stages (the options of the contact-stage field)',
			method: 'GET',
			path: '/v1/fields/contact-stage',
			output: { kind: 'custom', simplify: stagesOf },
			fields: [],
		},
		{
			resource: 'customField',
			value: 'create',
			name: 'Create',
			action: 'Create a custom field',
			description: 'Create a custom field on an object type. Returns its numeric ID and identifier.',
			method: 'POST',
			path: FIELDS,
			output: { kind: 'record', paths: [['data']] },
			fields: [
				{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: 'The field’s label' },
				{ ...objectType, apiName: 'type' },
				{ name: 'inputType', displayName: 'Input Type', kind: 'options', options: INPUT_TYPES, required: true, default: 'TEXT', description: 'How the field is filled in' },
				...FIELD_EDITS,
			],
		},
		{
			resource: 'customField',
			value: 'update',
			name: 'Update',
			action: 'Update a custom field',
			description: 'Change a custom field (numeric field ID); Choices replace the existing ones',
			method: 'PUT',
			path: FIELDS,
			output: { kind: 'record', paths: [['data']] },
			fields: [
				{ ...customFieldId, apiName: 'id', required: true, topLevel: false, description: 'The field to change' },
				{ name: 'name', displayName: 'Name', kind: 'string', description: 'The field’s new label' },
				...FIELD_EDITS,
				{ name: 'hidden', displayName: 'Hidden', kind: 'boolean', description: 'Whether to hide the field' },
			],
		},
		{
			resource: 'customField',
			value: 'setAnswer',
			name: 'Set Answer',
			action: 'Set a custom field answer',
			description: 'Set one custom field’s answer on a contact (numeric contact ID) or a call (numeric call ID), by field ID or identifier',
			method: 'POST',
			path: '/v1/fields/answer',
			atLeastOne: [['customFieldId', 'identifier'], ['contactId', 'eventCallId']],
			fields: [
				customFieldId,
				answer,
				contactLocator('The contact to answer for (or choose a call)', { required: false, topLevel: true }),
				identifier,
				callLocator('The call to answer for, instead of a contact', { required: false, apiName: 'eventCallId' }),
			],
		},
		{
			resource: 'customField',
			value: 'setAnswersBulk',
			name: 'Set Answers in Bulk',
			action: 'Set a custom field answer for many contacts',
			description: 'Set the same custom field answer on many contacts (numeric contact IDs)',
			method: 'POST',
			path: '/v1/fields/answer/bulk',
			atLeastOne: [['customFieldId', 'identifier']],
			fields: [
				{ name: 'contactIds', displayName: 'Contact IDs', kind: 'idList', required: true, placeholder: 'e.g. 4711, 4712', description: 'Numeric contact IDs, comma-separated' },
				customFieldId,
				answer,
				identifier,
				{ name: 'overrideExisting', displayName: 'Override Existing', kind: 'boolean', description: 'Whether to replace answers the contacts already have' },
			],
		},
		{
			resource: 'customField',
			value: 'setInviteeAnswers',
			name: 'Set Invitee Answers',
			action: 'Set booking form answers',
			description:
				'Submit booking-form answers for an event (link prefix or numeric ID), as iClosed’s booking page does; returns isDisqualified and conditionalUsers for booking. Not in iClosed’s published spec (unconfirmed).',
			method: 'POST',
			path: '/v1/fields/inviteeAnswers',
			output: { kind: 'record', paths: [['data']] },
			fields: [
				eventLocator('The event whose form is answered', 'linkPrefix', { apiName: 'linkPrefix' }),
				contactLocator('The contact answering', { required: false }),
				{ name: 'previewId', displayName: 'Contact Preview ID', kind: 'string', placeholder: 'e.g. contact_AbC123', description: 'The contact’s preview ID, instead of a contact' },
				{ name: 'eventNumericId', apiName: 'eventId', displayName: 'Event ID', kind: 'integer', description: 'Also send the numeric event ID (some integrations do; unconfirmed)' },
				{
					name: 'standardAnswers',
					apiName: INVITEE_ANSWERS_FIELD,
					displayName: 'Standard Answers',
					kind: 'objectList',
					description: 'Name, email and phone answers as {type, answer}',
					fields: [
						{
							name: 'type',
							displayName: 'Question',
							kind: 'options',
							default: 'EMAIL',
							options: [
								{ name: 'Email', value: 'EMAIL' },
								{ name: 'First Name', value: 'FIRST_NAME' },
								{ name: 'Last Name', value: 'LAST_NAME' },
								{ name: 'Name', value: 'NAME' },
								{ name: 'Phone', value: 'PHONE_NO' },
							],
							description: 'Which standard question',
						},
						{ name: 'answer', displayName: 'Answer', kind: 'string', required: true, description: 'The answer' },
					],
				},
				{
					name: 'questionAnswers',
					apiName: INVITEE_ANSWERS_FIELD,
					displayName: 'Answers by Question ID',
					kind: 'objectList',
					description: 'Answers as {questionId, answer[]}, with question IDs from Event → Get',
					fields: [
						{ name: 'questionId', displayName: 'Question ID', kind: 'integer', required: true, description: 'Numeric ID of the event’s invitee question' },
						{ name: 'answer', displayName: 'Answers', kind: 'stringArray', required: true, description: 'One or more answers' },
					],
				},
				SECONDARY_ANSWERS_FIELD,
			],
		},
	],
};
