import type { FieldDeclaration, OperationDeclaration } from './types';

/**
 * Query parameters of a declared endpoint, for code that builds a request itself (the polling trigger's
 * list reads, the webhook trigger's registration): a parameter is sent only under the wire name its
 * declaration gives, and a fixed value only if the declaration offers it. Asking for anything else is a
 * bug in the node, not in a workflow, and throws at once (every test that loads the node fails).
 */

function fieldOf(declaration: OperationDeclaration, name: string): FieldDeclaration {
	const field = declaration.fields.find((f) => f.name === name);
	if (!field) {
		throw new Error(`${declaration.resource}:${declaration.value} declares no parameter ${name}`);
	}
	return field;
}

/** The wire name of a declared parameter. */
export function paramName(declaration: OperationDeclaration, name: string): string {
	const field = fieldOf(declaration, name);
	return field.apiName ?? field.name;
}

/** `value`, once checked to be one the declaration offers for the parameter. */
export function offeredValue(declaration: OperationDeclaration, name: string, value: string): string {
	if (!(fieldOf(declaration, name).options ?? []).some((option) => option.value === value)) {
		throw new Error(`${declaration.resource}:${declaration.value} offers no ${value} for ${name}`);
	}
	return value;
}

/** `{ wireName: value }` for one of the values the declaration offers for the parameter. */
export function declaredValue(
	declaration: OperationDeclaration,
	name: string,
	value: string,
): Record<string, string> {
	return { [paramName(declaration, name)]: offeredValue(declaration, name, value) };
}

/** Sorted by one of the declared order columns (`orderColumn` + `orderBy`, §1.5). */
export function orderedBy(
	declaration: OperationDeclaration,
	column: string,
	direction: 'asc' | 'desc',
): Record<string, string> {
	return {
		...declaredValue(declaration, 'orderColumn', column),
		...declaredValue(declaration, 'orderBy', direction),
	};
}

/** The page size a reader that takes a short page for the end of the list can trust (types.ts). */
export function trustedPageSize(declaration: OperationDeclaration): number {
	const list = declaration.list;
	if (!list) throw new Error(`${declaration.resource}:${declaration.value} is not a list`);
	return list.confirmedPageSize ?? list.maxPageSize;
}
