import { ORDER_TOGETHER, orderFields } from './common';
import type { FieldDeclaration, ResourceDeclaration } from './types';

/** Products (§2.6): what deals sell. */

/** Paths several operations of this resource use (each with its own method). */
const PRODUCTS = '/v1/products';

const PRODUCT_RECORD = { kind: 'record' as const, paths: [['data', 'product'], ['data']] };
const description: FieldDeclaration = { name: 'description', displayName: 'Description', kind: 'text', description: 'What the product is' };

export const productResource: ResourceDeclaration = {
	value: 'product',
	name: 'Product',
	operations: [
		{
			resource: 'product',
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many products',
			description: 'List or search products, with their deal counts. Each has a numeric product ID for deals and outcomes.',
			method: 'GET',
			path: PRODUCTS,
			list: { listKey: 'products', maxPageSize: 200, confirmedPageSize: 100 },
			together: ORDER_TOGETHER,
			fields: [
				{ name: 'search', displayName: 'Search', kind: 'string', description: 'Case-insensitive text matched against the name' },
				...orderFields(['createdAt', 'deals', 'id', 'name', 'updatedAt']),
			],
		},
		{
			resource: 'product',
			value: 'create',
			name: 'Create',
			action: 'Create a product',
			description: 'Create a product. Returns its numeric product ID.',
			method: 'POST',
			path: PRODUCTS,
			output: PRODUCT_RECORD,
			fields: [{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: 'The product’s name' }, description],
		},
		{
			resource: 'product',
			value: 'update',
			name: 'Update',
			action: 'Update a product',
			description: 'Rename or describe a product (numeric product ID)',
			method: 'PUT',
			path: PRODUCTS,
			output: PRODUCT_RECORD,
			fields: [
				{ name: 'productId', displayName: 'Product', kind: 'locator', locator: 'product', required: true, description: 'The product. Numeric product ID from Product → Get Many.' },
				{ name: 'name', displayName: 'Name', kind: 'string', description: 'The product’s new name' },
				description,
			],
		},
	],
};
