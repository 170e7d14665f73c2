// The orders the polling trigger reads in (§1.5, §2.1, §2.2, §2.5, §2.7): accepted, and applied.
import type { IDataObject } from 'n8n-workflow';

import type { ProbeContext } from '../context';
import { said } from '../context';
import type { ListEnvelope } from '../referenceAssumptions';
import type { Answer } from '../session';
import { anyItems, distinctCount, itemsAt, orderBreak, plural, timeOf } from '../shapes';
import { envelopeOf, firstPage } from './lists';
import type { Check } from './types';

interface OrderCase {
	id: string;
	resource: ListEnvelope['resource'];
	/** The query that asks for the order, per direction. */
	query: (direction: 'asc' | 'desc') => IDataObject;
	/** The value the order is by. */
	value: (item: Record<string, unknown>) => number | undefined;
	label: string;
}

const byColumn = (column: string) => (direction: 'asc' | 'desc') => ({ orderColumn: column, orderBy: direction });
const stamp = (field: string) => (item: Record<string, unknown>) => timeOf(item, field);
const numericId = (item: Record<string, unknown>) => {
	const id = Number(item.id);
	return Number.isFinite(id) ? id : undefined;
};

const ORDER_CASES: OrderCase[] = [
	{ id: 'poll.contacts.order-by-createdAt', resource: 'contact', query: byColumn('createdAt'), value: stamp('createdAt'), label: 'createdAt' },
	{ id: 'poll.contacts.order-by-updatedAt', resource: 'contact', query: byColumn('updatedAt'), value: stamp('updatedAt'), label: 'updatedAt' },
	{ id: 'poll.calls.order-by-createdAt', resource: 'call', query: byColumn('createdAt'), value: stamp('createdAt'), label: 'createdAt' },
	{ id: 'poll.calls.order-by-updatedAt', resource: 'call', query: byColumn('updatedAt'), value: stamp('updatedAt'), label: 'updatedAt' },
	{ id: 'poll.deals.order-by-id', resource: 'deal', query: byColumn('id'), value: numericId, label: 'id' },
	{ id: 'poll.transactions.timeFrom-and-sort', resource: 'transaction', query: (direction) => ({ sort: direction }), value: stamp('createdAt'), label: 'createdAt (sort)' },
];

export async function readOrdered(probe: ProbeContext, resource: ListEnvelope['resource'], query: IDataObject): Promise<{ answer: Answer; items: Record<string, unknown>[] }> {
	const envelope = envelopeOf(resource);
	const page = firstPage(envelope);
	const answer = await probe.read({ ...page, query: { ...page.query, ...query } });
	const items = answer.ok ? (itemsAt(answer.body, envelope.listPath) ?? anyItems(answer.body)) : [];
	return { answer, items };
}

/** Asks for the order both ways: an ignored order parameter cannot pass both. */
async function judgeOrder(probe: ProbeContext, c: OrderCase): Promise<void> {
	const { findings } = probe;
	const desc = await readOrdered(probe, c.resource, c.query('desc'));
	if (!desc.answer.ok) return findings.refute(c.id, said(desc.answer));
	const asc = await readOrdered(probe, c.resource, c.query('asc'));
	if (!asc.answer.ok) return findings.refute(c.id, said(asc.answer));
	const values = (items: Record<string, unknown>[]) => items.map(c.value);
	const [down, up] = [values(desc.items), values(asc.items)];
	const lacking = down.filter((v) => v === undefined).length;
	if (lacking > 0) {
		findings.note(c.id, `${desc.answer.what} answered ${desc.answer.status}`);
		return findings.skip(c.id, `the order cannot be seen: ${lacking} of ${plural(down.length, 'record')} carry no ${c.label}`);
	}
	if (distinctCount(down as number[]) < 2) return findings.skip(c.id, `fewer than two records with different ${c.label} values`);
	const brokeDown = orderBreak(down as number[], 'desc');
	const brokeUp = orderBreak(up.filter((v): v is number => v !== undefined), 'asc');
	if (brokeDown >= 0) findings.refute(c.id, `${desc.answer.what}: record ${brokeDown + 1} of ${down.length} is newer than the one before it`);
	else if (brokeUp >= 0) findings.refute(c.id, `${asc.answer.what}: record ${brokeUp + 1} of ${up.length} is out of order, so the order asked for is not applied`);
	else findings.confirm(c.id, `${plural(down.length, 'record')} sorted by ${c.label} both ways (${desc.answer.status}, ${desc.answer.ms} ms / ${asc.answer.ms} ms)`);
}

export const pollOrderCheck: Check = {
	name: 'orders the polling trigger reads in',
	answers: ORDER_CASES.map((c) => c.id),
	async run(probe) {
		for (const c of ORDER_CASES) await judgeOrder(probe, c);
		// Deal ids must grow in creation order for "newest id first" to mean "newest first" (§2.5).
		const deals = await readOrdered(probe, 'deal', { orderColumn: 'id', orderBy: 'desc' });
		const created = deals.items.map(stamp('createdAt'));
		if (deals.answer.ok && created.length > 1 && created.every((v) => v !== undefined)) {
			const broke = orderBreak(created as number[], 'desc');
			const id = 'poll.deals.order-by-id';
			if (broke >= 0) probe.findings.refute(id, `sorted by id, deal ${broke + 1} of ${created.length} was created after the one before it: ids do not follow creation`);
			else probe.findings.note(id, `ids follow createdAt over ${plural(created.length, 'deal')}`);
		}
	},
};
