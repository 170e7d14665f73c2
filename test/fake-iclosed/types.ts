/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped */
// Public types of the fake iClosed server (test code, never shipped).
import type { IncomingHttpHeaders } from 'node:http';

import type { FakeClock } from './clock';
import type { FakeState } from './state';

/** A rate limit: `points` requests per `windowSec` per endpoint (method + path) per API key (§1.3). */
export interface RateLimit {
	points: number;
	windowSec: number;
	/** Also send a `Retry-After` header (seconds) on 429. The body always carries `retryAfter`. */
	retryAfterHeader?: boolean;
}

/**
 * Switches for every point `iclosed-api.md` marks uncertain. Defaults (see `DEFAULT_VARIANTS`) follow the
 * reference's best evidence.
 */
export interface FakeVariants {
	/** 400 body: iClosed's zod shape `{message:{status,details:{formErrors,fieldErrors},endpoint,method}}` or the "standard validation" `{message:'Invalid request',errors}` (§1.4). */
	validationShape: 'zod' | 'standard';
	/** Unknown body/query fields: 'reject' (400, like a `.strict()` zod schema; catches misspelled fields) or 'ignore'. */
	unknownFields: 'reject' | 'ignore';
	/** HTTP status of `GET /v1/eventCalls` (§1.4: documented and observed as 201). */
	eventCallsListStatus: 200 | 201;
	/** HTTP status of POSTs that create something (contacts, eventCalls, deals, products, transactions, fields, notes). */
	createStatus: 200 | 201;
	/** `POST /v1/events/eventDates`: slot times as 'HH:mm' strings or full ISO strings with the requested zone's offset. */
	eventDatesTimes: 'hhmm' | 'iso';
	/** Where the availabilities map sits: `data.availabilities` or top-level `availabilities`. */
	eventDatesEnvelope: 'data' | 'top';
	/** Days covered by one eventDates answer, starting at `currentDate` (undocumented window). */
	eventDatesWindowDays: number;
	/** Whether days without a free slot appear (with `[]`) or are omitted. */
	eventDatesEmptyDays: 'omit' | 'include';
	/** Whether slots in the past are offered / bookable (real iClosed: no). */
	allowPastSlots: boolean;
	/** `PUT /v1/eventCalls/reschedule` answer: `{data:{eventCall:{call}}}` (vendor page) or `{message,status,data:{call}}` (w6w). §6.12 */
	rescheduleEnvelope: 'dataEventCall' | 'messageStatusData';
	/** `GET /v1/contacts/detail` query parameter: `contactId` (w6w, integrators) or `id` (French notes). §6.11 */
	contactDetailParam: 'contactId' | 'id';
	/** `POST /v1/eventCalls`: `secondaryQuestionsAnswer` required (w6w) or optional (vendor example). §6.10 */
	bookingRequiresSecondaryAnswers: boolean;
	/** `GET /v1/contacts/journey` exists (MCP only) or answers 404. §6.13 */
	journeyEndpoint: boolean;
	/** Outcome cross-field rules (French notes, unverified): enforced or not. §2.3 */
	outcomeRules: 'strict' | 'lenient';
	/** Rate-limit headers besides Retry-After: none (w6w observation), `RateLimit-*` (api-docs-dev) or `X-RateLimit-*` (French notes). */
	rateLimitHeaders: 'none' | 'ratelimit' | 'x-ratelimit';
	/** Whether the webhook subscription API exists. §2.11 */
	webhooksApi: 'enabled' | 'notFound' | 'forbidden';
	/** `POST /v1/webhooks` answer envelope. */
	webhookCreateEnvelope: 'flat' | 'data' | 'dataWebhook' | 'noSecret';
	/** `GET /v1/webhooks` answer envelope: `{data:[…]}`, `{data:{webhooks,count}}` or a bare array. */
	webhookListEnvelope: 'data' | 'dataWebhooks' | 'array';
	/** Subscription ids as JSON numbers or strings. */
	webhookIdType: 'number' | 'string';
	/** The field a subscription's signing secret is sent in (undocumented; any common spelling). */
	webhookSecretField: string;
	/** Event names refused by `POST /v1/webhooks` (400 with a fieldErrors entry for `events`). */
	rejectEvents: string[];
	/** Whether `POST /v1/outcomes` moves the call's `updatedAt` (the outcome lives on its task row; unverified, §2.3). */
	outcomeMovesUpdatedAt: boolean;
	/** Whether `PUT /v1/eventCalls/cancel` moves the call's `updatedAt` (unverified, §2.2). */
	cancelMovesUpdatedAt: boolean;
	/** Whether list items (`GET /v1/contacts`, `/v1/eventCalls`, `/v1/deals`, `/v1/transactions`) carry `updatedAt`; records still sort by it (§3.5: a production sample lacks it). */
	listsCarryUpdatedAt: boolean;
	/** Whether list items carry `createdAt` (same lists as `listsCarryUpdatedAt`). */
	listsCarryCreatedAt: boolean;
	/** Whether `PUT /v1/contacts` (any field, status included) moves the contact's `updatedAt` (§2.1). */
	contactUpdateMovesUpdatedAt: boolean;
	/** Whether `PUT /v1/eventCalls/reschedule` moves the call's `updatedAt` (§2.2). */
	rescheduleMovesUpdatedAt: boolean;
	/** `orderColumn` values refused with a 400 per path, e.g. `{'/v1/contacts': ['updatedAt']}` (§1.5). */
	refusedOrderColumns: Record<string, string[]>;
	/** Query parameters accepted but ignored, as an API that silently drops a filter would (e.g. `['types', 'page']`). */
	ignoredQuery: string[];
	/** Whether equal sort keys come in the same order on every request (ties by id); false: ties, and lists without `orderColumn`, in a random order each time (§1.5; an integrator saw unstable pages). */
	pagingStable: boolean;
	/** Whether answers carry a `Date` header with iClosed's clock (§1.3). */
	dateHeader: boolean;
	/** Whether a key must start with `iclosed_` (§1.2); false: any listed key works. */
	requireKeyPrefix: boolean;
	/** How many URLs an account may subscribe: several, or one (a second URL is refused with 400) (§3.5). */
	webhookUrlsPerAccount: 'many' | 'one';
}

export type Fault =
	| { kind: 'status'; status: number; body?: unknown; times?: number }
	| { kind: 'delay'; ms: number; times?: number }
	| { kind: 'reset'; times?: number }
	/** Executes the request (state changes), then destroys the socket without answering. */
	| { kind: 'resetAfterCommit'; times?: number }
	/** Runs `run` (e.g. a change in iClosed while a client is paging), then answers normally. */
	| { kind: 'before'; run: () => void; times?: number };

export interface FakeIClosedOptions {
	/** Default 0 (ephemeral). Always binds 127.0.0.1. */
	port?: number;
	/** Default 'none'; 'demo' = believable demo data. */
	seed?: 'demo' | 'none';
	/** Valid keys; default ['iclosed_test_key']. */
	apiKeys?: string[];
	/** -> 401 {"message":"API key expired"} */
	expiredKeys?: string[];
	/** -> 403 {"message":"Your plan does not include API access","code":"FORBIDDEN"} */
	noPlanKeys?: string[];
	/** Per endpoint (method + path) per key; default null (off). */
	rateLimit?: RateLimit | null;
	variants?: Partial<FakeVariants>;
	/** Base clock for "now" (past/upcoming calls, past slots, demo seed, timestamps); `fake.clock` moves it. Default: the real clock. */
	now?: () => Date;
}

export interface RecordedRequest {
	method: string;
	/** Path without the query string, e.g. `/v1/contacts`. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON, the raw string when not JSON, undefined when empty. */
	body: unknown;
	/** Response status; 0 when the connection was reset without an answer. */
	status: number;
	/** Arrival time (ms since epoch). */
	at: number;
}

export interface SignOptions {
	/** Default: the subscription's secret (or 'whsec_test' when sending to a URL with no subscription). */
	secret?: string;
	/** Default 'x-iclosed-signature'. */
	header?: string;
	/** Default 'hex'. */
	encoding?: 'hex' | 'base64';
	/** Default ''. */
	prefix?: 'sha256=' | '';
	/** `t=<unix>,v1=<sig>` computed over `${t}.${body}`. Default false. */
	timestamped?: boolean;
	/** Unix seconds used when timestamped (default: now). */
	timestamp?: number;
}

export type HookNaming = 'docs' | 'receivers' | 'legacy' | 'legacyPage' | 'dotted';

export interface DeliverOptions {
	/** `hookType` spelling; default 'docs'. */
	naming?: HookNaming;
	/** JSON array of one item (default, as the vendor docs say) or a single object. */
	format?: 'array' | 'object';
	/** Sign the raw body with HMAC-SHA256; unsigned when omitted. */
	sign?: SignOptions | boolean;
	/** Replaces the generated payload item (still wrapped in an array for format 'array' unless it is one). */
	payload?: unknown;
	/** Send only to this URL (whether or not a subscription exists for it). */
	url?: string;
	/** Call / contact the payload describes (default: the latest one in state, or a built-in sample). */
	callId?: number;
	contactId?: number;
	/** Extra request headers. */
	headers?: Record<string, string>;
}

export interface DeliveryResult {
	url: string;
	/** 0 when the request failed (connection refused…). */
	status: number;
	body: string;
	/** The exact bytes that were sent. */
	sentBody: string;
	sentHeaders: Record<string, string>;
}

export interface FakeIClosed {
	baseUrl: string;
	apiKey: string;
	requests: RecordedRequest[];
	clearRequests(): void;
	state: FakeState;
	/** iClosed's clock: every createdAt/updatedAt and past/upcoming decision reads it. */
	clock: FakeClock;
	setRateLimit(limit: FakeIClosedOptions['rateLimit'], route?: string): void;
	injectFault(route: string, fault: Fault): void;
	clearFaults(): void;
	setVariants(v: Partial<FakeVariants>): void;
	readonly variants: FakeVariants;
	addContacts(n: number): void;
	deliver(event: string, opts?: DeliverOptions): Promise<DeliveryResult[]>;
	close(): Promise<void>;
}
