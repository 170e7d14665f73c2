import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { LOCATORS } from '../locators';

/** The "From list" searches n8n calls by name: each locator kind registers its own (locators/). */
type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

export const listSearch: Record<string, ListSearch> = Object.fromEntries(
	Object.values(LOCATORS).map((locator) => [locator.searchMethod, locator.search]),
);
