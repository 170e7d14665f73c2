import type { OperationDeclaration } from './types';

/**
 * Facts that follow from a declaration, kept beside the catalogue so that the UI properties
 * (description/), the request builder (execution/) and the README generator read the same answer.
 *
 * Where an operation's optional fields live: "Filters" for list reads, "Options" for other reads,
 * "Additional Fields" for writes (n8n's naming).
 */
export interface OptionalGroup {
	name: 'additionalFields' | 'filters' | 'options';
	displayName: string;
	placeholder: string;
}

export function optionalGroupOf(declaration: OperationDeclaration): OptionalGroup {
	if (declaration.list) return { name: 'filters', displayName: 'Filters', placeholder: 'Add Filter' };
	if (declaration.method === 'GET') return { name: 'options', displayName: 'Options', placeholder: 'Add Option' };
	return { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' };
}

/** Whether the operation offers the Simplify switch (its answer has an envelope worth removing). */
export function hasSimplify(declaration: OperationDeclaration): boolean {
	if (declaration.list) return false;
	const kind = declaration.output?.kind ?? 'raw';
	return kind === 'record' || kind === 'records' || kind === 'custom';
}

/** Where a field goes on the wire when the declaration does not say. */
export function defaultLocation(declaration: OperationDeclaration): 'query' | 'body' {
	return declaration.method === 'GET' || declaration.method === 'DELETE' ? 'query' : 'body';
}
