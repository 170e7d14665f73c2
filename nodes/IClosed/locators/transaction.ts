import { declarationOf } from '../wire/declaredRequest';
import type { LocatorKindModule } from './locator';
import { idMode, listMode, resolveNumericId, searchDeclaredList } from './locator';

/** Transactions (payments): From list or By ID. */
const SEARCH_METHOD = 'searchTransactions';

export const transactionLocator: LocatorKindModule = {
	searchMethod: SEARCH_METHOD,
	modes: [listMode(SEARCH_METHOD, 'transaction'), idMode('e.g. 301')],
	async search(filter, token) {
		return await searchDeclaredList(this, declarationOf('transaction', 'getMany'), (t) => ({
			name: [t.name ?? t.email, t.value !== undefined ? String(t.value) : undefined, t.source].filter(Boolean).join(' · ') || `Transaction ${t.id}`,
			value: String(t.id),
		}), filter, token);
	},
	resolve: resolveNumericId,
};
