import type { INodeProperties } from 'n8n-workflow';

import type { OperationDeclaration, ResourceDeclaration } from '../catalogue/types';
import { fieldProperty, sortedFields } from './fields';
import { hasSimplify, optionalGroupOf } from '../catalogue/derived';

/**
 * The node's parameters, derived from the catalogue: Resource, one Operation list per resource, then
 * per operation its required fields, Return All / Limit, its own extra parameters, the optional-field
 * collection and Simplify. A parameter that several operations of a resource declare identically is
 * emitted once, shown for all of them, so its value survives switching operation.
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

/** The parameters of one operation, without its resource/operation display options. */
export function operationProperties(declaration: OperationDeclaration): INodeProperties[] {
	const props: INodeProperties[] = [];
	const optional = declaration.fields.filter((f) => !f.required && !f.topLevel);
	for (const field of declaration.fields) {
		if (field.required || field.topLevel) props.push(fieldProperty(field));
	}
	props.push(...listProperties(declaration));
	props.push(...(declaration.extraProperties ?? []));
	if (optional.length > 0) {
		const group = optionalGroupOf(declaration);
		props.push({
			displayName: group.displayName,
			name: group.name,
			type: 'collection',
			placeholder: group.placeholder,
			default: {},
			options: sortedFields(optional).map((f) => fieldProperty(f, true)),
		});
	}
	if (hasSimplify(declaration)) {
		props.push(declaration.simplifyDefault === false ? { ...SIMPLIFY, default: false } : SIMPLIFY);
	}
	return props;
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
		const merged = new Map<string, { prop: INodeProperties; operations: string[] }>();
		for (const declaration of resource.operations) {
			for (const prop of operationProperties(declaration)) {
				const key = JSON.stringify(prop);
				const seen = merged.get(key);
				if (seen) seen.operations.push(declaration.value);
				else merged.set(key, { prop, operations: [declaration.value] });
			}
		}
		for (const { prop, operations } of merged.values()) {
			properties.push(withOperations(prop, resource.value, operations));
		}
	}
	return properties;
}
