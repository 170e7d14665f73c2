import type { ResourceDeclaration } from '../../shared/catalogue/types';

/**
 * The canvas subtitle under an iClosed node: the operation's action ("Book a call"), looked up from
 * the catalogue in the expression itself, because n8n evaluates a subtitle without running node code.
 * Unknown pairs (an operation removed in a later version) fall back to the raw operation value.
 */
export function subtitleExpression(resources: ResourceDeclaration[]): string {
	const actions: Record<string, string> = {};
	for (const resource of resources) {
		for (const op of resource.operations) actions[`${resource.value}:${op.value}`] = op.action;
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}
