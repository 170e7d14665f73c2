/**
 * Custom-field answers as one object keyed by field identifier, the way users map them into a CRM.
 * Current call and contact deliveries send `contactFields: { "<identifier>": value }`, the identifier
 * sometimes wrapped as `{{call.learning-purpose}}` (iclosed-api.md §3.5); the wrapping is removed.
 * Rows (`[{identifier, value}]`, as the REST API lists answers) are read too. Values are kept as
 * iClosed sent them; the first answer for an identifier wins.
 */
const WRAPPED = /^\{\{\s*(.*?)\s*\}\}$/;

export function fieldIdentifier(raw: unknown): string | null {
	if (typeof raw !== 'string' && typeof raw !== 'number') return null;
	const text = String(raw).trim();
	const identifier = (WRAPPED.exec(text)?.[1] ?? text).trim();
	return identifier === '' ? null : identifier;
}

function rowsOf(fields: unknown): Array<[unknown, unknown]> {
	if (Array.isArray(fields)) {
		return fields
			.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
			.map((row) => [row.identifier ?? row.key ?? row.name, row.value ?? row.answer ?? null]);
	}
	if (typeof fields === 'object' && fields !== null) return Object.entries(fields);
	return [];
}

export function customFieldsOf(fields: unknown): Record<string, unknown> {
	// A Map, then fromEntries: identifiers such as `__proto__` or `constructor` stay plain keys.
	const result = new Map<string, unknown>();
	for (const [raw, value] of rowsOf(fields)) {
		const identifier = fieldIdentifier(raw);
		if (identifier !== null && !result.has(identifier)) result.set(identifier, value ?? null);
	}
	return Object.fromEntries(result);
}
