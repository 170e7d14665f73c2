import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { passesFilters } from '../IClosedTrigger/filters';
import type { PollSettings } from './settings';
import type { PollSource } from './sources';
import { simplifyRecord, toItemJson } from './toItem';

/**
 * Booking pages checked on the REST record, which names its page by id and link prefix (§2.1, §2.2);
 * records without a page (transactions) pass, as in the webhook trigger.
 */
function onBookingPage(record: IDataObject, pages: string[]): boolean {
	if (pages.length === 0) return true;
	const prefix = typeof record.linkPrefix === 'string' ? record.linkPrefix : undefined;
	const names = [
		record.eventId,
		prefix,
		prefix?.split('/').pop(),
		record.eventId === undefined ? undefined : record.name,
	]
		.filter((v) => v !== undefined && v !== null && v !== '')
		.map((v) => String(v).toLowerCase());
	if (names.length === 0) return true;
	return pages.some((page) => names.includes(page.toLowerCase()));
}

/** The item for a change, or undefined when a client-side condition turns it away. */
export function itemFor(
	source: PollSource,
	record: IDataObject,
	settings: PollSettings,
	receivedAt: string,
): INodeExecutionData | undefined {
	if (source.accepts && !source.accepts(record, settings.sourceFilters)) return undefined;
	if (!onBookingPage(record, settings.filters.bookingPages)) return undefined;
	const simplified = simplifyRecord(source, record, receivedAt);
	if (!passesFilters(simplified, { ...settings.filters, bookingPages: [] })) return undefined;
	return { json: toItemJson(source, record, simplified, settings.simplify) };
}
