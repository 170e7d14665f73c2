import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toNodeError } from '../../shared/nodeErrors';
import { iClosedApiRequest } from '../../shared/transport/request';
import { buildRequest } from '../execution/buildRequest';
import { wantsSimplified } from '../execution/executeDeclared';
import { shapeOutput } from '../wire/simplify';
import type { OperationDeclaration } from './types';

/**
 * The points of iClosed's contract that the reference marks uncertain (iclosed-api.md §6), each in one
 * place here, each tolerant of every shape the evidence allows.
 */

/** §6.9: contact create names its event `linkPrefix` (w6w, read from the spec; MCP). The v1 example
 * shows `eventName`, the legacy page `eventId`. We send the link prefix, looked up from an ID if needed. */
export const CONTACT_CREATE_EVENT_FIELD = 'linkPrefix';

/** §6.12: reschedule answers `{data:{eventCall:{…}}}` (vendor page) or `{message,status,data:{…}}` (w6w). */
export const RESCHEDULE_RECORD_PATHS = [['data', 'eventCall'], ['data']];

/** §6.14: invitee answers come as `[{type, answer}]` (integrators) or `[{questionId, answer[]}]` (MCP);
 * the node offers both, into the one `inviteeQuestionAnswers` array. */
export const INVITEE_ANSWERS_FIELD = 'inviteeQuestionAnswers';

/** §6.15: webhook create's envelope is unknown: the subscription may sit flat, in `data` or `data.webhook`. */
export const WEBHOOK_RECORD_PATHS = [['data', 'webhook'], ['data'], []];

/**
 * §6.11: `GET /v1/contacts/detail` takes `contactId` (w6w, integrator code) or `id` (French notes).
 * We ask with `contactId`; if iClosed rejects the request naming the parameter, we ask once with `id`.
 */
export const CONTACT_DETAIL_PARAMS = ['contactId', 'id'] as const;

function rejectsParameter(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || error.httpCode !== '400') return false;
	return /contactId|\bid\b/i.test(`${error.message} ${error.description ?? ''}`);
}

export async function getContactDetail(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IDataObject | IDataObject[]> {
	const request = await buildRequest.call(this, itemIndex, declaration);
	const query = { ...(request.query ?? {}) };
	let body: unknown;
	try {
		body = await iClosedApiRequest.call(this, { ...request, query });
	} catch (error) {
		if (!rejectsParameter(error)) throw toNodeError(this.getNode(), error, itemIndex);
		const { contactId, ...rest } = query;
		try {
			body = await iClosedApiRequest.call(this, { ...request, query: { ...rest, id: contactId } });
		} catch (retryError) {
			// iClosed took `id` and answered (e.g. 404): that answer counts. It refused `id` too: the first does.
			throw toNodeError(this.getNode(), rejectsParameter(retryError) ? error : retryError, itemIndex);
		}
	}
	return shapeOutput(declaration, body, wantsSimplified(this, itemIndex, declaration));
}
