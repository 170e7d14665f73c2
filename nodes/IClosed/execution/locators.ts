import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { IClosedInputError } from '../../shared/inputError';
import { iClosedApiRequest } from '../../shared/transport/request';
import type { FieldDeclaration } from '../catalogue/types';
import { CONTACT_URL_REGEX } from '../description/locators';
import { toInteger } from '../wire/values';

/**
 * Turning what a resource locator holds into the ID iClosed wants. Most are a number already; two need
 * a lookup: a contact given by its preview ID (`contact_…`, from the app URL or a webhook), and an
 * event given as ID where the endpoint takes its link prefix (or the other way round).
 */

export interface LocatorValue {
	mode: string;
	value: string;
}

/** A locator parameter's `{mode, value}`, or a plain value mapped in by expression. */
export function readLocator(raw: unknown): LocatorValue | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw === 'object' && 'value' in (raw as object)) {
		const rl = raw as INodeParameterResourceLocator;
		const value = rl.value === undefined || rl.value === null ? '' : String(rl.value).trim();
		return value === '' ? undefined : { mode: String(rl.mode ?? 'id'), value };
	}
	const value = String(raw).trim();
	return value === '' ? undefined : { mode: 'id', value };
}

const PREVIEW_ID = /^contact_[A-Za-z0-9_-]+$/;
const CONTACT_SCAN_PAGES = 50;

function previewIdOf(locator: LocatorValue): string | undefined {
	if (PREVIEW_ID.test(locator.value)) return locator.value;
	const match = new RegExp(CONTACT_URL_REGEX).exec(locator.value);
	return match?.[1];
}

/**
 * iClosed has no "contact by preview ID" endpoint. `GET /v1/eventCalls?previewId=` is observed to work
 * (§2.2, undocumented) for contacts with a call; otherwise the contact list is scanned for the
 * `previewId` every contact record carries.
 */
async function contactIdByPreviewId(ctx: IExecuteFunctions, previewId: string, itemIndex: number): Promise<number> {
	const calls = await iClosedApiRequest.call(ctx, {
		method: 'GET',
		path: '/v1/eventCalls',
		query: { previewId, limit: 1 },
		itemIndex,
	});
	const call = ((calls as IDataObject)?.data as IDataObject | undefined)?.eventCalls as IDataObject[] | undefined;
	if (call?.[0]?.contactId !== undefined) return toInteger(call[0].contactId, 'Contact');
	for (let page = 0; page < CONTACT_SCAN_PAGES; page++) {
		const body = (await iClosedApiRequest.call(ctx, {
			method: 'GET',
			path: '/v1/contacts',
			query: { page, limit: 100 },
			itemIndex,
		})) as IDataObject;
		const contacts = ((body?.data as IDataObject | undefined)?.contacts ?? []) as IDataObject[];
		const found = contacts.find((c) => c.previewId === previewId);
		if (found) return toInteger(found.id, 'Contact');
		if (contacts.length < 100) break;
	}
	throw new IClosedInputError(
		`No iClosed contact has the preview ID ${previewId}`,
		'Check that the contact exists in this iClosed account and environment, or pick it from the list.',
	);
}

export async function resolveContactId(
	ctx: IExecuteFunctions,
	locator: LocatorValue,
	itemIndex: number,
): Promise<number> {
	const previewId = previewIdOf(locator);
	if (previewId) return await contactIdByPreviewId(ctx, previewId, itemIndex);
	return toInteger(locator.value, 'Contact');
}

async function eventDetail(ctx: IExecuteFunctions, query: IDataObject, itemIndex: number): Promise<IDataObject> {
	const body = (await iClosedApiRequest.call(ctx, {
		method: 'GET',
		path: '/v1/events/detail',
		query,
		itemIndex,
	})) as IDataObject;
	return ((body?.data as IDataObject | undefined) ?? body ?? {}) as IDataObject;
}

/** The event as the user gave it: an ID (list / By ID) or a link prefix. */
export function eventFormOf(locator: LocatorValue): { id?: number; linkPrefix?: string } {
	if (locator.mode === 'linkPrefix' || locator.value.includes('/')) return { linkPrefix: locator.value };
	return { id: toInteger(locator.value, 'Event') };
}

/** The event's numeric ID, looking it up by link prefix when that is what the user gave. */
export async function resolveEventId(ctx: IExecuteFunctions, locator: LocatorValue, itemIndex: number): Promise<number> {
	const form = eventFormOf(locator);
	if (form.id !== undefined) return form.id;
	const event = await eventDetail(ctx, { linkPrefix: form.linkPrefix }, itemIndex);
	return toInteger(event.id, 'Event');
}

/** The event's link prefix, looking it up by ID when that is what the user gave. */
export async function resolveEventLinkPrefix(
	ctx: IExecuteFunctions,
	locator: LocatorValue,
	itemIndex: number,
): Promise<string> {
	const form = eventFormOf(locator);
	if (form.linkPrefix !== undefined) return form.linkPrefix;
	const event = await eventDetail(ctx, { id: form.id }, itemIndex);
	if (typeof event.linkPrefix !== 'string' || event.linkPrefix === '') {
		throw new IClosedInputError(
			`iClosed returned no link prefix for event ${form.id}`,
			'Give the event by its link prefix (username/event-name, from its booking page URL) instead of its ID.',
		);
	}
	return event.linkPrefix;
}

/** A locator field → `[wireName, value]` pairs (events given in either form may map to two names). */
export async function resolveLocator(
	ctx: IExecuteFunctions,
	field: FieldDeclaration,
	locator: LocatorValue,
	itemIndex: number,
): Promise<Array<[string, unknown]>> {
	const apiName = field.apiName ?? field.name;
	if (field.locator === 'contact') return [[apiName, await resolveContactId(ctx, locator, itemIndex)]];
	if (field.locator !== 'event') return [[apiName, toInteger(locator.value, field.displayName)]];
	const wire = field.eventWire ?? 'id';
	if (wire === 'id') return [[apiName, await resolveEventId(ctx, locator, itemIndex)]];
	if (wire === 'linkPrefix') return [[apiName, await resolveEventLinkPrefix(ctx, locator, itemIndex)]];
	const names = field.eventApiNames ?? { id: apiName, linkPrefix: 'linkPrefix' };
	const form = eventFormOf(locator);
	return form.id !== undefined ? [[names.id, form.id]] : [[names.linkPrefix, form.linkPrefix]];
}
