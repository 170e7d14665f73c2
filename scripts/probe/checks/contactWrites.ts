// A test contact, edited twice: does updatedAt move on an edit, and on a status change (§2.1)?
import type { IDataObject } from 'n8n-workflow';

import type { ProbeContext } from '../context';
import { said } from '../context';
import { anyItems, at, idOf, isObject, itemsAt, seconds, timeOf } from '../shapes';
import { testRecordNames } from '../testRecords';
import { pathOf } from './contactReads';
import { envelopeOf } from './lists';
import type { Check } from './types';

const MOVES_ON_EDIT = 'poll.contacts.updatedAt-moves-on-edit';
const ORDER_BY_UPDATED = 'poll.contacts.order-by-updatedAt';

interface Stamp {
	updatedAt?: string;
	via: string;
}

/** The contact's updatedAt as the polling trigger would see it (its list), else from its detail. */
async function stampOf(probe: ProbeContext, id: number, email: string): Promise<Stamp> {
	const envelope = envelopeOf('contact');
	const listed = await probe.send({ method: 'GET', path: pathOf('contact', 'getMany'), query: { search: email, page: 0, limit: 10 } });
	const item = (itemsAt(listed.body, envelope.listPath) ?? anyItems(listed.body)).find((c) => idOf(c) === String(id));
	if (item && timeOf(item, 'updatedAt') !== undefined) return { updatedAt: String(item.updatedAt), via: 'list' };
	const param = probe.learned.detailParam ?? 'contactId';
	const detail = await probe.send({ method: 'GET', path: pathOf('contact', 'get'), query: { [param]: id } });
	const record = [at(detail.body, ['data', 'contact']), at(detail.body, ['data']), detail.body].find(isObject);
	const updatedAt = record && timeOf(record, 'updatedAt') !== undefined ? String(record.updatedAt) : undefined;
	return { updatedAt, via: 'detail' };
}

/** "updatedAt 10:00:00.000Z → 10:00:01.234Z (+1.23 s)", or why it cannot be told. */
export function movement(before: string | undefined, after: string | undefined): { moved?: boolean; text: string } {
	if (before === undefined || after === undefined) return { text: 'updatedAt not readable' };
	const delta = Date.parse(after) - Date.parse(before);
	return { moved: delta > 0, text: `updatedAt ${before} → ${after} (${delta > 0 ? '+' : ''}${seconds(delta)})` };
}

export const contactWritesCheck: Check = {
	name: 'a test contact, edited',
	answers: [MOVES_ON_EDIT, ORDER_BY_UPDATED],
	writes: true,
	async run(probe) {
		const names = testRecordNames(probe.options.runId);
		const { firstName, lastName, email } = names.contact;
		const created = await probe.send({ method: 'POST', path: pathOf('contact', 'create'), body: { firstName, lastName, email } });
		const record = [at(created.body, ['data', 'contact']), at(created.body, ['data'])].find(isObject);
		const id = record ? Number(idOf(record)) : NaN;
		probe.remember({
			kind: 'contact',
			label: `${firstName} ${lastName} <${email}>`,
			state: created.ok || created.status === 0 || created.status >= 500 ? 'left in iClosed' : 'deleted',
			note: 'iClosed has no API to delete a contact (§2.1): delete it in iClosed → Contacts',
		});
		if (!created.ok || !Number.isFinite(id)) {
			probe.progress(`could not create the test contact: ${said(created)}`);
			return probe.findings.skip(MOVES_ON_EDIT, `the test contact could not be created: ${said(created)}`);
		}
		probe.learned.testContact = { id, email };
		const updatePath = pathOf('contact', 'update');
		const steps: Array<{ what: string; body: IDataObject }> = [
			{ what: 'an edit (lastName)', body: { id, lastName: `${lastName} edited`.slice(0, 25) } },
			{ what: 'a status change (QUALIFIED)', body: { id, status: 'QUALIFIED' } },
		];
		let before = await stampOf(probe, id, email);
		for (const step of steps) {
			await probe.settle();
			const answer = await probe.send({ method: 'PUT', path: updatePath, body: step.body });
			if (!answer.ok) {
				probe.findings.skip(MOVES_ON_EDIT, `${step.what} was refused: ${said(answer)}`);
				continue;
			}
			const after = await stampOf(probe, id, email);
			const { moved, text } = movement(before.updatedAt, after.updatedAt);
			const evidence = `${step.what} (answered in ${answer.ms} ms): ${text}, read from the ${after.via}`;
			if (moved === undefined) probe.findings.skip(MOVES_ON_EDIT, evidence);
			else if (moved) probe.findings.confirm(MOVES_ON_EDIT, evidence);
			else probe.findings.refute(MOVES_ON_EDIT, evidence);
			before = after;
		}
		// Just edited, the test contact must now head the list the polling trigger reads.
		const newest = await probe.send({ method: 'GET', path: pathOf('contact', 'getMany'), query: { orderColumn: 'updatedAt', orderBy: 'desc', page: 0, limit: 1 } });
		const head = (itemsAt(newest.body, envelopeOf('contact').listPath) ?? anyItems(newest.body))[0];
		if (newest.ok && head) {
			if (idOf(head) === String(id)) probe.findings.note(ORDER_BY_UPDATED, 'the contact just edited heads the list by updatedAt desc');
			else if (before.updatedAt !== undefined && (timeOf(head, 'updatedAt') ?? Infinity) < Date.parse(before.updatedAt))
				probe.findings.refute(ORDER_BY_UPDATED, 'the contact just edited does not head the list by updatedAt desc, though the first record is older');
		}
	},
};
