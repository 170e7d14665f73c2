import { NodeApiError } from 'n8n-workflow';

import { toNodeError } from '../../../shared/nodeErrors';
import { CONTACT_DETAIL_PARAMS } from '../../../shared/catalogue/uncertain';
import type { SpecialOperation } from '../../execution/declaredOperation';
import { wantsSimplified } from '../../execution/executeDeclared';
import { send } from '../../../shared/declaredRequest';
import { shapeOutput } from '../../wire/simplify';

/**
 * Contact → Get (`GET /v1/contacts/detail`). §6.11: the endpoint takes `contactId` (w6w, integrator
 * code) or `id` (French notes). We ask with `contactId`; if iClosed rejects the request naming the
 * parameter, we ask once with `id`.
 */
const [ASKED_WITH, FALLBACK] = CONTACT_DETAIL_PARAMS;

function rejectsParameter(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || error.httpCode !== '400') return false;
	return /contactId|\bid\b/i.test(`${error.message} ${error.description ?? ''}`);
}

export const getContactDetail: SpecialOperation = async function (itemIndex, { declaration, request }) {
	const query = { ...(request.query ?? {}) };
	let body: unknown;
	try {
		body = await send(this, { ...request, query });
	} catch (error) {
		if (!rejectsParameter(error)) throw toNodeError(this.getNode(), error, itemIndex);
		const { [ASKED_WITH]: contactId, ...rest } = query;
		try {
			body = await send(this, { ...request, query: { ...rest, [FALLBACK]: contactId } });
		} catch (retryError) {
			// iClosed took `id` and answered (e.g. 404): that answer counts. It refused `id` too: the first does.
			throw toNodeError(this.getNode(), rejectsParameter(retryError) ? error : retryError, itemIndex);
		}
	}
	return shapeOutput(declaration, body, wantsSimplified(this, itemIndex, declaration));
};
