import type { IDataObject } from 'n8n-workflow';

import { withoutSecrets } from '../../shared/secretFields';
import type { OperationDeclaration } from '../../shared/catalogue/types';

/**
 * Removing iClosed's envelopes (§1.5, §5): one item per record. Tolerant by design: envelopes are
 * inconsistent and partly unconfirmed, so a path that is not there falls back to the raw body rather
 * than failing a request that iClosed carried out.
 */

function at(body: unknown, path: string[]): unknown {
	let node: unknown = body;
	for (const key of path) {
		if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
		node = (node as IDataObject)[key];
	}
	return node;
}

export function firstRecord(body: unknown, paths: string[][]): IDataObject | undefined {
	for (const path of paths) {
		const found = at(body, path);
		if (typeof found === 'object' && found !== null && !Array.isArray(found)) return found as IDataObject;
	}
	return undefined;
}

export function firstArray(body: unknown, paths: string[][]): IDataObject[] | undefined {
	for (const path of paths) {
		const found = at(body, path);
		if (Array.isArray(found)) return found.map(asItem);
	}
	return undefined;
}

/** Any JSON value as an item: objects as they are, anything else under `value`. */
export function asItem(value: unknown): IDataObject {
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as IDataObject;
	return { value: value as IDataObject[keyof IDataObject] };
}

/** The body as n8n items, unchanged (an empty answer becomes `{ success: true }`). */
export function rawItems(body: unknown): IDataObject | IDataObject[] {
	if (body === undefined || body === null || body === '') return { success: true };
	if (Array.isArray(body)) return body.map(asItem);
	return asItem(body);
}

export function shapeOutput(
	declaration: OperationDeclaration,
	body: unknown,
	simplify: boolean,
): IDataObject | IDataObject[] {
	return withoutSecrets(unwrap(declaration, body, simplify));
}

function unwrap(declaration: OperationDeclaration, body: unknown, simplify: boolean): IDataObject | IDataObject[] {
	const output = declaration.output ?? { kind: 'raw' };
	if (output.kind === 'deleted') return { deleted: true };
	if (!simplify || output.kind === 'raw') return rawItems(body);
	if (output.kind === 'record') return firstRecord(body, output.paths) ?? rawItems(body);
	if (output.kind === 'records') return firstArray(body, output.paths) ?? rawItems(body);
	return output.simplify(body);
}
