import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { toTimeZone } from '../../../shared/dates';
import { IClosedInputError } from '../../../shared/inputError';
import { toNodeError } from '../../../shared/nodeErrors';
import { iClosedApiRequest } from '../../../shared/transport/request';
import type { OperationDeclaration } from '../../catalogue/types';
import { buildRequest } from '../../execution/buildRequest';
import { readLocator } from '../../execution/locators';
import { resolveDateRange } from './dateRange';
import { declaredField, rawDeclaredValue, withoutFields } from './declaredParameter';
import type { EventInfo } from './eventInfo';
import { lookupEvent } from './eventInfo';
import { UnexpectedSlotResponseError } from './slotResponse';
import type { Slot } from './slotTimes';
import { collectSlots } from './slotWindows';

/**
 * Event → Get Available Slots (`POST /v1/events/eventDates`, §2.4): every free slot of an event in
 * a date range, one item per slot, each ready to feed Call → Book (`start` is UTC with `Z`).
 *
 * Output per slot: `start` (UTC), `end` (UTC, when the event's length is known), `date` and `time`
 * (local in the requested zone), `timeZone`, `linkPrefix`, `eventId` (when known).
 */

/** The parameters this operation reads itself rather than through the catalogue's request builder. */
export const SLOT_PARAMETERS = { event: 'eventId', timeZone: 'timeZone', startDate: 'currentDate', endDate: 'endDate' };

const END_DATE_LABEL = 'End Date';

export const slotSearchProperties: INodeProperties[] = [
	{
		displayName: END_DATE_LABEL,
		name: SLOT_PARAMETERS.endDate,
		type: 'dateTime',
		default: '',
		description:
			'Last day to search (included), in the chosen time zone. Empty: seven days after the first day searched (today unless From Date is set). Longer ranges take one request per window of days iClosed answers.',
	},
];

function toSlotItem(slot: Slot, event: EventInfo, zone: string): IDataObject {
	const start = DateTime.fromMillis(slot.startMs, { zone: 'utc' });
	const item: IDataObject = { start: start.toISO() };
	if (event.durationMinutes) item.end = start.plus({ minutes: event.durationMinutes }).toISO();
	Object.assign(item, { date: slot.date, time: slot.time, timeZone: zone, linkPrefix: event.linkPrefix });
	if (event.id !== undefined) item.eventId = event.id;
	return item;
}

export async function getAvailableSlots(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IDataObject | IDataObject[]> {
	const raw = (wireName: string) => rawDeclaredValue(this, itemIndex, declaration, declaredField(declaration, wireName));
	const locator = readLocator(this.getNodeParameter(SLOT_PARAMETERS.event, itemIndex, undefined));
	if (!locator) {
		throw new IClosedInputError('Event is required', 'Pick the event, or give its numeric ID or link prefix (username/event-name).');
	}
	const zone = toTimeZone(raw(SLOT_PARAMETERS.timeZone) ?? this.getTimezone(), 'Time Zone');
	const now = DateTime.now();
	const range = resolveDateRange(
		{ start: raw(SLOT_PARAMETERS.startDate), end: this.getNodeParameter(SLOT_PARAMETERS.endDate, itemIndex, '') },
		zone,
		now,
		{ start: declaredField(declaration, SLOT_PARAMETERS.startDate)?.displayName ?? 'Start Date', end: END_DATE_LABEL },
	);
	// Routing and anything else declared goes through the catalogue's builder, as for any request.
	const { body: routing } = await buildRequest.call(
		this,
		itemIndex,
		withoutFields(declaration, [SLOT_PARAMETERS.event, SLOT_PARAMETERS.timeZone, SLOT_PARAMETERS.startDate]),
	);
	const event = await lookupEvent.call(this, locator, itemIndex);

	try {
		const slots = await collectSlots({
			range,
			zone,
			now,
			warn: (message) => this.logger.warn(message),
			fetchWindow: async (currentDate) =>
				await iClosedApiRequest.call(this, {
					method: 'POST',
					path: '/v1/events/eventDates',
					body: { ...(routing as IDataObject), linkPrefix: event.linkPrefix, timeZone: zone, currentDate },
					itemIndex,
					// eventDates only reads, so a 5xx or dropped connection is safe to repeat.
					readOnly: true,
				}),
		});
		return slots.map((slot) => toSlotItem(slot, event, zone));
	} catch (error) {
		if (error instanceof UnexpectedSlotResponseError) {
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex, description: error.description });
		}
		throw toNodeError(this.getNode(), error, itemIndex);
	}
}
