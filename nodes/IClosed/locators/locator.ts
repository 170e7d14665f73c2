import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeParameterResourceLocator,
	INodePropertyMode,
} from 'n8n-workflow';

import type { FieldDeclaration, OperationDeclaration, ResourceKey } from '../../shared/catalogue/types';
import { declarationOf, readListPage } from '../../shared/declaredRequest';
import { toInteger } from '../wire/values';

/**
 * What every locator kind is: its modes in the editor ("From list", "By ID", …), the list search
 * behind "From list", and the resolution of what the user picked into what iClosed wants. One module
 * per kind (contact.ts, event.ts, …) implements it; index.ts lists them.
 */
export interface LocatorKindModule {
	/** The name n8n calls the search by (`searchListMethod` of the From list mode). */
	searchMethod: string;
	modes: INodePropertyMode[];
	search(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult>;
	/** A locator field's value → the `[wireName, value]` pairs it sends. */
	resolve(ctx: IExecuteFunctions, field: FieldDeclaration, locator: LocatorValue, itemIndex: number): Promise<Array<[string, unknown]>>;
}

export interface LocatorValue {
	mode: string;
	value: string;
}

/** A locator parameter's `{mode, value}`, or a plain value mapped in by expression. */
export function readLocator(raw: unknown): LocatorValue | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw === 'object' && 'value' in (raw as object)) {
		const rl = raw as INodeParameterResourceLocator;
		const value = rl.value === undefined || rl.value === null ? '' : String(rl.value).trim();
		return value === '' ? undefined : { mode: String(rl.mode ?? 'id'), value };
	}
	const value = String(raw).trim();
	return value === '' ? undefined : { mode: 'id', value };
}

// Mode types as constants: these are locator modes, not parameters (they take no default).
const LIST = 'list' as const;
export const TEXT_MODE = 'string' as const;

const NUMERIC_ID: INodePropertyMode['validation'] = [
	{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a numeric ID' } },
];

/** "a contact", "an event", "a user": the article before `word` (by its first sound, so "u" takes "a"). */
export function withArticle(word: string): string {
	return `${/^[aeio]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function listMode(searchMethod: string, what: string): INodePropertyMode {
	return {
		displayName: 'From List',
		name: 'list',
		type: LIST,
		placeholder: `Select ${withArticle(what)}...`,
		typeOptions: { searchListMethod: searchMethod, searchable: true },
	};
}

export function idMode(placeholder: string): INodePropertyMode {
	return { displayName: 'By ID', name: 'id', type: TEXT_MODE, placeholder, validation: NUMERIC_ID };
}

/** The resolution of most kinds: the value is the numeric ID iClosed wants. */
export async function resolveNumericId(
	_ctx: IExecuteFunctions,
	field: FieldDeclaration,
	locator: LocatorValue,
): Promise<Array<[string, unknown]>> {
	return [[field.apiName ?? field.name, toInteger(locator.value, field.displayName)]];
}

/** "From list" pages: what the user sees of one page, not the endpoint's largest page. */
export const SEARCH_PAGE_SIZE = 50;

/**
 * One page of a declared list (the resource's Get Many) per call, filtered by iClosed's `search`
 * parameter; the page number goes back to n8n as its (string) pagination token.
 */
export async function searchDeclaredList(
	ctx: ILoadOptionsFunctions,
	list: OperationDeclaration,
	toItem: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) || 0 : 0;
	const query: IDataObject = { page, limit: SEARCH_PAGE_SIZE };
	if (filter) query.search = filter;
	const items = await readListPage(ctx, list, { query });
	return { results: items.map(toItem), paginationToken: items.length === SEARCH_PAGE_SIZE ? String(page + 1) : undefined };
}

export function fullName(record: IDataObject): string {
	return [record.firstName, record.lastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
}

/**
 * A kind whose value is simply the record's numeric ID: From list (its resource's Get Many, searched)
 * or By ID. Calls, users, products and transactions.
 */
export function numericIdLocator(kind: {
	resource: ResourceKey;
	searchMethod: string;
	idPlaceholder: string;
	toItem: (record: IDataObject) => INodeListSearchItems;
}): LocatorKindModule {
	return {
		searchMethod: kind.searchMethod,
		modes: [listMode(kind.searchMethod, kind.resource), idMode(kind.idPlaceholder)],
		async search(filter, token) {
			return await searchDeclaredList(this, declarationOf(kind.resource, 'getMany'), kind.toItem, filter, token);
		},
		resolve: resolveNumericId,
	};
}
