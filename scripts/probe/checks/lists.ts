// Every list endpoint: its status, where it puts its records and total, which fields the records carry.
import type { IClosedRequest } from '../../../nodes/shared/transport/request';
import type { ProbeContext } from '../context';
import { said } from '../context';
import type { ListEnvelope } from '../referenceAssumptions';
import { LIST_ENVELOPES, listOperation } from '../referenceAssumptions';
import type { Answer } from '../session';
import { anyItems, at, describeShape, fieldNames, itemsAt } from '../shapes';
import type { Check } from './types';

const CALLS_201 = 'ref.calls.search-answers-201';

/** The first page, as large as the endpoint allows: the request every list check starts from. */
export function firstPage(envelope: ListEnvelope): IClosedRequest {
	const { path, maxPageSize } = listOperation(envelope);
	return { method: 'GET', path, query: { ...envelope.query, page: 0, limit: maxPageSize } };
}

export function envelopeOf(resource: ListEnvelope['resource']): ListEnvelope {
	const envelope = LIST_ENVELOPES.find((e) => e.resource === resource);
	if (!envelope) throw new Error(`No list envelope for ${resource}`);
	return envelope;
}

/** The records of a list's first page (wherever they are), read once per run. */
export async function recordsOf(
	probe: ProbeContext,
	resource: ListEnvelope['resource'],
): Promise<{ answer: Answer; items: Record<string, unknown>[] }> {
	const envelope = envelopeOf(resource);
	const answer = await probe.read(firstPage(envelope));
	const items = answer.ok ? (itemsAt(answer.body, envelope.listPath) ?? anyItems(answer.body)) : [];
	return { answer, items };
}

const where = (path: string[]) => (path.length === 0 ? 'the bare body' : path.join('.'));

async function judgeEnvelope(probe: ProbeContext, envelope: ListEnvelope): Promise<void> {
	const { answer, items } = await recordsOf(probe, envelope.resource);
	const { findings } = probe;
	probe.lists.push({
		list: firstPage(envelope).path,
		status: answer.status,
		ms: answer.ms,
		shape: answer.ok ? describeShape(answer.body) : 'refused',
		records: items.length,
		fields: fieldNames(items),
	});
	if (!answer.ok) {
		// §3.5: listing users may need an admin key; a 403 says nothing about the envelope.
		if (answer.status === 403) findings.skip(envelope.id, `${said(answer)} (this key may not read it)`);
		else findings.refute(envelope.id, said(answer));
		return;
	}
	const list = itemsAt(answer.body, envelope.listPath);
	const count = envelope.countPath ? at(answer.body, envelope.countPath) : undefined;
	if (!list) {
		findings.refute(envelope.id, `${said(answer)} with ${describeShape(answer.body)}: no array at ${where(envelope.listPath)}`);
	} else if (envelope.countPath && typeof count !== 'number') {
		findings.refute(envelope.id, `${said(answer)} with ${describeShape(answer.body)}: records at ${where(envelope.listPath)} but no number at ${where(envelope.countPath)}`);
	} else {
		const total = envelope.countPath ? `, total ${String(count)} at ${where(envelope.countPath)}` : '';
		findings.confirm(envelope.id, `${said(answer)}: ${list.length} records at ${where(envelope.listPath)}${total}`);
	}
}

export const listEnvelopesCheck: Check = {
	name: 'list envelopes',
	answers: [...LIST_ENVELOPES.map((e) => e.id), CALLS_201],
	async run(probe) {
		for (const envelope of LIST_ENVELOPES) await judgeEnvelope(probe, envelope);
		const { answer } = await recordsOf(probe, 'call');
		if (!answer.ok) probe.findings.skip(CALLS_201, `the call search was refused: ${said(answer)}`);
		else if (answer.status === 201) probe.findings.confirm(CALLS_201, `${answer.what} answered 201`);
		else probe.findings.refute(CALLS_201, `${answer.what} answered ${answer.status}`);
	},
};
