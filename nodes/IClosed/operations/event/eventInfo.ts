import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../../../shared/nodeErrors';
import type { LocatorValue } from '../../locators';
import { eventFormOf, fetchEventDetail } from '../../locators/event';

/**
 * What the slot search needs to know about an event: eventDates takes only its link prefix (§2.4),
 * and the event's length turns each slot's start into an end. Event → Get (`fetchEventDetail`) answers all of
 * it for an ID or a link prefix, and tells an unknown event apart before any slot is asked for.
 */
export interface EventInfo {
	id?: number;
	linkPrefix: string;
	/** Length of one call; unknown when iClosed does not say. */
	durationMinutes?: number;
}

/** One successful look-up per event per execution, however many items ask for it. */
const lookups = new WeakMap<object, Map<string, EventInfo>>();

function durationOf(event: IDataObject): number | undefined {
	const amount = Number(event.duration);
	if (!Number.isFinite(amount) || amount <= 0) return undefined;
	return String(event.durationUnit ?? 'MINUTES').toUpperCase().startsWith('HOUR') ? amount * 60 : amount;
}

/** The event record in the detail answer (`{data:{…}}`, or bare); undefined without a link prefix. */
export function eventInfoOf(body: unknown, asked: { id?: number; linkPrefix?: string }): EventInfo | undefined {
	const root = (body ?? {}) as IDataObject;
	const event = (typeof root.data === 'object' && root.data !== null ? root.data : root) as IDataObject;
	const id = Number(event.id ?? asked.id);
	const linkPrefix =
		typeof event.linkPrefix === 'string' && event.linkPrefix !== '' ? event.linkPrefix : asked.linkPrefix;
	if (!linkPrefix) return undefined;
	return { id: Number.isInteger(id) && id > 0 ? id : undefined, linkPrefix, durationMinutes: durationOf(event) };
}

async function fetchEventInfo(ctx: IExecuteFunctions, locator: LocatorValue, itemIndex: number): Promise<EventInfo> {
	const form = eventFormOf(locator);
	let body: unknown;
	try {
		body = await fetchEventDetail(ctx, form, itemIndex);
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			const which = form.id !== undefined ? `ID ${form.id}` : `link prefix "${form.linkPrefix}"`;
			throw new NodeOperationError(ctx.getNode(), `iClosed has no event with ${which}`, {
				itemIndex,
				description:
					'Pick the event from the list, or check that the ID or link prefix (username/event-name) belongs to this iClosed account and environment.',
			});
		}
		// §2.4 says detail takes `linkPrefix` [V only]; if iClosed refuses it, the slot search can still
		// go ahead with the link prefix alone, just without end times.
		if (error instanceof NodeApiError && error.httpCode === '400' && form.linkPrefix) {
			return { linkPrefix: form.linkPrefix };
		}
		throw toNodeError(ctx.getNode(), error, itemIndex);
	}
	const info = eventInfoOf(body, form);
	if (!info) {
		throw new NodeOperationError(ctx.getNode(), `iClosed returned no link prefix for event ${form.id}`, {
			itemIndex,
			description: 'Give the event by its link prefix (username/event-name) instead.',
		});
	}
	return info;
}

export async function lookupEvent(
	this: IExecuteFunctions,
	locator: LocatorValue,
	itemIndex: number,
): Promise<EventInfo> {
	let cache = lookups.get(this);
	if (!cache) lookups.set(this, (cache = new Map()));
	const key = `${locator.mode}:${locator.value}`;
	const known = cache.get(key);
	if (known) return known;
	const info = await fetchEventInfo(this, locator, itemIndex);
	cache.set(key, info);
	return info;
}
