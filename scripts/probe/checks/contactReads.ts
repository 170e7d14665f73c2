// Contact detail's parameter (§6.11) and the journey endpoint (§6.13), on a contact the account lists.
import { findOperation } from '../../../nodes/shared/catalogue';
import { said } from '../context';
import { idOf, isObject } from '../shapes';
import { recordsOf } from './lists';
import type { Check } from './types';

const DETAIL_PARAM = 'ref.contacts.detail-param';
const JOURNEY = 'ref.contacts.journey';

export function pathOf(resource: string, operation: string): string {
	const declared = findOperation(resource, operation);
	if (!declared) throw new Error(`No declaration ${resource}:${operation}`);
	return declared.path;
}

/** Whether a detail answer is about that contact (its id somewhere in the first two levels). */
function isAbout(body: unknown, contactId: number): boolean {
	if (!isObject(body)) return false;
	const candidates = [body, body.data, isObject(body.data) ? body.data.contact : undefined];
	return candidates.some((c) => isObject(c) && String(c.id) === String(contactId));
}

export const contactReadsCheck: Check = {
	name: 'contact detail and journey',
	answers: [DETAIL_PARAM, JOURNEY],
	async run(probe) {
		const { items } = await recordsOf(probe, 'contact');
		const first = items.map(idOf).find((id) => id !== undefined);
		if (first === undefined) {
			probe.findings.skip(DETAIL_PARAM, 'the account lists no contact to read');
			probe.findings.skip(JOURNEY, 'the account lists no contact to read');
			return;
		}
		const contactId = Number(first);
		probe.learned.someContactId = contactId;
		const detailPath = pathOf('contact', 'get');
		const byContactId = await probe.send({ method: 'GET', path: detailPath, query: { contactId } });
		if (byContactId.ok && isAbout(byContactId.body, contactId)) {
			probe.learned.detailParam = 'contactId';
			probe.findings.confirm(DETAIL_PARAM, `${byContactId.what.replace(String(contactId), '…')} answered ${byContactId.status} with that contact`);
		} else {
			const byId = await probe.send({ method: 'GET', path: detailPath, query: { id: contactId } });
			const evidence = [said(byContactId), said(byId)].map((e) => e.split(String(contactId)).join('…'));
			if (byId.ok && isAbout(byId.body, contactId)) probe.learned.detailParam = 'id';
			if (byId.ok || !byContactId.ok) probe.findings.refute(DETAIL_PARAM, ...evidence);
			else probe.findings.refute(DETAIL_PARAM, `${evidence[0]} answered without that contact`);
		}
		const journey = await probe.send({ method: 'GET', path: pathOf('contact', 'getJourney'), query: { contactId, page: 0, limit: 1 } });
		const journeySaid = said(journey).split(String(contactId)).join('…');
		if (journey.ok) probe.findings.confirm(JOURNEY, journeySaid);
		else if (journey.status === 403) probe.findings.skip(JOURNEY, journeySaid);
		else probe.findings.refute(JOURNEY, journeySaid);
	},
};
