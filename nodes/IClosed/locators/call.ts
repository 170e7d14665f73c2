import { declarationOf } from '../wire/declaredRequest';
import type { LocatorKindModule } from './locator';
import { idMode, listMode, resolveNumericId, searchDeclaredList } from './locator';

/** Calls: From list (searched by invitee name, email or phone) or By ID. */
const SEARCH_METHOD = 'searchCalls';

export const callLocator: LocatorKindModule = {
	searchMethod: SEARCH_METHOD,
	modes: [listMode(SEARCH_METHOD, 'call'), idMode('e.g. 10234')],
	async search(filter, token) {
		return await searchDeclaredList(this, declarationOf('call', 'getMany'), (c) => ({
			name: [c.inviteeName ?? c.inviteeEmail, c.dateTimeUTC ?? c.dateTime, c.name].filter(Boolean).join(' · ') || `Call ${c.id}`,
			value: String(c.id),
		}), filter, token);
	},
	resolve: resolveNumericId,
};
