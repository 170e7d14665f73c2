// The server-side filters the polling trigger sends (§2.2, §2.7): each must narrow the list the way
// the trigger assumes. A filter iClosed ignores shows up as records it should have left out.
import type { ProbeContext } from '../context';
import { said } from '../context';
import { idsOf, plural, timeOf } from '../shapes';
import { recordsOf } from './lists';
import { readOrdered } from './pollOrder';
import type { Check } from './types';

const CREATED_AT_START = 'poll.calls.createdAtStart-filter';
const DATE_WINDOW = 'poll.calls.date-window-filter';
const TYPES = 'poll.calls.types-filter';
const OUTCOMES = 'poll.calls.outcomes-filter';
const TIME_FROM = 'poll.transactions.timeFrom-and-sort';

/** The outcomes that mean "an outcome was set" (the polling trigger's default filter, §2.2). */
export const SET_OUTCOMES = ['WON', 'NO_SALE', 'APPROVED', 'REJECTED'];

const iso = (ms: number) => new Date(ms).toISOString();

/** Distinct values, sorted, and one in the middle with at least one smaller value below it. */
function pivotOf(values: number[]): number | undefined {
	const distinct = [...new Set(values)].sort((a, b) => a - b);
	return distinct.length < 2 ? undefined : distinct[Math.floor(distinct.length / 2)];
}

/** `filter` keeps only records whose `field` is at or after a pivot taken from the unfiltered list. */
async function judgeLowerBound(
	probe: ProbeContext,
	id: string,
	resource: 'call' | 'transaction',
	field: string,
	param: string,
	extra: Record<string, string> = {},
): Promise<void> {
	const { items } = await recordsOf(probe, resource);
	const values = items.map((item) => timeOf(item, field)).filter((v): v is number => v !== undefined);
	const pivot = pivotOf(values);
	if (pivot === undefined) return probe.findings.skip(id, `fewer than two records with different ${field} values to test ${param} on`);
	const { answer, items: kept } = await readOrdered(probe, resource, { [param]: iso(pivot), ...extra });
	if (!answer.ok) return probe.findings.refute(id, said(answer));
	const early = kept.filter((item) => (timeOf(item, field) ?? Infinity) < pivot).length;
	const before = values.filter((v) => v < pivot).length;
	if (early > 0) probe.findings.refute(id, `${answer.what} listed ${early} of ${plural(kept.length, 'record')} with ${field} before ${param} (${before} of the unfiltered ${values.length} are before it)`);
	else if (kept.length === 0) probe.findings.skip(id, `${answer.what} listed nothing`);
	else probe.findings.confirm(id, `${answer.what} listed ${plural(kept.length, 'record')}, all with ${field} at or after it; ${plural(before, 'earlier record')} left out`);
}

async function judgeDateWindow(probe: ProbeContext): Promise<void> {
	const { items } = await recordsOf(probe, 'call');
	const starts = items.map((item) => timeOf(item, 'dateTimeUTC')).filter((v): v is number => v !== undefined);
	const distinct = [...new Set(starts)].sort((a, b) => a - b);
	if (distinct.length < 3) return probe.findings.skip(DATE_WINDOW, 'fewer than three calls with different start times (dateTimeUTC)');
	const [from, to] = [distinct[1], distinct[distinct.length - 2]];
	const { answer, items: kept } = await readOrdered(probe, 'call', { dateFrom: iso(from), dateTo: iso(to) });
	if (!answer.ok) return probe.findings.refute(DATE_WINDOW, said(answer));
	const outside = kept.filter((item) => {
		const start = timeOf(item, 'dateTimeUTC');
		return start === undefined || start < from || start > to;
	}).length;
	if (outside > 0) probe.findings.refute(DATE_WINDOW, `${answer.what} listed ${outside} of ${plural(kept.length, 'call')} starting outside the window`);
	else if (kept.length === 0) probe.findings.skip(DATE_WINDOW, `${answer.what} listed nothing, though calls start inside the window`);
	else probe.findings.confirm(DATE_WINDOW, `${answer.what} listed ${plural(kept.length, 'call')}, all starting inside the window (ends included)`);
}

async function judgeTypes(probe: ProbeContext): Promise<void> {
	const all = await recordsOf(probe, 'call');
	if (all.items.length === 0) return probe.findings.skip(TYPES, 'the account lists no calls');
	const cancelled = await readOrdered(probe, 'call', { types: 'cancelled_events' });
	const rescheduled = await readOrdered(probe, 'call', { types: 'rescheduled_events' });
	for (const r of [cancelled, rescheduled]) if (!r.answer.ok) return probe.findings.refute(TYPES, said(r.answer));
	const [allIds, c, r] = [idsOf(all.items), idsOf(cancelled.items), idsOf(rescheduled.items)];
	const both = c.filter((id) => r.includes(id));
	const same = (ids: string[]) => ids.length === allIds.length && ids.every((id, i) => id === allIds[i]);
	const counts = `${plural(c.length, 'cancelled call')}, ${plural(r.length, 'rescheduled call')}, ${allIds.length} unfiltered`;
	if (same(c) && same(r)) probe.findings.refute(TYPES, `types=cancelled_events and types=rescheduled_events both list exactly the unfiltered calls (${allIds.length}): the filter is ignored`);
	else if (both.length > 0) probe.findings.refute(TYPES, `${plural(both.length, 'call')} listed as both cancelled and rescheduled (${counts})`);
	else if (c.length + r.length === 0) probe.findings.skip(TYPES, `no cancelled or rescheduled call listed (${counts}), so the filter cannot be told from one that lists nothing`);
	else probe.findings.confirm(TYPES, `the two lists share no call and each leaves calls out (${counts})`);
}

/** The outcome a call carries in task[] (§2.2), or undefined. */
export function outcomeOfCall(item: Record<string, unknown>): string | undefined {
	const tasks = Array.isArray(item.task) ? (item.task as Array<Record<string, unknown>>) : [];
	const outcome = tasks.map((t) => t?.outcome).find((o) => typeof o === 'string' && o !== '');
	return outcome as string | undefined;
}

async function judgeOutcomes(probe: ProbeContext): Promise<void> {
	const { answer, items } = await readOrdered(probe, 'call', { outcomes: SET_OUTCOMES.join(',') });
	if (!answer.ok) return probe.findings.refute(OUTCOMES, said(answer));
	if (items.length === 0) return probe.findings.skip(OUTCOMES, `${answer.what} listed no call`);
	if (items.every((item) => !Array.isArray(item.task))) return probe.findings.skip(OUTCOMES, 'calls carry no task[] to read the outcome from');
	const other = items.filter((item) => !SET_OUTCOMES.includes(outcomeOfCall(item) ?? '')).length;
	if (other > 0) probe.findings.refute(OUTCOMES, `${answer.what} listed ${other} of ${plural(items.length, 'call')} without one of those outcomes in task[]`);
	else probe.findings.confirm(OUTCOMES, `all ${plural(items.length, 'call')} listed carry one of those outcomes in task[]`);
}

export const pollFiltersCheck: Check = {
	name: 'filters the polling trigger sends',
	answers: [CREATED_AT_START, DATE_WINDOW, TYPES, OUTCOMES, TIME_FROM],
	async run(probe) {
		await judgeLowerBound(probe, CREATED_AT_START, 'call', 'createdAt', 'createdAtStart');
		await judgeDateWindow(probe);
		await judgeTypes(probe);
		await judgeOutcomes(probe);
		await judgeLowerBound(probe, TIME_FROM, 'transaction', 'createdAt', 'timeFrom', { sort: 'desc' });
	},
};
