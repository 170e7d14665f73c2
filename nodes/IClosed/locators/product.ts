import { numericIdLocator } from './locator';

/** Products: From list or By ID. */
export const productLocator = numericIdLocator({
	resource: 'product',
	searchMethod: 'searchProducts',
	idPlaceholder: 'e.g. 7',
	toItem: (p) => ({ name: String(p.name ?? `Product ${p.id}`), value: String(p.id) }),
});
