import {
	ORDER_TOGETHER,
	TRANSACTION_TYPES,
	callLocator,
	contactLocator,
	orderFields,
	userLocator,
} from './common';
import type { FieldDeclaration, ResourceDeclaration } from './types';

/** Deals (§2.5): what was sold on a call. iClosed has no deal delete. */

/** Paths several operations of this resource use (each with its own method). */
const DEALS = '/v1/deals';

const DEAL_RECORD = { kind: 'record' as const, paths: [['data', 'deal'], ['data']] };

const product: FieldDeclaration = { name: 'productId', displayName: 'Product', kind: 'options', loadOptions: 'products', description: 'The product sold' };
const value: FieldDeclaration = { name: 'value', displayName: 'Value', kind: 'number', description: 'The deal’s value' };
const time: FieldDeclaration = { name: 'time', displayName: 'Time', kind: 'dateTime', description: 'When the deal was made; sent as UTC' };
const transactionType: FieldDeclaration = { name: 'transactionType', displayName: 'Transaction Type', kind: 'options', options: TRANSACTION_TYPES, description: 'How the deal is paid' };
const transactionIds: FieldDeclaration = { name: 'transactionIds', displayName: 'Transaction IDs', kind: 'idList', placeholder: 'e.g. 301, 302', description: 'Numeric transaction IDs to link to the deal' };

export const dealResource: ResourceDeclaration = {
	value: 'deal',
	name: 'Deal',
	operations: [
		{
			resource: 'deal',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many deals',
			description: 'List or search deals, with their contact and product. Each has a numeric deal ID for Update.',
			method: 'GET',
			path: DEALS,
			list: { listKey: 'deals', maxPageSize: 200, confirmedPageSize: 100 },
			together: ORDER_TOGETHER,
			fields: [
				contactLocator('Only deals of this contact', { required: false }),
				{ name: 'userIds', displayName: 'Closer User IDs', kind: 'idList', placeholder: 'e.g. 3, 7', description: 'Only deals of these numeric user IDs' },
				{ name: 'productIds', displayName: 'Product IDs', kind: 'idList', placeholder: 'e.g. 1, 2', description: 'Only deals of these numeric product IDs' },
				{ ...transactionType, description: 'Only deals paid this way' },
				{ name: 'contactStatuses', displayName: 'Contact Statuses', kind: 'multiOptions', loadOptions: 'contactStages', description: 'Only deals whose contact is in these stages' },
				{ name: 'eventIds', displayName: 'Event IDs', kind: 'idList', placeholder: 'e.g. 12', description: 'Only deals from calls of these numeric event IDs' },
				{ name: 'search', displayName: 'Search', kind: 'string', description: 'Text matched against provider, product name and contact fields' },
				{ name: 'timeFrom', displayName: 'After', kind: 'dateTime', description: 'Only deals made at or after this time' },
				{ name: 'timeTo', displayName: 'Before', kind: 'dateTime', description: 'Only deals made at or before this time' },
				...orderFields(['email', 'firstName', 'id', 'lastName', 'phoneNumber', 'time', 'value']),
			],
		},
		{
			resource: 'deal',
			value: 'create',
			name: 'Create',
			action: 'Create a deal',
			description: 'Record a deal on a call (numeric call ID), with a product ID or product name, value and time',
			method: 'POST',
			path: DEALS,
			output: DEAL_RECORD,
			fields: [
				callLocator('The call the deal was made on', { apiName: 'eventCallId' }),
				product,
				{ name: 'productName', displayName: 'Product Name', kind: 'string', description: 'A product by name, when no product is chosen' },
				value,
				time,
				transactionType,
				transactionIds,
			],
		},
		{
			resource: 'deal',
			value: 'update',
			name: 'Update',
			action: 'Update a deal',
			description: 'Change a deal (numeric deal ID from Deal → Get Many or Create)',
			method: 'PUT',
			path: DEALS,
			output: DEAL_RECORD,
			fields: [
				{ name: 'dealId', apiName: 'id', displayName: 'Deal ID', kind: 'integer', required: true, description: 'Numeric deal ID from Deal → Get Many or Create' },
				value,
				{ name: 'recurring', displayName: 'Recurring', kind: 'boolean', description: 'Whether the deal recurs' },
				transactionType,
				product,
				userLocator('The closer credited with the deal', { required: false, name: 'closerId', displayName: 'Closer' }),
				time,
				transactionIds,
				{
					name: 'type',
					displayName: 'Type',
					kind: 'options',
					options: [
						{ name: 'Deal', value: 'DEAL' },
						{ name: 'Transaction', value: 'TRANSACTION' },
					],
					description: 'Whether this is a deal or a transaction',
				},
				{ name: 'email', displayName: 'Email', kind: 'email', description: 'The buyer’s email address' },
			],
		},
	],
};
