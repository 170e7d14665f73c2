// The probe's steps in the order they run, and the assumptions it leaves alone, with the reason.
import type { Connection } from '../session';
import { keyMessagesCheck } from './auth';
import { callWritesCheck } from './callWrites';
import { contactReadsCheck } from './contactReads';
import { contactWritesCheck } from './contactWrites';
import { headersCheck } from './headers';
import { listEnvelopesCheck } from './lists';
import { pagingCheck } from './paging';
import { pollFieldsCheck } from './pollFields';
import { pollFiltersCheck } from './pollFilters';
import { pollOrderCheck } from './pollOrder';
import { slotsCheck } from './slots';
import type { Check } from './types';
import { webhookReadsCheck } from './webhookReads';
import { webhookWritesCheck } from './webhookWrites';

export type { Check } from './types';

/** Judged by the credential check before any step (checks/auth.ts preflight). */
export const PREFLIGHT_ANSWERS = ['ref.auth.key-prefix', 'ref.auth.no-org-header'];

/** Read-only steps first; then the writes (webhooks before anything a webhook could be sent for); headers last. */
export function probeChecks(connection: Omit<Connection, 'apiKey'>): Check[] {
	return [
		keyMessagesCheck(connection),
		listEnvelopesCheck,
		pollFieldsCheck,
		pollOrderCheck,
		pollFiltersCheck,
		pagingCheck,
		contactReadsCheck,
		slotsCheck,
		webhookReadsCheck,
		webhookWritesCheck,
		contactWritesCheck,
		callWritesCheck,
		headersCheck,
	];
}

/** What the probe does not check, and why; every other assumption is answered by a step above. */
export const NOT_PROBED: Record<string, string> = {
	'hook.delivery.body': 'needs a delivery: the probe receives none (send a test event from iClosed to a trigger on Manual registration)',
	'hook.delivery.hookType': 'needs a delivery: the probe receives none',
	'hook.delivery.signature': 'needs a delivery: the probe receives none (with Signature Check Off, n8n\'s log lists the headers of each delivery)',
	'hook.delivery.retries': 'needs a delivery answered with an error, watched for hours',
	'ref.contacts.create-event-field': 'would need a contact created once per spelling; the probe creates one contact',
	'ref.outcomes.rules': 'would need an outcome refused on purpose for each rule',
	'ref.rate-limit.window': 'would need requests until iClosed refuses one; the probe stays far below the limits',
};
