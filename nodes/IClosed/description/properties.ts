import type { INodeProperties } from 'n8n-workflow';

import type { OperationDeclaration, ResourceDeclaration } from '../../shared/catalogue/types';
import { fieldProperty, sortedFields } from './fields';
import { hasSimplify, optionalGroupOf } from '../../shared/catalogue/derived';

/**
 * The node's parameters, derived from the catalogue: Resource, one Operation list per resource, then
 * per operation its required fields, Return All / Limit, its own extra parameters, the optional-field
 * collection and Simplify, in that order whichever operation declared a shared one first. A parameter
 * that several operations of a resource declare identically is emitted once, shown for all of them, so
 * its value survives switching operation.
 */

function resourceProperty(resources: ResourceDeclaration[]): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...resources]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((r) => ({ name: r.name, value: r.value, ...(r.description ? { description: r.description } : {}) })),
		default: 'contact',
	};
}

function operationProperty(resource: ResourceDeclaration): INodeProperties {
	const options = [...resource.operations]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((op) => ({ name: op.name, value: op.value, action: op.action, description: op.description }));
	const preferred = resource.operations.find((op) => op.value === 'getMany') ?? resource.operations[0];
	const defaultOperation = preferred.value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: defaultOperation,
	};
}

function listProperties(declaration: OperationDeclaration): INodeProperties[] {
	if (!declaration.list) return [];
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

const SIMPLIFY: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * Where a parameter sits in an operation's panel: required fields first, then Return All / Limit, the
 * operation's own extras, the optional-field collection, Simplify last.
 */
type Section = 0 | 1 | 2 | 3 | 4;

/** The parameters of one operation, in panel order, without its resource/operation display options. */
function operationSections(declaration: OperationDeclaration): Array<{ prop: INodeProperties; section: Section }> {
	const out: Array<{ prop: INodeProperties; section: Section }> = [];
	const add = (section: Section, props: INodeProperties[]) => props.forEach((prop) => out.push({ prop, section }));
	const optional = declaration.fields.filter((f) => !f.required && !f.topLevel);
	add(0, declaration.fields.filter((f) => f.required || f.topLevel).map((f) => fieldProperty(f)));
	add(1, listProperties(declaration));
	add(2, declaration.extraProperties ?? []);
	if (optional.length > 0) {
		const group = optionalGroupOf(declaration);
		add(3, [
			{
				displayName: group.displayName,
				name: group.name,
				type: 'collection',
				placeholder: group.placeholder,
				default: {},
				options: sortedFields(optional).map((f) => fieldProperty(f, true)),
			},
		]);
	}
	if (hasSimplify(declaration)) {
		add(4, [declaration.simplifyDefault === false ? { ...SIMPLIFY, default: false } : SIMPLIFY]);
	}
	return out;
}

export function operationProperties(declaration: OperationDeclaration): INodeProperties[] {
	return operationSections(declaration).map(({ prop }) => prop);
}

function withOperations(prop: INodeProperties, resource: string, operations: string[]): INodeProperties {
	const show = { ...(prop.displayOptions?.show ?? {}), resource: [resource], operation: operations };
	return { ...prop, displayOptions: { ...prop.displayOptions, show } };
}

export function buildProperties(resources: ResourceDeclaration[]): INodeProperties[] {
	const properties: INodeProperties[] = [resourceProperty(resources)];
	for (const resource of resources) properties.push(operationProperty(resource));
	for (const resource of resources) {
		// Identical parameters across this resource's operations are merged (same name, same definition).
		const merged = new Map<string, { prop: INodeProperties; section: Section; operations: string[] }>();
		for (const declaration of resource.operations) {
			for (const { prop, section } of operationSections(declaration)) {
				const key = JSON.stringify(prop);
				const seen = merged.get(key);
				if (seen) seen.operations.push(declaration.value);
				else merged.set(key, { prop, section, operations: [declaration.value] });
			}
		}
		// By section, so that a Simplify first met in an earlier operation (Book) cannot sit above a
		// required field first met in a later one (Cancel's Call); the sort is stable within a section.
		const ordered = [...merged.values()].sort((a, b) => a.section - b.section);
		for (const { prop, operations } of ordered) {
			properties.push(withOperations(prop, resource.value, operations));
		}
	}
	return properties;
}
