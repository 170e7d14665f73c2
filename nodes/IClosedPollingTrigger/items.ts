import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { BookingPage } from '../shared/events/filters';
import { passesFilters } from '../shared/events/filters';
import { withoutSecrets } from '../shared/secretFields';
import type { PollSettings } from './settings';
import type { PollSource } from './sources';
import { recordItem } from './toItem';

/**
 * The booking page as a REST record names it (§2.1, §2.2): by `eventId` and, on calls, by its whole
 * link prefix and its name, which say more than the item's slug. `name` is the page's only beside an
 * `eventId`; a record without either (a payment) names no page and passes.
 */
function bookingPageOf(record: IDataObject): BookingPage {
	return { id: record.eventId, linkPrefix: record.linkPrefix, name: record.eventId === undefined ? undefined : record.name };
}

/** The item for a change, or undefined when a client-side condition turns it away. */
export function itemFor(
	source: PollSource,
	record: IDataObject,
	settings: PollSettings,
	receivedAt: string,
): INodeExecutionData | undefined {
	if (source.accepts && !source.accepts(record, settings.sourceFilters)) return undefined;
	const item = recordItem(source, record, receivedAt);
	if (!passesFilters(item, settings.filters, bookingPageOf(record))) return undefined;
	// Secret fields are dropped by the rule every other output of the package goes through (secretFields.ts).
	return { json: withoutSecrets(settings.simplify ? item : { ...record, event: source.event }) };
}
