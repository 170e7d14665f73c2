import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { iClosedApiRequestAllItems } from '../../../shared/transport/pagination';
import { iClosedApiRequest } from '../../../shared/transport/request';
import type { OperationDeclaration } from '../../catalogue/types';
import { buildRequest } from '../../execution/buildRequest';
import { wantsSimplified } from '../../execution/executeDeclared';
import { shapeOutput } from '../../wire/simplify';
import { findContactByEmail, splitForUpdate } from './contactMatch';

/**
 * Contact → Create or Update, keyed on the email address.
 *
 * `POST /v1/contacts` is said to upsert on email ([3P], §2.1), but that is unconfirmed, and a wrong
 * guess would mean duplicate contacts. So the contact is looked up first (`search=<email>`, exact
 * match), then updated with `PUT /v1/contacts` or created with `POST /v1/contacts`.
 *
 * Output: the contact (Simplify) or iClosed's answer, plus `action: 'created' | 'updated'` (iClosed's
 * contact has no field of that name). Fields only a create can set (tag, time zone, UTM …) are not
 * sent on update; their names are listed in `fieldsNotUpdated` when there are any.
 */

/** Enough to find one email among contacts whose name or phone merely contains it. */
const MAX_SEARCH_RESULTS = 500;

function withOutcome(output: IDataObject | IDataObject[], extra: IDataObject): IDataObject | IDataObject[] {
	return Array.isArray(output) ? output.map((o) => ({ ...o, ...extra })) : { ...output, ...extra };
}

export async function upsertContact(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IDataObject | IDataObject[]> {
	const request = await buildRequest.call(this, itemIndex, declaration);
	const fields = (request.body ?? {}) as IDataObject;
	const email = String(fields.email);
	const simplify = wantsSimplified(this, itemIndex, declaration);

	const candidates = await iClosedApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/v1/contacts',
		query: { search: email },
		listKey: 'contacts',
		maxPageSize: 100,
		limit: MAX_SEARCH_RESULTS,
		itemIndex,
	});
	const existing = findContactByEmail(candidates, email);

	if (!existing) {
		const created = await iClosedApiRequest.call(this, { method: 'POST', path: '/v1/contacts', body: fields, itemIndex });
		return withOutcome(shapeOutput(declaration, created, simplify), { action: 'created' });
	}
	const { update, notUpdated } = splitForUpdate(fields);
	const updated = await iClosedApiRequest.call(this, {
		method: 'PUT',
		path: '/v1/contacts',
		body: { id: Number(existing.id), ...update },
		itemIndex,
	});
	const outcome: IDataObject = { action: 'updated' };
	if (notUpdated.length > 0) outcome.fieldsNotUpdated = notUpdated;
	return withOutcome(shapeOutput(declaration, updated, simplify), outcome);
}
