import { numericIdLocator } from './locator';

/** Transactions (payments): From list or By ID. */
export const transactionLocator = numericIdLocator({
	resource: 'transaction',
	searchMethod: 'searchTransactions',
	idPlaceholder: 'e.g. 301',
	toItem: (t) => ({
		name: [t.name ?? t.email, t.value !== undefined ? String(t.value) : undefined, t.source].filter(Boolean).join(' · ') || `Transaction ${t.id}`,
		value: String(t.id),
	}),
});
