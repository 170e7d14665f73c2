import { declarationOf } from '../wire/declaredRequest';
import type { LocatorKindModule } from './locator';
import { fullName, idMode, listMode, resolveNumericId, searchDeclaredList } from './locator';

/** Users (hosts, closers, setters): From list or By ID. */
const SEARCH_METHOD = 'searchUsers';

export const userLocator: LocatorKindModule = {
	searchMethod: SEARCH_METHOD,
	modes: [listMode(SEARCH_METHOD, 'user'), idMode('e.g. 3')],
	async search(filter, token) {
		return await searchDeclaredList(this, declarationOf('user', 'getMany'), (u) => ({
			name: [fullName(u), u.email].filter(Boolean).join(' · ') || `User ${u.id}`,
			value: String(u.id),
		}), filter, token);
	},
	resolve: resolveNumericId,
};
