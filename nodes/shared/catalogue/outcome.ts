import { NO_SALE_REASONS, TRANSACTION_TYPES, callLocator } from './common';
import type { ResourceDeclaration } from './types';

/**
 * Outcomes (§2.3): upsert the result of a call, optionally with a deal. iClosed's cross-field rules
 * (WON needs an objection …) are unconfirmed (§6.24): nothing is enforced here, iClosed's field errors
 * are shown as they come.
 */
export const outcomeResource: ResourceDeclaration = {
	value: 'outcome',
	name: 'Outcome',
	operations: [
		{
			resource: 'outcome',
			value: 'set',
			name: 'Set',
			action: 'Set the outcome of a call',
			description:
				'Record a call’s outcome (numeric call ID): Won or No Sale for strategy calls, Approved or Rejected for discovery calls; optionally create or update a deal',
			method: 'POST',
			path: '/v1/outcomes',
			output: { kind: 'record', paths: [['data']] },
			fields: [
				callLocator('The call the outcome is for', { apiName: 'eventCallId' }),
				{
					name: 'outcome',
					displayName: 'Outcome',
					kind: 'options',
					required: true,
					default: 'WON',
					options: [
						{ name: 'Approved', value: 'APPROVED', description: 'Discovery call: qualified for a strategy call' },
						{ name: 'No Sale', value: 'NO_SALE', description: 'Strategy call: not closed' },
						{ name: 'Rejected', value: 'REJECTED', description: 'Discovery call: not qualified' },
						{ name: 'Won', value: 'WON', description: 'Strategy call: closed' },
					],
					description: 'What came of the call',
				},
				{ name: 'noSaleReason', displayName: 'No-Sale Reason', kind: 'options', options: NO_SALE_REASONS, description: 'Why there was no sale (iClosed may require it for No Sale and Rejected)' },
				{
					name: 'objection',
					displayName: 'Objection',
					kind: 'options',
					options: [
						{ name: 'Fear', value: 'FEAR' },
						{ name: 'Logistic', value: 'LOGISTIC' },
						{ name: 'Money', value: 'MONEY' },
						{ name: 'No Objection', value: 'NO_OBJECTION' },
						{ name: 'Partner', value: 'PARTNER' },
						{ name: 'Smoke Screen', value: 'SMOKE_SCREEN' },
					],
					description: 'The main objection raised (iClosed may require it for Won)',
				},
				{ name: 'notes', displayName: 'Notes', kind: 'text', description: 'Notes on the outcome' },
				{
					name: 'newDeal',
					displayName: 'Deal',
					kind: 'collection',
					placeholder: 'Add Deal Field',
					description: 'Create a deal with the outcome, or update one by its ID',
					fields: [
						{ name: 'id', displayName: 'Existing Deal ID', kind: 'integer', description: 'Update this numeric deal ID instead of creating a deal' },
						{ name: 'value', displayName: 'Value', kind: 'number', description: 'The deal’s value' },
						{ name: 'transactionType', displayName: 'Transaction Type', kind: 'options', options: TRANSACTION_TYPES, description: 'How the deal is paid' },
						{ name: 'productId', displayName: 'Product', kind: 'options', loadOptions: 'products', description: 'The product sold' },
						{ name: 'date', displayName: 'Date', kind: 'dateTime', description: 'When the deal was made; sent as UTC' },
						{ name: 'transactionIds', displayName: 'Transaction IDs', kind: 'idList', placeholder: 'e.g. 301, 302', description: 'Numeric transaction IDs to link' },
					],
				},
			],
		},
	],
};
