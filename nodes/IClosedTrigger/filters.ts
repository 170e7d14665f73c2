import type { IDataObject } from 'n8n-workflow';

import { findTriggerEvent } from './eventNames';

/**
 * Optional filters users ask for: the call type (Strategy / Discovery), specific booking pages
 * (iClosed "events"), the outcome, and a contact's status (the form step a "Contact created"
 * delivery is sent for). Each applies only to deliveries that carry the value: outcome payloads do not
 * say the call type (§3.2), contacts have no outcome, calls and outcomes no contact status, so those
 * pass that filter.
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
function outcomeCode(value: string): string {
	const upper = value.toUpperCase().replace(/[\s-]+/g, '_');
	return upper === 'SALE' ? 'WON' : upper;
}

interface Facts {
	callType?: unknown;
	page?: IDataObject | null;
	outcome?: unknown;
	contactStatus?: unknown;
}

function factsOf(item: IDataObject): Facts {
	const call = (item.call ?? {}) as IDataObject;
	const outcome = item.outcome as IDataObject | undefined;
	const page = (item.eventType ?? item.bookingPage ?? call.eventType ?? null) as IDataObject | null;
	return {
		callType: call.callType ?? (item.bookingPage as IDataObject | undefined)?.callType,
		page,
		outcome: outcome?.result,
		contactStatus: findTriggerEvent(String(item.event))?.family === 'contact' ? (item.contact as IDataObject | undefined)?.status : undefined,
	};
}

function pageMatches(page: IDataObject, wanted: string[]): boolean {
	const names = [page.id, page.slug, page.linkPrefix, page.name]
		.filter((v) => v !== null && v !== undefined && v !== '')
		.map((v) => String(v).toLowerCase());
	const slugOfPrefix = typeof page.linkPrefix === 'string' ? page.linkPrefix.split('/').pop()?.toLowerCase() : undefined;
	return wanted.some((w) => names.includes(w.toLowerCase()) || (slugOfPrefix !== undefined && slugOfPrefix === w.toLowerCase()));
}

/** Whether a simplified item passes the filters. */
export function passesFilters(item: IDataObject, filters: EventFilters): boolean {
	const facts = factsOf(item);
	if (filters.callTypes.length > 0 && typeof facts.callType === 'string' && !filters.callTypes.includes(facts.callType)) {
		return false;
	}
	if (filters.bookingPages.length > 0 && facts.page && (facts.page.id !== null || facts.page.name !== null)) {
		if (!pageMatches(facts.page, filters.bookingPages)) return false;
	}
	if (filters.outcomes.length > 0 && typeof facts.outcome === 'string') {
		if (!filters.outcomes.map(outcomeCode).includes(outcomeCode(facts.outcome))) return false;
	}
	if (filters.contactStatuses.length > 0 && typeof facts.contactStatus === 'string') {
		if (!statusMatches(facts.contactStatus, filters.contactStatuses)) return false;
	}
	return true;
}
