import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { iClosedApiRequest } from '../../../shared/transport/request';
import type { OperationDeclaration } from '../../catalogue/types';
import { buildRequest } from '../../execution/buildRequest';
import { wantsSimplified } from '../../execution/executeDeclared';
import { shapeOutput } from '../../wire/simplify';
import { explainBookingFailure } from './bookingFailure';
import { checkBookingBody } from './bookingRequest';
import { declaredField, rawDeclaredValue } from './declaredParameter';

/**
 * Call → Book (`POST /v1/eventCalls`, §2.2): everything checkable is checked before sending; the
 * request goes out exactly once (the transport never repeats a POST except after a 429, when iClosed
 * did nothing); a failure says whether the call may exist.
 *
 * Output: the new call (`id`, `startTime`, `endTime`, `closerName`, `closerEmail`, `previewId`,
 * `confirmationLink` …, from `data.eventCall.data` or the declaration's shallower fallbacks) with
 * Simplify, else iClosed's answer as it came.
 */
export async function bookCall(
	this: IExecuteFunctions,
	itemIndex: number,
	declaration: OperationDeclaration,
): Promise<IDataObject | IDataObject[]> {
	const request = await buildRequest.call(this, itemIndex, declaration);
	const body = checkBookingBody((request.body ?? {}) as IDataObject, {
		rawStart: rawDeclaredValue(this, itemIndex, declaration, declaredField(declaration, 'dateTime')),
		workflowZone: this.getTimezone(),
		now: DateTime.now(),
	});

	let answer: unknown;
	try {
		answer = await iClosedApiRequest.call(this, { method: 'POST', path: '/v1/eventCalls', body, itemIndex });
	} catch (error) {
		throw explainBookingFailure(this.getNode(), error, itemIndex);
	}
	return shapeOutput(declaration, answer, wantsSimplified(this, itemIndex, declaration));
}
