// Pages (§1.5, §6.7): counted from 0, and the same records in the same order when a list is read twice.
import type { IDataObject } from 'n8n-workflow';

import type { ProbeContext } from '../context';
import { said } from '../context';
import { anyItems, at, idsOf, itemsAt, plural } from '../shapes';
import { envelopeOf, firstPage } from './lists';
import { readOrdered } from './pollOrder';
import type { Check } from './types';

const ZERO_BASED = 'ref.lists.zero-based-pages';
const STABLE = 'poll.paging.stable';

/** Small pages, so that a few requests cover several page boundaries. */
const PAGE_SIZE = 10;
const MAX_PAGES = 5;

async function page(probe: ProbeContext, query: IDataObject, index: number, limit: number) {
	const first = firstPage(envelopeOf('contact'));
	return await probe.send({ ...first, query: { ...first.query, ...query, page: index, limit } });
}

async function judgeZeroBased(probe: ProbeContext): Promise<void> {
	const byId = { orderColumn: 'id', orderBy: 'asc' };
	const head = await readOrdered(probe, 'contact', { ...byId, page: 0, limit: 2 });
	if (!head.answer.ok) return probe.findings.skip(ZERO_BASED, `contacts by id were refused: ${said(head.answer)}`);
	const second = await readOrdered(probe, 'contact', { ...byId, page: 1, limit: 1 });
	if (!second.answer.ok) return probe.findings.refute(ZERO_BASED, said(second.answer));
	const [a, b] = idsOf(head.items);
	const [c] = idsOf(second.items);
	if (b === undefined) return probe.findings.skip(ZERO_BASED, 'fewer than two contacts');
	if (c === b) probe.findings.confirm(ZERO_BASED, 'page=1&limit=1 gave the second record of page=0&limit=2');
	else if (c === a) probe.findings.refute(ZERO_BASED, 'page=1&limit=1 gave the first record of page=0&limit=2: pages count from 1, or page is ignored');
	else probe.findings.refute(ZERO_BASED, `page=1&limit=1 gave ${c === undefined ? 'nothing' : 'a record'} other than the second of page=0&limit=2`);
}

interface Reading {
	ids: string[];
	count?: number;
	duplicates: number;
	failed?: string;
}

/** One read of the list as the polling trigger pages through it. */
async function readAll(probe: ProbeContext, query: IDataObject): Promise<Reading> {
	const ids: string[] = [];
	let count: number | undefined;
	for (let index = 0; index < MAX_PAGES; index++) {
		const answer = await page(probe, query, index, PAGE_SIZE);
		if (!answer.ok) return { ids, duplicates: 0, failed: said(answer) };
		const envelope = envelopeOf('contact');
		const items = itemsAt(answer.body, envelope.listPath) ?? anyItems(answer.body);
		const total = envelope.countPath ? at(answer.body, envelope.countPath) : undefined;
		if (typeof total === 'number') count = total;
		ids.push(...idsOf(items));
		if (items.length < PAGE_SIZE) break;
	}
	return { ids, count, duplicates: ids.length - new Set(ids).size };
}

async function judgeStable(probe: ProbeContext): Promise<void> {
	// The order the polling trigger reads contacts in; createdAt when updatedAt is refused.
	let order: IDataObject = { orderColumn: 'updatedAt', orderBy: 'desc' };
	let first = await readAll(probe, order);
	if (first.failed) {
		order = { orderColumn: 'createdAt', orderBy: 'desc' };
		first = await readAll(probe, order);
	}
	if (first.failed) return probe.findings.skip(STABLE, `the contacts could not be paged: ${first.failed}`);
	const second = await readAll(probe, order);
	if (second.failed) return probe.findings.skip(STABLE, `the second read failed: ${second.failed}`);
	const how = `contacts by ${String(order.orderColumn)} desc, ${PAGE_SIZE} per page, ${plural(first.ids.length, 'record')} read twice`;
	if (first.ids.length < 2) return probe.findings.skip(STABLE, `fewer than two contacts (${how})`);
	const duplicates = first.duplicates + second.duplicates;
	if (duplicates > 0) return probe.findings.refute(STABLE, `${plural(duplicates, 'record')} appeared on two pages of one read (${how})`);
	const differs = first.ids.findIndex((id, i) => second.ids[i] !== id);
	if (differs < 0 && first.ids.length === second.ids.length) return probe.findings.confirm(STABLE, `same records in the same order (${how})`);
	if (first.count !== second.count) return probe.findings.skip(STABLE, `the list changed between the reads (total ${String(first.count)} then ${String(second.count)}); run the probe again`);
	const moved = first.ids.filter((id, i) => second.ids[i] !== id).length;
	probe.findings.refute(STABLE, `the second read differed from position ${differs + 1} on, ${plural(moved, 'position')} holding another record, while the total stayed ${String(first.count)} (${how})`);
}

export const pagingCheck: Check = {
	name: 'paging',
	answers: [ZERO_BASED, STABLE],
	async run(probe) {
		await judgeZeroBased(probe);
		await judgeStable(probe);
	},
};
