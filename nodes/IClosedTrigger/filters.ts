import type { IDataObject } from 'n8n-workflow';

/**
 * Optional filters users ask for: the call type (Strategy / Discovery), specific booking pages
 * (iClosed "events"), and the outcome. Each applies only to deliveries that carry the value: outcome
 * payloads do not say the call type (§3.2), contacts have no outcome, so those pass that filter.
 */
export interface EventFilters {
	callTypes: string[];
	bookingPages: string[];
	outcomes: string[];
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
	};
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
}

function factsOf(item: IDataObject): Facts {
	const call = (item.call ?? {}) as IDataObject;
	const outcome = item.outcome as IDataObject | undefined;
	const page = (item.eventType ?? item.bookingPage ?? call.eventType ?? null) as IDataObject | null;
	return {
		callType: call.callType ?? (item.bookingPage as IDataObject | undefined)?.callType,
		page,
		outcome: outcome?.result,
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
	return true;
}
