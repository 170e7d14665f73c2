import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { IClosedInputError } from '../../shared/inputError';
import { declarationOf, requestTo, send } from '../../shared/declaredRequest';
import { toInteger } from '../wire/values';
import type { LocatorKindModule, LocatorValue } from './locator';
import { TEXT_MODE, idMode, listMode, searchDeclaredList } from './locator';

/**
 * Events (booking pages): From list, By ID, By Slug (`username/event-name`, §4). Endpoints take
 * one form or the other (the field's `eventWire`); the other is looked up with Event → Get.
 */

/** An event's link prefix: `username/event-name` (§4). */
const LINK_PREFIX_REGEX = '^\\s*[^\\s/]+/[^\\s/]+\\s*$';

export interface EventForm {
	id?: number;
	linkPrefix?: string;
}

/** The event as the user gave it: an ID (list / By ID) or a link prefix. */
export function eventFormOf(locator: LocatorValue): EventForm {
	if (locator.mode === 'linkPrefix' || locator.value.includes('/')) return { linkPrefix: locator.value };
	return { id: toInteger(locator.value, 'Event') };
}

/** Event → Get's answer for an event given by ID or by link prefix: the one event-detail lookup. */
export async function fetchEventDetail(ctx: IExecuteFunctions, form: EventForm, itemIndex: number): Promise<unknown> {
	const query = form.id !== undefined ? { id: form.id } : { linkPrefix: form.linkPrefix };
	return await send(ctx, requestTo(declarationOf('event', 'get'), { query, itemIndex }));
}

async function eventRecord(ctx: IExecuteFunctions, form: EventForm, itemIndex: number): Promise<IDataObject> {
	const body = (await fetchEventDetail(ctx, form, itemIndex)) as IDataObject;
	return ((body?.data as IDataObject | undefined) ?? body ?? {}) as IDataObject;
}

/** The event's numeric ID, looking it up by link prefix when that is what the user gave. */
async function resolveEventId(ctx: IExecuteFunctions, locator: LocatorValue, itemIndex: number): Promise<number> {
	const form = eventFormOf(locator);
	if (form.id !== undefined) return form.id;
	return toInteger((await eventRecord(ctx, form, itemIndex)).id, 'Event');
}

/** The event's link prefix, looking it up by ID when that is what the user gave. */
async function resolveEventLinkPrefix(ctx: IExecuteFunctions, locator: LocatorValue, itemIndex: number): Promise<string> {
	const form = eventFormOf(locator);
	if (form.linkPrefix !== undefined) return form.linkPrefix;
	const event = await eventRecord(ctx, form, itemIndex);
	if (typeof event.linkPrefix !== 'string' || event.linkPrefix === '') {
		throw new IClosedInputError(
			`iClosed returned no link prefix for event ${form.id}`,
			'Give the event by its link prefix (username/event-name, from its booking page URL) instead of its ID.',
		);
	}
	return event.linkPrefix;
}

const SEARCH_METHOD = 'searchEvents';

export const eventLocator: LocatorKindModule = {
	searchMethod: SEARCH_METHOD,
	modes: [
		listMode(SEARCH_METHOD, 'event'),
		idMode('e.g. 12'),
		{
			displayName: 'By Slug',
			name: 'linkPrefix',
			type: TEXT_MODE,
			placeholder: 'e.g. jane/strategy-call',
			hint: 'The booking page’s link prefix: username/event-name',
			validation: [
				{
					type: 'regex',
					properties: { regex: LINK_PREFIX_REGEX, errorMessage: 'Not a link prefix (username/event-name)' },
				},
			],
		},
	],
	async search(filter, token) {
		return await searchDeclaredList(this, declarationOf('event', 'getMany'), (e) => ({
			name: `${String(e.name ?? `Event ${e.id}`)}${e.linkPrefix ? ` (${String(e.linkPrefix)})` : ''}`,
			value: String(e.id),
		}), filter, token);
	},
	/** Events given in either form may map to two wire names (`eventWire: 'either'`). */
	async resolve(ctx, field, locator, itemIndex) {
		const apiName = field.apiName ?? field.name;
		const wire = field.eventWire ?? 'id';
		if (wire === 'id') return [[apiName, await resolveEventId(ctx, locator, itemIndex)]];
		if (wire === 'linkPrefix') return [[apiName, await resolveEventLinkPrefix(ctx, locator, itemIndex)]];
		const names = field.eventApiNames ?? { id: apiName, linkPrefix: 'linkPrefix' };
		const form = eventFormOf(locator);
		return form.id !== undefined ? [[names.id, form.id]] : [[names.linkPrefix, form.linkPrefix]];
	},
};
