import type { SpecialOperation } from '../execution/declaredOperation';
import { bookCall } from './call/bookCall';
import { getContactDetail } from './contact/getContactDetail';
import { upsertContact } from './contact/upsertContact';
import { getFieldsOfAllObjects } from './customField/getFieldsOfAllObjects';
import { getAvailableSlots } from './event/getAvailableSlots';

/**
 * The operations that are more than one request, by `resource:operation`. Each is declared in the
 * catalogue like any other and receives the request its declaration builds; every operation not
 * listed here is one declared request, sent by the generic executor (execution/executeDeclared.ts).
 */
export const SPECIAL_OPERATIONS: Readonly<Record<string, SpecialOperation>> = {
	'contact:get': getContactDetail, // a second request when iClosed refuses `contactId` (§6.11)
	'contact:upsert': upsertContact, // search by email, then update or create
	'call:book': bookCall, // checked before the one POST, never repeated
	'event:getAvailableSlots': getAvailableSlots, // the event looked up, then one request per window of days
	'customField:getManyAllObjects': getFieldsOfAllObjects, // pages until every object type's slice is short
};
