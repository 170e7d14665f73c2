import { fullName, numericIdLocator } from './locator';

/** Users (hosts, closers, setters): From list or By ID. */
export const userLocator = numericIdLocator({
	resource: 'user',
	searchMethod: 'searchUsers',
	idPlaceholder: 'e.g. 3',
	toItem: (u) => ({ name: [fullName(u), u.email].filter(Boolean).join(' · ') || `User ${u.id}`, value: String(u.id) }),
});
