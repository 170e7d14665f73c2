import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { declarationOf, listOf, readList, requestTo, send } from '../../shared/declaredRequest';

/**
 * Dropdowns filled from iClosed: contact stages, custom fields per object type, products. Each reads
 * the endpoint of the operation that lists the same records (its path, list key and page size).
 */

function byName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Contact stages are the options of the contact-stage field (a bare object, §2.8). The list filter
 * takes them in upper snake case (`Strategy Call Booked` → `STRATEGY_CALL_BOOKED`, §2.1), next to the
 * three built-in statuses.
 */
function stageValue(name: string): string {
	return name.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

async function getContactStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = (await send(this, requestTo(declarationOf('customField', 'getContactStages')))) as IDataObject;
	const field = (body?.data && !Array.isArray(body.data) ? body.data : body) as IDataObject;
	const options = (field?.CustomFieldOptions ?? []) as IDataObject[];
	const seen = new Map<string, INodePropertyOptions>();
	for (const base of ['Potential', 'Qualified', 'Disqualified']) seen.set(stageValue(base), { name: base, value: stageValue(base) });
	for (const option of options) {
		if (option.isArchived === true || typeof option.name !== 'string') continue;
		seen.set(stageValue(option.name), { name: option.name, value: stageValue(option.name) });
	}
	return byName([...seen.values()]);
}

/** Custom fields of the object type chosen in the node (`objectType`), or of every type. */
async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let objectType: string | undefined;
	try {
		objectType = this.getCurrentNodeParameter('objectType') as string | undefined;
	} catch {
		objectType = undefined;
	}
	if (objectType) {
		const fields = await readList(this, declarationOf('customField', 'getMany'), { query: { objectType } });
		return byName(fields.map((f) => ({ name: String(f.name ?? f.identifier), value: Number(f.id), description: String(f.identifier ?? '') })));
	}
	const allObjects = declarationOf('customField', 'getManyAllObjects');
	const body = (await send(this, requestTo(allObjects, { query: { limit: listOf(allObjects).maxPageSize } }))) as IDataObject;
	const groups = (body?.data ?? {}) as IDataObject;
	const options: INodePropertyOptions[] = [];
	for (const [type, fields] of Object.entries(groups)) {
		if (!Array.isArray(fields)) continue;
		for (const f of fields as IDataObject[]) {
			options.push({ name: `${String(f.name ?? f.identifier)} (${type})`, value: Number(f.id), description: String(f.identifier ?? '') });
		}
	}
	return byName(options);
}

async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const products = await readList(this, declarationOf('product', 'getMany'));
	return byName(products.map((p) => ({ name: String(p.name ?? `Product ${p.id}`), value: Number(p.id) })));
}


export const loadOptions = { getContactStages, getCustomFields, getProducts };
