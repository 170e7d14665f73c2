/**
 * The iClosed API catalogue: every endpoint declared once, as data. It is the package's ground floor:
 * the action node's operations, both triggers' reads and registrations, the credential test and the
 * dropdowns all take their method, path, list key, page size, order columns and filters from here, and
 * no `/v1/` path is written anywhere else (test/unit/layout.test.ts).
 *
 * HOW TO ADD AN ENDPOINT (one declaration + one test)
 * 1. Find the resource file in this folder (`contact.ts`, `call.ts` …) and add an `OperationDeclaration`:
 *    `value` (the `operation` parameter), `name` (Title Case, "Get Many"), `action` (sentence case,
 *    "Get many contacts"), a `description` an AI agent can act on (name the ID formats it expects),
 *    `method`, `path` (`{param}` segments are filled from `in: 'path'` fields), and its `fields`.
 * 2. Each field says where it goes (`in`: query / body / path; default query for GET and DELETE, body
 *    otherwise), its wire name (`apiName`, default `name`), its `kind` (how the value is read, checked
 *    and converted) and whether it is `required`. Required fields become top-level parameters; optional
 *    ones land in the operation's "Filters" (list reads), "Options" (other reads) or "Additional
 *    Fields" (writes) collection. Reuse parameter names (`contactId`, `callId`, `eventId` …) so values
 *    survive switching operation.
 * 3. Lists declare `list` (the key the records sit under, the endpoint's maximum page size): the node
 *    then offers Return All / Limit and pages through the transport. Single records declare `output`
 *    (where the record sits in the answer, tried in order, falling back to the raw body): the node
 *    offers Simplify. `output: { kind: 'deleted' }` answers `{ deleted: true }`.
 * 4. An operation that is more than one request (slot search, booking, upsert) is still declared here;
 *    its code lives under `operations/` and is listed in `operations/registry.ts`. It may add
 *    `extraProperties` of its own.
 * 5. Add the operation's test under `test/unit/action/` (method, path, query and body the fake server
 *    received, and the output items), then run `npm run docs:operations` to refresh the README table.
 *
 * The catalogue is data: it imports nothing from the code that uses it (only the event list, for the
 * Webhook resource's options). The UI properties
 * (`description/`), the request (`execution/buildRequest.ts`), Return All, Simplify (`wire/simplify.ts`),
 * the locators and dropdowns, and the README's operations table are all derived from these declarations.
 */
import type {
	IDataObject,
	IHttpRequestMethods,
	INodeProperties,
	NodeParameterValueType,
} from 'n8n-workflow';

export type ResourceKey =
	| 'call'
	| 'contact'
	| 'customField'
	| 'deal'
	| 'event'
	| 'outcome'
	| 'product'
	| 'transaction'
	| 'user'
	| 'webhook';

/** How a parameter's value is read, checked and converted before it is sent. */
export type FieldKind =
	/** Free text; empty strings are never sent (iClosed rejects them, §2.1). */
	| 'string'
	/** Multi-line text. */
	| 'text'
	/** Checked for a plausible address before sending. */
	| 'email'
	/** Spaces, dashes, dots and brackets removed; must then match iClosed's `^\+?\d+$`. */
	| 'phone'
	| 'url'
	/** A whole number (IDs are JSON numbers, §4). */
	| 'integer'
	| 'number'
	| 'boolean'
	/** Any n8n date, ISO string or epoch → ISO-8601 UTC with `Z` (§4). */
	| 'dateTime'
	/** Any date → `YYYY-MM-DD`. */
	| 'date'
	/** A validated IANA zone name. */
	| 'timeZone'
	| 'options'
	/** Several fixed values: an array in a body, comma-separated in a query (§1.5). */
	| 'multiOptions'
	/** Integers typed as "1, 2, 3" or handed over as an array: int[] in a body, CSV in a query. */
	| 'idList'
	/** Strings typed as "a, b" or an array: string[] in a body, CSV in a query. */
	| 'csv'
	/** Several strings, one input each (answers may contain commas): always string[]. */
	| 'stringArray'
	/** A JSON object or array (typed as JSON text or passed by expression). */
	| 'json'
	/** A resource locator (From list / By ID / By URL …), see `locator`. */
	| 'locator'
	/** A nested object built from `fields`. */
	| 'collection'
	/** An array of objects, one per entry, each built from `fields`. */
	| 'objectList';

export type LocatorKind = 'call' | 'contact' | 'event' | 'product' | 'transaction' | 'user';

export type LoadOptionsKind = 'contactStages' | 'customFields' | 'products';

export interface OptionDeclaration {
	name: string;
	value: string | number | boolean;
	description?: string;
}

export interface FieldDeclaration {
	/** The n8n parameter name. */
	name: string;
	/** The name on the wire; defaults to `name`. Dotted paths are not used: nest with `collection`. */
	apiName?: string;
	displayName: string;
	kind: FieldKind;
	/** Where the value goes; default query for GET/DELETE, body otherwise. */
	in?: 'query' | 'body' | 'path';
	required?: boolean;
	description?: string;
	hint?: string;
	placeholder?: string;
	default?: NodeParameterValueType;
	options?: OptionDeclaration[];
	/** kind 'locator': which record it points at. */
	locator?: LocatorKind;
	/**
	 * kind 'locator' with locator 'event': what the endpoint takes. 'id' and 'linkPrefix' look the
	 * other form up when the user gave it; 'either' sends whichever the user gave, under
	 * `eventApiNames`.
	 */
	eventWire?: 'id' | 'linkPrefix' | 'either';
	/** Wire names per form for eventWire 'either' (default `{ id: apiName, linkPrefix: 'linkPrefix' }`). */
	eventApiNames?: { id: string; linkPrefix: string };
	/** A dropdown filled from iClosed (options/multiOptions kinds). */
	loadOptions?: LoadOptionsKind;
	loadOptionsDependsOn?: string[];
	/** kind 'collection' / 'objectList': the nested fields. */
	fields?: FieldDeclaration[];
	/** kind 'integer': 0 is a real value to send (by default 0 means "not set": n8n fills number
	 * fields of collection entries with 0, and iClosed IDs start at 1). */
	allowZero?: boolean;
	minValue?: number;
	maxValue?: number;
	/** Optional, but shown as a top-level parameter rather than inside the collection. */
	topLevel?: boolean;
	/** idList / csv: send a comma-separated string in the body too (e.g. `conditionalUsers`). */
	csvInBody?: boolean;
	/** The operation's own code reads and sends this value (e.g. per request of a search); the request
	 * builder leaves it out. Only operations in the special-operation registry may set it. */
	readByOperation?: boolean;
}

/** Where the record(s) sit in a response, for Simplify. */
export type OutputDeclaration =
	/** One record: the first of `paths` that exists (e.g. `data.contact`), else the raw body. */
	| { kind: 'record'; paths: string[][] }
	/** Several records: the first array found at one of `paths`, one item each. */
	| { kind: 'records'; paths: string[][] }
	/** `{ deleted: true }` on success. */
	| { kind: 'deleted' }
	/** A bespoke unwrapping (e.g. fields grouped by object type); Simplify off gives the raw body. */
	| { kind: 'custom'; simplify: (body: unknown) => IDataObject | IDataObject[] }
	/** No envelope worth removing (e.g. `{message, status}`): the body as it came. */
	| { kind: 'raw' };

export interface ListDeclaration {
	/** The key the records sit under, e.g. `contacts` in `{data:{contacts:[…], count}}`. */
	listKey?: string;
	/** The endpoint's largest `limit` (100; 200 for deals and products, §1.5). */
	maxPageSize: number;
	/**
	 * The largest `limit` every source confirms, where `maxPageSize` rests on fewer (§6.7: 200 on deals).
	 * A reader that takes a short page for the end of the list (the polling trigger) pages by this one:
	 * an endpoint that served less than `maxPageSize` would otherwise look finished. Default maxPageSize.
	 */
	confirmedPageSize?: number;
	/** false: one request, the limit applied here (the endpoint does not page). */
	paged?: boolean;
}

export interface OperationDeclaration {
	resource: ResourceKey;
	/** The `operation` parameter value. */
	value: string;
	/** Title Case, e.g. "Get Many". */
	name: string;
	/** Sentence case, e.g. "Get many contacts". */
	action: string;
	/** For people and AI agents: what it does and which ID formats it takes and returns. */
	description: string;
	method: IHttpRequestMethods;
	path: string;
	fields: FieldDeclaration[];
	list?: ListDeclaration;
	/** Default: records for lists, raw otherwise. */
	output?: OutputDeclaration;
	/** Whether Simplify starts on (default true). */
	simplifyDefault?: boolean;
	/** Wire names that iClosed accepts only together (e.g. `orderColumn` + `orderBy`). */
	together?: string[][];
	/** Groups of wire names of which at least one must be sent (e.g. email or phone number). */
	atLeastOne?: string[][];
	/** Parameters only a special operation reads (see operations/registry.ts); shown for this operation only. */
	extraProperties?: INodeProperties[];
}

export interface ResourceDeclaration {
	value: ResourceKey;
	/** Title Case, e.g. "Custom Field". */
	name: string;
	description?: string;
	operations: OperationDeclaration[];
}
