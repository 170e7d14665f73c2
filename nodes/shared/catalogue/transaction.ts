import type { FieldDeclaration, OptionDeclaration, ResourceDeclaration } from './types';

/**
 * Transactions (§2.7): payments, "synced" once linked to a deal. Source values follow the spec's
 * enum casing (Stripe); stored values may be upper-case (§6.21).
 */

/** Paths several operations of this resource use (each with its own method). */
const TRANSACTIONS = '/v1/transactions';

const SOURCES: OptionDeclaration[] = ['Make', 'Other', 'Stripe', 'Zapier'].map((s) => ({ name: s, value: s }));
const TRANSACTION: FieldDeclaration = {
	name: 'transactionId',
	apiName: 'id',
	displayName: 'Transaction',
	kind: 'locator',
	locator: 'transaction',
	required: true,
	description: 'The transaction. Numeric transaction ID from Transaction → Get Many or Create.',
};
const RECORD = { kind: 'record' as const, paths: [['data']] };

const details: FieldDeclaration[] = [
	{ name: 'name', displayName: 'Name', kind: 'string', description: 'The payer’s name' },
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'The payer’s email address' },
	{ name: 'phoneNumber', displayName: 'Phone Number', kind: 'phone', placeholder: 'e.g. +14155550123', description: 'The payer’s phone number' },
	{ name: 'description', displayName: 'Description', kind: 'text', description: 'What was paid for' },
	{ name: 'source', displayName: 'Source', kind: 'options', options: SOURCES, description: 'Where the payment came from' },
	{ name: 'updatedBy', displayName: 'Updated By', kind: 'string', description: 'Who or what recorded the change' },
];
const amount: FieldDeclaration = { name: 'value', displayName: 'Value', kind: 'number', description: 'The amount paid' };

export const transactionResource: ResourceDeclaration = {
	value: 'transaction',
	name: 'Transaction',
	operations: [
		{
			resource: 'transaction',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many transactions',
			description: 'List or search payments. Each has a numeric transaction ID for deals, Update and Delete.',
			method: 'GET',
			path: TRANSACTIONS,
			list: { maxPageSize: 100 },
			fields: [
				{ name: 'id', displayName: 'Transaction ID', kind: 'integer', description: 'Only this numeric transaction ID' },
				{ name: 'synced', displayName: 'Synced', kind: 'boolean', description: 'Whether to list only transactions linked to a deal (on) or only unlinked ones (off)' },
				{ name: 'search', displayName: 'Search', kind: 'string', description: 'Text matched against name, email, phone and value' },
				{ name: 'source', displayName: 'Sources', kind: 'multiOptions', options: SOURCES, description: 'Only payments from these sources' },
				{ name: 'timeFrom', displayName: 'Created After', kind: 'dateTime', description: 'Only transactions created at or after this time' },
				{ name: 'timeTo', displayName: 'Created Before', kind: 'dateTime', description: 'Only transactions created at or before this time' },
				{
					name: 'sort',
					displayName: 'Sort by Creation',
					kind: 'options',
					options: [
						{ name: 'Oldest First', value: 'asc' },
						{ name: 'Newest First', value: 'desc' },
					],
					description: 'Order by creation time',
				},
				{
					name: 'sortByAmount',
					displayName: 'Sort by Amount',
					kind: 'options',
					options: [
						{ name: 'Smallest First', value: 'ascAmount' },
						{ name: 'Largest First', value: 'descAmount' },
					],
					description: 'Order by amount',
				},
			],
		},
		{
			resource: 'transaction',
			value: 'create',
			name: 'Create',
			action: 'Create a transaction',
			description: 'Record a payment. Returns its numeric transaction ID (link it to a deal with Deal → Create or Update).',
			method: 'POST',
			path: TRANSACTIONS,
			output: RECORD,
			fields: [{ ...amount, required: true }, ...details],
		},
		{
			resource: 'transaction',
			value: 'update',
			name: 'Update',
			action: 'Update a transaction',
			description: 'Change a payment (numeric transaction ID)',
			method: 'PUT',
			path: TRANSACTIONS,
			output: RECORD,
			fields: [TRANSACTION, amount, ...details],
		},
		{
			resource: 'transaction',
			value: 'delete',
			name: 'Delete',
			action: 'Delete a transaction',
			description: 'Delete a payment (numeric transaction ID)',
			method: 'DELETE',
			path: TRANSACTIONS,
			output: { kind: 'deleted' },
			fields: [TRANSACTION],
		},
	],
};
