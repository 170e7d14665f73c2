import { numericIdLocator } from './locator';

/** Calls: From list (searched by invitee name, email or phone) or By ID. */
export const callLocator = numericIdLocator({
	resource: 'call',
	searchMethod: 'searchCalls',
	idPlaceholder: 'e.g. 10234',
	toItem: (c) => ({
		name: [c.inviteeName ?? c.inviteeEmail, c.dateTimeUTC ?? c.dateTime, c.name].filter(Boolean).join(' · ') || `Call ${c.id}`,
		value: String(c.id),
	}),
});
