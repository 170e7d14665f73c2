import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldDeclaration, OperationDeclaration } from '../../catalogue/types';
import { optionalGroupOf } from '../../catalogue/derived';

/**
 * The raw parameter behind a declared field, found by its wire name, before the catalogue's
 * conversion: the booking checks need what the user typed (e.g. a local time that does not exist),
 * not what it became.
 */
export function declaredField(declaration: OperationDeclaration, wireName: string): FieldDeclaration | undefined {
	return declaration.fields.find((f) => (f.apiName ?? f.name) === wireName || f.name === wireName);
}

export function rawDeclaredValue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
	field: FieldDeclaration | undefined,
): unknown {
	if (!field) return undefined;
	if (field.required || field.topLevel) return ctx.getNodeParameter(field.name, itemIndex, undefined);
	const group = ctx.getNodeParameter(optionalGroupOf(declaration).name, itemIndex, {}) as IDataObject;
	return group[field.name];
}

/** The declaration without some fields, for the catalogue's request builder to read the rest. */
export function withoutFields(declaration: OperationDeclaration, names: string[]): OperationDeclaration {
	return { ...declaration, fields: declaration.fields.filter((f) => !names.includes(f.name)) };
}
