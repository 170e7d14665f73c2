import type { IDataObject } from 'n8n-workflow';

import { familyOf } from './eventList';

/**
 * The Filters of both triggers (the parameter: filtersProperty.ts): the call type (Strategy /
 * Discovery), specific booking pages (iClosed "events"), the outcome, and a contact's status (the form
 * step a "Contact created" delivery is sent for). Each applies only to events that carry the value:
 * outcome payloads do not say the call type (§3.2), contacts have no outcome, calls and outcomes no
 * contact status, so those pass that filter. Checked on the item (the event model), whichever trigger
 * made it; only the booking page may come from the source, where it says more than the item does.
 */
export interface EventFilters {
	callTypes: string[];
	bookingPages: string[];
	outcomes: string[];
	contactStatuses: string[];
}

function list(value: unknown): string[] {
	const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === undefined ? [] : [value];
	return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

export function readFilters(raw: unknown): EventFilters {
	const filters = (typeof raw === 'object' && raw !== null ? raw : {}) as IDataObject;
	return {
		callTypes: list(filters.callTypes).map((t) => t.toUpperCase()),
		bookingPages: list(filters.bookingPages),
		outcomes: list(filters.outcomes).map((o) => o.toUpperCase()),
		contactStatuses: list(filters.contactStatuses).map(statusCode),
	};
}

/**
 * "Potential 1", "POTENTIAL_2" and "potential" all count as POTENTIAL: the help centre names two
 * Potential steps, the API one POTENTIAL status (§2.1); how a delivery spells the step is unknown.
 */
function statusCode(value: string): string {
	return value.toUpperCase().trim().replace(/[\s-]+/g, '_');
}

function statusMatches(status: string, wanted: string[]): boolean {
	const code = statusCode(status);
	return wanted.some((w) => code === w || code.startsWith(`${w}_`) || (code.startsWith(w) && /^\d+$/.test(code.slice(w.length))));
}

/** The webhook says SALE where the API and this filter say WON (iclosed-api.md §6.20). */
export function outcomeCode(value: string): string {
	const upper = value.toUpperCase().replace(/[\s-]+/g, '_');
	return upper === 'SALE' ? 'WON' : upper;
}

/** What a booking page is known by: its id, name, slug or link prefix (`username/event-name`, §4). */
export interface BookingPage {
	id?: unknown;
	name?: unknown;
	slug?: unknown;
	linkPrefix?: unknown;
}

/**
 * The one booking-page matcher: a page is wanted when one of `wanted` (ids, names, link prefixes or
 * slugs, any case) is its id, name, slug, link prefix or the link prefix's last segment (its slug). A
 * page known by none of these passes: nothing says it is another page.
 */
export function isWantedBookingPage(page: BookingPage | null | undefined, wanted: string[]): boolean {
	const prefix = typeof page?.linkPrefix === 'string' ? page.linkPrefix : undefined;
	const names = [page?.id, page?.name, page?.slug, prefix, prefix?.split('/').pop()]
		.filter((v) => v !== null && v !== undefined && v !== '')
		.map((v) => String(v).toLowerCase());
	return names.length === 0 || wanted.some((w) => names.includes(w.toLowerCase()));
}

/** What the filters look at in an item of the event model (either trigger's). */
function factsOf(item: IDataObject) {
	const call = (item.call ?? {}) as IDataObject;
	const outcome = item.outcome as IDataObject | undefined;
	return {
		callType: call.callType ?? (item.bookingPage as IDataObject | undefined)?.callType,
		page: (item.eventType ?? item.bookingPage ?? call.eventType ?? null) as BookingPage | null,
		outcome: outcome?.result,
		contactStatus: familyOf(String(item.event)) === 'contact' ? (item.contact as IDataObject | undefined)?.status : undefined,
	};
}

/**
 * Whether an item passes the filters. `sourcePage` is the booking page as the source names it, where it
 * says more than the item does (a REST call record has the page's whole link prefix, the item its slug).
 */
export function passesFilters(item: IDataObject, filters: EventFilters, sourcePage?: BookingPage | null): boolean {
	const facts = factsOf(item);
	const page = sourcePage === undefined ? facts.page : sourcePage;
	if (filters.callTypes.length > 0 && typeof facts.callType === 'string' && !filters.callTypes.includes(facts.callType)) {
		return false;
	}
	if (filters.bookingPages.length > 0 && !isWantedBookingPage(page, filters.bookingPages)) return false;
	if (filters.outcomes.length > 0 && typeof facts.outcome === 'string') {
		if (!filters.outcomes.map(outcomeCode).includes(outcomeCode(facts.outcome))) return false;
	}
	if (filters.contactStatuses.length > 0 && typeof facts.contactStatus === 'string') {
		if (!statusMatches(facts.contactStatus, filters.contactStatuses)) return false;
	}
	return true;
}
