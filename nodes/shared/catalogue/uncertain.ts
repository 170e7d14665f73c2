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
 * We ask with `contactId`; if iClosed rejects the request naming the parameter, we ask once with `id`
 * (operations/contact/getContactDetail.ts).
 */
export const CONTACT_DETAIL_PARAMS = ['contactId', 'id'] as const;
