import { declarationOf } from '../wire/declaredRequest';
import type { LocatorKindModule } from './locator';
import { idMode, listMode, resolveNumericId, searchDeclaredList } from './locator';

/** Products: From list or By ID. */
const SEARCH_METHOD = 'searchProducts';

export const productLocator: LocatorKindModule = {
	searchMethod: SEARCH_METHOD,
	modes: [listMode(SEARCH_METHOD, 'product'), idMode('e.g. 7')],
	async search(filter, token) {
		return await searchDeclaredList(this, declarationOf('product', 'getMany'), (p) => ({
			name: String(p.name ?? `Product ${p.id}`),
			value: String(p.id),
		}), filter, token);
	},
	resolve: resolveNumericId,
};
