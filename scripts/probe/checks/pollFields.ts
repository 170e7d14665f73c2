// Which timestamps the records of the polled lists carry (the polling trigger's cursor fields).
import type { ProbeContext } from '../context';
import { said } from '../context';
import type { ListEnvelope } from '../referenceAssumptions';
import { missing, plural } from '../shapes';
import { recordsOf } from './lists';
import type { Check } from './types';

const FIELD_CHECKS: Array<{ id: string; resource: ListEnvelope['resource']; field: string }> = [
	{ id: 'poll.contacts.items-have-createdAt', resource: 'contact', field: 'createdAt' },
	{ id: 'poll.contacts.items-have-updatedAt', resource: 'contact', field: 'updatedAt' },
	{ id: 'poll.calls.items-have-updatedAt', resource: 'call', field: 'updatedAt' },
	{ id: 'poll.transactions.items-have-createdAt', resource: 'transaction', field: 'createdAt' },
];

/** Whether every record of a list's first page carries a parseable `field`. */
export async function judgeField(probe: ProbeContext, id: string, resource: ListEnvelope['resource'], field: string): Promise<void> {
	const { answer, items } = await recordsOf(probe, resource);
	if (!answer.ok) return probe.findings.skip(id, `the list was refused: ${said(answer)}`);
	if (items.length === 0) return probe.findings.skip(id, `${answer.what} listed no records`);
	const lacking = missing(items, field, 'time');
	if (lacking === 0) probe.findings.confirm(id, `all ${plural(items.length, 'record')} of ${answer.what} carry a parseable ${field}`);
	else probe.findings.refute(id, `${lacking} of ${plural(items.length, 'record')} of ${answer.what} carry no parseable ${field}`);
}

export const pollFieldsCheck: Check = {
	name: 'timestamps in the polled lists',
	answers: FIELD_CHECKS.map((c) => c.id),
	async run(probe) {
		for (const c of FIELD_CHECKS) await judgeField(probe, c.id, c.resource, c.field);
	},
};
