import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listContactStages } from '../../shared/contactStages';
import { declarationOf, listOf, readList, requestTo, send } from '../../shared/declaredRequest';

/**
 * Dropdowns filled from iClosed: contact stages, custom fields per object type, products. Each reads
 * the endpoint of the operation that lists the same records (its path, list key and page size).
 */

function byName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
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


export const loadOptions = { getContactStages: listContactStages, getCustomFields, getProducts };
