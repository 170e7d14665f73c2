import type { IDataObject } from 'n8n-workflow';

import type { SpecialOperation } from '../../execution/declaredOperation';
import { wantsSimplified } from '../../execution/executeDeclared';
import { declarationOf, readList, requestTo, send } from '../../../shared/declaredRequest';
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

export const upsertContact: SpecialOperation = async function (itemIndex, { declaration, request }) {
	const fields = (request.body ?? {}) as IDataObject;
	const email = String(fields.email);
	const simplify = wantsSimplified(this, itemIndex, declaration);

	const candidates = await readList(this, declarationOf('contact', 'getMany'), {
		query: { search: email },
		limit: MAX_SEARCH_RESULTS,
		itemIndex,
	});
	const existing = findContactByEmail(candidates, email);

	if (!existing) {
		// The declared request is the create: `POST /v1/contacts` with the fields.
		const created = await send(this, request);
		return withOutcome(shapeOutput(declaration, created, simplify), { action: 'created' });
	}
	const { update, notUpdated } = splitForUpdate(fields);
	const updated = await send(
		this,
		requestTo(declarationOf('contact', 'update'), { body: { id: Number(existing.id), ...update }, itemIndex }),
	);
	const outcome: IDataObject = { action: 'updated' };
	if (notUpdated.length > 0) outcome.fieldsNotUpdated = notUpdated;
	return withOutcome(shapeOutput(declaration, updated, simplify), outcome);
};
