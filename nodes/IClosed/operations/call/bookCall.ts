import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import type { SpecialOperation } from '../../execution/declaredOperation';
import { wantsSimplified } from '../../execution/executeDeclared';
import { send } from '../../../shared/declaredRequest';
import { shapeOutput } from '../../wire/simplify';
import { explainBookingFailure } from './bookingFailure';
import { checkBookingBody } from './bookingRequest';

/**
 * Call → Book (`POST /v1/eventCalls`, §2.2): everything checkable is checked before sending; the
 * request goes out exactly once (the transport never repeats a POST except after a 429, when iClosed
 * did nothing); a failure says whether the call may exist.
 *
 * Output: the new call (`id`, `startTime`, `endTime`, `closerName`, `closerEmail`, `previewId`,
 * `confirmationLink` …, from `data.eventCall.data` or the declaration's shallower fallbacks) with
 * Simplify, else iClosed's answer as it came.
 */
export const bookCall: SpecialOperation = async function (itemIndex, { declaration, request, raw }) {
	const body = checkBookingBody((request.body ?? {}) as IDataObject, {
		rawStart: raw('dateTime'),
		workflowZone: this.getTimezone(),
		now: DateTime.now(),
	});

	let answer: unknown;
	try {
		answer = await send(this, { ...request, body });
	} catch (error) {
		throw explainBookingFailure(this.getNode(), error, itemIndex);
	}
	return shapeOutput(declaration, answer, wantsSimplified(this, itemIndex, declaration));
};
