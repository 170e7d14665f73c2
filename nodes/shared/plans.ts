/**
 * What is known about iClosed's plans, said once (docs/iclosed-api.md §6.6 and §3.5). Every message
 * that names a plan is built from these words, and test/unit/planStory.test.ts fails when the README,
 * an example or a shipped text says anything else about plans.
 *
 * - The REST API: iClosed's help centre says "available on all subscription plans" and, on the same
 *   page, lists Business or Enterprise as a prerequisite; integrators on the Startup plan use the API,
 *   and iClosed's rate-limit pages give Startup's limit. So: probably every plan, not settled.
 * - Webhooks: a beta that iClosed support switches on, for Business and Enterprise plans (two
 *   independent sources); Startup accounts have none.
 */

/** The REST API, as far as anyone knows. */
export const API_PLANS =
	'iClosed’s help centre says every plan includes the REST API (integrators use it on the Startup plan) but also lists Business or Enterprise as a prerequisite';

/** Webhooks, in the words the nodes panel and the notices use. */
export const WEBHOOKS_SWITCHED_ON = 'webhooks switched on by iClosed';

/** Which accounts can have webhooks switched on. */
export const WEBHOOK_BETA = 'a beta for Business and Enterprise plans';

/** Webhooks, in full. */
export const WEBHOOK_PLANS = `${WEBHOOKS_SWITCHED_ON} (${WEBHOOK_BETA})`;

/** What the polling trigger needs: nothing but the API. */
export const POLLING_PLANS = 'any plan with API access';

/** How to read a 403, given that the sources disagree about the plans. */
export const FORBIDDEN_MEANS =
	'iClosed refused this key (403): the account’s plan may not include API access (iClosed’s pages disagree on which plans do), or the key’s user lacks the permission';
