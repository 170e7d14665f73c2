import type { IDataObject } from 'n8n-workflow';

/**
 * Events iClosed lists without a documented payload (deal.*, transaction.*; iclosed-api.md §2.11):
 * passed through as sent, with `event` set to the dotted name (it replaces a string `event` or
 * `hookType` naming the same thing) and `receivedAt` added.
 */
export function simplifyGeneric(payload: IDataObject, event: string, receivedAt: string): IDataObject {
	const rest = { ...payload };
	delete rest.hookType;
	return { ...rest, event, receivedAt };
}
