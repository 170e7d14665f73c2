import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fillPath } from '../../shared/declaredRequest';
import { IClosedInputError } from '../../shared/inputError';
import type { IClosedRequest } from '../../shared/transport/request';
import type { FieldDeclaration, OperationDeclaration } from '../../shared/catalogue/types';
import { defaultLocation, optionalGroupOf } from '../../shared/catalogue/derived';
import { locatorOf, readLocator } from '../locators';
import { convertScalar, isUnset } from '../wire/values';

/**
 * Parameters → one `IClosedRequest`, driven by the declaration: each field read from its parameter (or
 * the optional-field collection), checked, converted (IDs as numbers, dates to UTC `Z`, zones validated,
 * lists joined for queries) and put in the query, the body or the path. Unset values are left out.
 */

type Location = 'query' | 'body' | 'path';

interface Target {
	query: IDataObject;
	body: IDataObject;
	path: IDataObject;
}

function put(target: IDataObject, key: string, value: unknown): void {
	const existing = target[key];
	// Two fields may feed one array (e.g. both answer shapes of §6.14 into `inviteeQuestionAnswers`).
	if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value] as IDataObject[];
	else target[key] = value as IDataObject;
}

function missing(field: FieldDeclaration): IClosedInputError {
	return new IClosedInputError(
		`${field.displayName} is required`,
		field.description ? `${field.displayName}: ${field.description}` : undefined,
	);
}

/** A nested object (collection) or one entry of an object list, built from its declared fields. */
async function convertObject(
	ctx: IExecuteFunctions,
	fields: FieldDeclaration[],
	raw: IDataObject,
	zone: string,
	itemIndex: number,
): Promise<IDataObject> {
	const out: IDataObject = {};
	for (const field of fields) {
		for (const [key, value] of await convertField(ctx, field, raw[field.name], 'body', zone, itemIndex)) {
			put(out, key, value);
		}
	}
	return out;
}

/** One field's value → the `[wireName, value]` pairs it sends (none when unset). */
export async function convertField(
	ctx: IExecuteFunctions,
	field: FieldDeclaration,
	raw: unknown,
	where: Location,
	zone: string,
	itemIndex: number,
): Promise<Array<[string, unknown]>> {
	const apiName = field.apiName ?? field.name;
	if (field.kind === 'locator') {
		const locator = readLocator(raw);
		if (!locator) {
			if (field.required) throw missing(field);
			return [];
		}
		return await locatorOf(field).resolve(ctx, field, locator, itemIndex);
	}
	if (field.kind === 'collection') {
		const value = await convertObject(ctx, field.fields ?? [], (raw ?? {}) as IDataObject, zone, itemIndex);
		if (Object.keys(value).length === 0) {
			if (field.required) throw missing(field);
			return [];
		}
		return [[apiName, value]];
	}
	if (field.kind === 'objectList') {
		const entries = ((raw as IDataObject | undefined)?.values ?? []) as IDataObject[];
		const list: IDataObject[] = [];
		for (const entry of entries) list.push(await convertObject(ctx, field.fields ?? [], entry, zone, itemIndex));
		const nonEmpty = list.filter((o) => Object.keys(o).length > 0);
		if (nonEmpty.length === 0) {
			if (field.required) throw missing(field);
			return [];
		}
		return [[apiName, nonEmpty]];
	}
	// n8n fills untouched number fields with 0; iClosed IDs start at 1, so 0 means "not set".
	const unset = isUnset(raw) || (field.kind === 'integer' && !field.allowZero && Number(raw) === 0);
	if (unset) {
		if (field.required && field.kind !== 'boolean') throw missing(field);
		return field.kind === 'boolean' && field.required ? [[apiName, false]] : [];
	}
	return [[apiName, convertScalar(field, raw, zone, where)]];
}

/** Fields iClosed only accepts as a pair (e.g. `orderColumn` + `orderBy`, §1.5), or one of a group. */
function checkTogether(declaration: OperationDeclaration, target: Target): void {
	const label = (name: string) =>
		declaration.fields.find((f) => (f.apiName ?? f.name) === name)?.displayName ?? name;
	const sentOf = (group: string[]) => group.filter((name) => name in target.query || name in target.body);
	for (const group of declaration.atLeastOne ?? []) {
		if (sentOf(group).length === 0) {
			throw new IClosedInputError(`${group.map(label).join(' or ')} is required`, `Set at least one of: ${group.map(label).join(', ')}.`);
		}
	}
	for (const group of declaration.together ?? []) {
		const sent = sentOf(group);
		if (sent.length > 0 && sent.length < group.length) {
			throw new IClosedInputError(
				`${group.map(label).join(' and ')} must be set together`,
				`Set ${group.filter((n) => !sent.includes(n)).map(label).join(', ')} as well, or neither.`,
			);
		}
	}
}

/** The raw value of a declared field: its own parameter, or its entry in the optional collection. */
function rawValue(ctx: IExecuteFunctions, field: FieldDeclaration, i: number, optional: IDataObject): unknown {
	if (field.required || field.topLevel) return ctx.getNodeParameter(field.name, i, undefined);
	return optional[field.name];
}

/**
 * What the user gave for a declared field (by parameter name), before any conversion, or for one of
 * the operation's extra parameters. For the checks that need what was typed, e.g. a local time that
 * happens twice, which the conversion to UTC would hide.
 */
export function rawParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
	name: string,
): unknown {
	const field = declaration.fields.find((f) => f.name === name);
	if (!field) return ctx.getNodeParameter(name, itemIndex, undefined);
	const optional = field.required || field.topLevel ? {} : (ctx.getNodeParameter(optionalGroupOf(declaration).name, itemIndex, {}) as IDataObject);
	return rawValue(ctx, field, itemIndex, optional);
}

export async function buildRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IClosedRequest> {
	const zone = this.getTimezone();
	const group = optionalGroupOf(declaration);
	const hasOptional = declaration.fields.some((f) => !f.required && !f.topLevel);
	const optional = hasOptional ? (this.getNodeParameter(group.name, itemIndex, {}) as IDataObject) : {};
	const target: Target = { query: {}, body: {}, path: {} };
	for (const field of declaration.fields) {
		if (field.readByOperation) continue;
		const where: Location = field.in ?? defaultLocation(declaration);
		const raw = rawValue(this, field, itemIndex, optional);
		for (const [key, value] of await convertField(this, field, raw, where, zone, itemIndex)) {
			put(target[where], key, value);
		}
	}
	checkTogether(declaration, target);
	const hasBody = declaration.method !== 'GET' && declaration.method !== 'DELETE';
	return {
		method: declaration.method,
		path: fillPath(declaration.path, target.path),
		query: Object.keys(target.query).length > 0 ? target.query : undefined,
		body: hasBody ? target.body : undefined,
		itemIndex,
	};
}
