// End-to-end test code (never shipped): checks a workflow node's parameters against the node type
// n8n loaded, so an example workflow that names a renamed parameter or operation fails the suite
// instead of silently losing the value when a user imports it.

interface PropertyOption {
	name: string;
	value?: unknown;
}

export interface LoadedProperty {
	name: string;
	type: string;
	options?: PropertyOption[];
	displayOptions?: { show?: Record<string, unknown[]> };
}

/** Which parameters select what is shown: only these are used to pick the visible properties. */
const SELECTORS = ['resource', 'operation'];

function isVisible(property: LoadedProperty, parameters: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show ?? {};
	return SELECTORS.every((key) => show[key] === undefined || show[key].includes(parameters[key]));
}

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** Problems with `parameters` for a node type with `properties`; empty when every name and choice exists. */
export function parameterProblems(properties: LoadedProperty[], parameters: Record<string, unknown>): string[] {
	const visible = properties.filter((p) => isVisible(p, parameters));
	const problems: string[] = [];
	for (const [key, value] of Object.entries(parameters)) {
		const candidates = visible.filter((p) => p.name === key);
		if (candidates.length === 0) {
			problems.push(`no parameter "${key}" for ${String(parameters.resource)}/${String(parameters.operation)}`);
			continue;
		}
		if (candidates.some((p) => p.type === 'options') && !isExpression(value)) {
			const values = candidates.flatMap((p) => (p.options ?? []).map((o) => o.value));
			if (!values.includes(value)) problems.push(`"${key}" has no option ${JSON.stringify(value)} (offers ${JSON.stringify(values)})`);
		}
		if (candidates.some((p) => p.type === 'multiOptions') && Array.isArray(value)) {
			const values = candidates.flatMap((p) => (p.options ?? []).map((o) => o.value));
			for (const v of value) if (!values.includes(v)) problems.push(`"${key}" has no option ${JSON.stringify(v)}`);
		}
		if (candidates.some((p) => p.type === 'collection') && typeof value === 'object' && value !== null) {
			const names = candidates.flatMap((p) => (p.options ?? []).map((o) => o.name));
			for (const inner of Object.keys(value)) {
				if (!names.includes(inner)) problems.push(`"${key}" has no field "${inner}" (offers ${names.join(', ')})`);
			}
		}
	}
	return problems;
}
