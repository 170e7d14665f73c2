import type { INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

import type { FieldDeclaration, LoadOptionsKind } from '../../shared/catalogue/types';
import { locatorOf } from '../locators';

/** One declared field → the n8n parameter that edits it. */

const LOAD_OPTIONS_METHOD: Record<LoadOptionsKind, string> = {
	contactStages: 'getContactStages',
	customFields: 'getCustomFields',
	products: 'getProducts',
};

const EXPRESSION_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

function sortedOptions(field: FieldDeclaration): INodePropertyOptions[] {
	return [...(field.options ?? [])]
		.map((o) => ({ name: o.name, value: o.value, ...(o.description ? { description: o.description } : {}) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

function defaultFor(field: FieldDeclaration): NodeParameterValueType {
	if (field.default !== undefined) return field.default;
	switch (field.kind) {
		case 'integer':
		case 'number':
			return 0;
		case 'boolean':
			return false;
		case 'multiOptions':
		case 'stringArray':
			return [];
		case 'options':
			return field.loadOptions ? '' : (sortedOptions(field)[0]?.value ?? '');
		case 'json':
			return '{}';
		case 'collection':
		case 'objectList':
			return {};
		default:
			return '';
	}
}

function describe(field: FieldDeclaration): string | undefined {
	if (!field.loadOptions) return field.description;
	return field.description ? `${field.description}. ${EXPRESSION_HINT}.` : `${EXPRESSION_HINT}.`;
}

export function fieldProperty(field: FieldDeclaration, inCollection = false): INodeProperties {
	const base = {
		displayName: field.loadOptions && !/Name or ID$/.test(field.displayName) ? `${field.displayName} Name or ID` : field.displayName,
		name: field.name,
		description: describe(field),
		...(field.hint ? { hint: field.hint } : {}),
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.required && !inCollection && field.kind !== 'boolean' ? { required: true } : {}),
	};
	switch (field.kind) {
		case 'locator':
			return { ...base, type: 'resourceLocator', default: { mode: 'list', value: '' }, modes: locatorOf(field).modes };
		case 'integer':
		case 'number': {
			const typeOptions = {
				...(field.kind === 'integer' ? { numberPrecision: 0 } : {}),
				...(field.minValue !== undefined ? { minValue: field.minValue } : {}),
				...(field.maxValue !== undefined ? { maxValue: field.maxValue } : {}),
			};
			return { ...base, type: 'number', default: defaultFor(field), typeOptions };
		}
		case 'boolean':
			return { ...base, type: 'boolean', default: defaultFor(field) };
		case 'dateTime':
		case 'date':
			return { ...base, type: 'dateTime', default: defaultFor(field) };
		case 'text':
			return { ...base, type: 'string', default: defaultFor(field), typeOptions: { rows: 4 } };
		case 'email':
			return { ...base, type: 'string', default: defaultFor(field), placeholder: field.placeholder ?? 'name@email.com' };
		case 'options':
		case 'multiOptions':
			return {
				...base,
				type: field.kind,
				default: defaultFor(field),
				...(field.loadOptions
					? {
							typeOptions: {
								loadOptionsMethod: LOAD_OPTIONS_METHOD[field.loadOptions],
								...(field.loadOptionsDependsOn ? { loadOptionsDependsOn: field.loadOptionsDependsOn } : {}),
							},
						}
					: { options: sortedOptions(field) }),
			};
		case 'stringArray':
			return {
				...base,
				type: 'string',
				default: defaultFor(field),
				typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${field.displayName.replace(/s$/, '')}` },
			};
		case 'json':
			return { ...base, type: 'json', default: defaultFor(field) };
		case 'collection':
			return {
				...base,
				type: 'collection',
				default: {},
				placeholder: field.placeholder ?? 'Add Field',
				options: sortedFields(field.fields ?? []).map((f) => fieldProperty(f, true)),
			};
		case 'objectList':
			return {
				...base,
				type: 'fixedCollection',
				default: {},
				placeholder: field.placeholder ?? `Add ${field.displayName.replace(/s$/, '')}`,
				typeOptions: { multipleValues: true },
				options: [
					{
						displayName: field.displayName,
						name: 'values',
						values: (field.fields ?? []).map((f) => fieldProperty(f, false)),
					},
				],
			};
		default:
			return { ...base, type: 'string', default: defaultFor(field) };
	}
}

/** Collections list their options alphabetically (n8n's UX guidelines). */
export function sortedFields(fields: FieldDeclaration[]): FieldDeclaration[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
