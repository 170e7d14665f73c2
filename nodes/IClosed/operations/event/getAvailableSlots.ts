import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { toTimeZone } from '../../../shared/dates';
import { IClosedInputError } from '../../../shared/inputError';
import { toNodeError } from '../../../shared/nodeErrors';
import type { SpecialOperation } from '../../execution/declaredOperation';
import { readLocator } from '../../locators';
import { send } from '../../../shared/declaredRequest';
import { resolveDateRange } from './dateRange';
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

/**
 * The declared fields this operation reads itself (marked `readByOperation` in the catalogue): the
 * event is looked up once for its link prefix and length, the zone and first day shape every window.
 */
const EVENT = 'eventId';
const TIME_ZONE = 'timeZone';
const START_DATE = 'currentDate';
/** Its own parameter (the declaration's `extraProperties`). */
const END_DATE = 'endDate';

function toSlotItem(slot: Slot, event: EventInfo, zone: string): IDataObject {
	const start = DateTime.fromMillis(slot.startMs, { zone: 'utc' });
	const item: IDataObject = { start: start.toISO() };
	if (event.durationMinutes) item.end = start.plus({ minutes: event.durationMinutes }).toISO();
	Object.assign(item, { date: slot.date, time: slot.time, timeZone: zone, linkPrefix: event.linkPrefix });
	if (event.id !== undefined) item.eventId = event.id;
	return item;
}

export const getAvailableSlots: SpecialOperation = async function (itemIndex, { declaration, request, raw }) {
	const locator = readLocator(raw(EVENT));
	if (!locator) {
		throw new IClosedInputError('Event is required', 'Pick the event, or give its numeric ID or link prefix (username/event-name).');
	}
	const zone = toTimeZone(raw(TIME_ZONE) ?? this.getTimezone(), 'Time Zone');
	const now = DateTime.now();
	const label = (name: string) =>
		[...declaration.fields, ...(declaration.extraProperties ?? [])].find((f) => f.name === name)?.displayName ?? name;
	const range = resolveDateRange({ start: raw(START_DATE), end: raw(END_DATE) ?? '' }, zone, now, {
		start: label(START_DATE),
		end: label(END_DATE),
	});
	const event = await lookupEvent.call(this, locator, itemIndex);

	try {
		const slots = await collectSlots({
			range,
			zone,
			now,
			warn: (message) => this.logger.warn(message),
			fetchWindow: async (currentDate) =>
				await send(this, {
					...request,
					// Routing and anything else declared comes built; the event, zone and day are set here.
					body: { ...(request.body as IDataObject), linkPrefix: event.linkPrefix, timeZone: zone, currentDate },
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
};
