import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { declarationOf, requestTo, send } from './declaredRequest';

/**
 * The account's contact stages, for the action node's status dropdowns and the polling trigger's
 * Statuses. Contact stages are the options of the contact-stage field (a bare object, §2.8). The list filter
 * takes them in upper snake case (`Strategy Call Booked` → `STRATEGY_CALL_BOOKED`, §2.1), next to the
 * three built-in statuses.
 */
function stageValue(name: string): string {
	return name.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export async function listContactStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = (await send(this, requestTo(declarationOf('customField', 'getContactStages')))) as IDataObject;
	const field = (body?.data && !Array.isArray(body.data) ? body.data : body) as IDataObject;
	const options = (field?.CustomFieldOptions ?? []) as IDataObject[];
	const seen = new Map<string, INodePropertyOptions>();
	for (const base of ['Potential', 'Qualified', 'Disqualified']) seen.set(stageValue(base), { name: base, value: stageValue(base) });
	for (const option of options) {
		if (option.isArchived === true || typeof option.name !== 'string') continue;
		seen.set(stageValue(option.name), { name: option.name, value: stageValue(option.name) });
	}
	return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}
