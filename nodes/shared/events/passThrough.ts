import type { IDataObject } from 'n8n-workflow';

/**
 * The item of an event without a documented shape (deal.*, transaction.*; iclosed-api.md §2.11), from
 * either source: the payload or record as iClosed sent it, with `event` set to the dotted name (it
 * replaces a string `event` or `hookType` naming the same thing) and `receivedAt` added.
 */
export function passThroughItem(payload: IDataObject, event: string, receivedAt: string): IDataObject {
	const rest = { ...payload };
	delete rest.hookType;
	return { ...rest, event, receivedAt };
}
