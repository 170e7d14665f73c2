// Subscriptions made and removed (§2.11, §6.15): the six documented events on one unreachable URL,
// a second URL, then every one deleted. Runs before the contact and call checks, so nothing the probe
// does later can be delivered to them.
import { findOperation } from '../../../nodes/shared/catalogue';
import { readCreatedSubscription } from '../../../nodes/IClosedTrigger/webhookApi';
import { SECRET_FIELD_NAMES } from '../../../nodes/shared/secretFields';
import { ICLOSED_WEBHOOK_EVENTS } from '../../../nodes/shared/events/eventList';
import type { MadeRecord, ProbeContext, RecordState } from '../context';
import { said } from '../context';
import type { Answer } from '../session';
import { at, describeShape, isObject, plural } from '../shapes';
import { testRecordNames } from '../testRecords';
import { listSubscriptions, webhookPath } from './webhookReads';
import type { Check } from './types';

const ACCEPTED = 'hook.create.accepted';
const RETURNS_ID = 'hook.create.returns-id';
const RETURNS_SECRET = 'hook.create.returns-secret';
const LISTED = 'hook.list.shows-subscription';
const DELETED = 'hook.delete.removes';
const SEVERAL_URLS = 'hook.account.several-urls';

const DOCUMENTED_EVENTS = ICLOSED_WEBHOOK_EVENTS.filter((e) => e.documented).map((e) => e.value);

/** Where a create answer may put the subscription (the statement of hook.create.returns-id). */
const RECORD_PLACES = [['data', 'webhook'], ['data', 'subscription'], ['data', 'data'], ['data'], ['webhook'], ['subscription'], []];

function placeOf(body: unknown, has: (record: Record<string, unknown>) => boolean): string | undefined {
	const path = RECORD_PLACES.find((p) => {
		const record = at(body, p);
		return isObject(record) && has(record);
	});
	return path === undefined ? undefined : path.length === 0 ? 'the body itself' : path.join('.');
}

function deletePath(id: string): string {
	const declared = findOperation('webhook', 'delete');
	if (!declared) throw new Error('No webhook delete declaration');
	return declared.path.replace('{webhookId}', encodeURIComponent(id));
}

interface Made {
	event: string;
	url: string;
	answer: Answer;
	id?: string;
	record: MadeRecord;
}

async function remove(probe: ProbeContext, made: Made): Promise<RecordState> {
	if (made.id === undefined) {
		const { subscriptions } = await listSubscriptions(probe);
		made.id = subscriptions?.find((s) => s.url === made.url && s.events.includes(made.event))?.id;
		if (made.id === undefined) return made.record.state === 'may exist' ? 'deleted' : made.record.state;
	}
	const answer = await probe.send({ method: 'DELETE', path: deletePath(made.id) });
	return answer.ok || answer.status === 404 ? 'deleted' : made.record.state;
}

async function create(probe: ProbeContext, url: string, event: string): Promise<Made> {
	const answer = await probe.send({ method: 'POST', path: webhookPath(), body: { url, events: [event] } });
	// A create that may have happened (no answer, 5xx) is looked up by URL at clean-up; it is never sent again.
	const state: RecordState = answer.ok ? 'made' : answer.status === 0 || answer.status >= 500 ? 'may exist' : 'deleted';
	const made: Made = { event, url, answer, id: answer.ok ? readCreatedSubscription(answer.body).id : undefined, record: { kind: 'webhook subscription', label: `${url} (${event})`, state } };
	if (state !== 'deleted') {
		made.record.cleanup = () => remove(probe, made);
		probe.remember(made.record);
	}
	return made;
}

function judgeCreateAnswers(probe: ProbeContext, made: Made[]): void {
	const { findings } = probe;
	const refused = made.filter((m) => !m.answer.ok);
	if (refused.length === 0) findings.confirm(ACCEPTED, `${plural(made.length, 'event')} accepted (${[...new Set(made.map((m) => m.answer.status))].join(', ')}; ${Math.max(...made.map((m) => m.answer.ms))} ms at most): ${made.map((m) => m.event).join(', ')}`);
	else findings.refute(ACCEPTED, ...refused.map((m) => `${m.event}: ${said(m.answer)}`));
	const ok = made.filter((m) => m.answer.ok);
	if (ok.length === 0) {
		findings.skip(RETURNS_ID, 'no subscription was created');
		findings.skip(RETURNS_SECRET, 'no subscription was created');
		return;
	}
	const withoutId = ok.filter((m) => m.id === undefined);
	const idPlace = placeOf(ok[0].answer.body, (r) => readCreatedSubscription(r).id !== undefined);
	if (withoutId.length === 0) findings.confirm(RETURNS_ID, `the id is in ${idPlace ?? 'the answer'}`);
	else findings.refute(RETURNS_ID, `${withoutId.length} of ${plural(ok.length, 'answer')} carry no id: ${describeShape(withoutId[0].answer.body)}`);
	const secretField = SECRET_FIELD_NAMES.find((name) => placeOf(ok[0].answer.body, (r) => typeof r[name] === 'string' && r[name] !== '') !== undefined);
	if (secretField) findings.confirm(RETURNS_SECRET, `a secret under "${secretField}" in ${placeOf(ok[0].answer.body, (r) => typeof r[secretField] === 'string') ?? 'the answer'} (its value is not shown)`);
	else findings.refute(RETURNS_SECRET, `no ${SECRET_FIELD_NAMES.join(' / ')} in ${describeShape(ok[0].answer.body)}`);
}

export const webhookWritesCheck: Check = {
	name: 'webhook subscriptions made and removed',
	answers: [ACCEPTED, RETURNS_ID, RETURNS_SECRET, LISTED, DELETED, SEVERAL_URLS],
	writes: true,
	async run(probe) {
		if (!probe.learned.webhooksAvailable) {
			for (const id of this.answers) probe.findings.skip(id, 'the subscription API is not available on this account');
			return;
		}
		const names = testRecordNames(probe.options.runId);
		const made: Made[] = [];
		for (const event of DOCUMENTED_EVENTS) made.push(await create(probe, names.webhookUrl, event));
		judgeCreateAnswers(probe, made);

		const ok = made.filter((m) => m.answer.ok);
		const listed = await listSubscriptions(probe);
		const mine = (listed.subscriptions ?? []).filter((s) => s.url === names.webhookUrl);
		for (const m of ok) m.id ??= mine.find((s) => s.events.includes(m.event))?.id;
		const unlisted = ok.filter((m) => !mine.some((s) => s.id === m.id && s.events.includes(m.event)));
		if (ok.length === 0) probe.findings.skip(LISTED, 'no subscription was created');
		else if (!listed.subscriptions) probe.findings.refute(LISTED, `the list could not be read: ${said(listed.answer)}`);
		else if (unlisted.length === 0) probe.findings.confirm(LISTED, `all ${plural(ok.length, 'subscription')} listed with their URL and event`);
		else probe.findings.refute(LISTED, `${unlisted.length} of ${plural(ok.length, 'new subscription')} not listed with their URL and event (the list holds ${plural(mine.length, 'subscription')} for that URL)`);

		const second = await create(probe, names.secondWebhookUrl, DOCUMENTED_EVENTS[0]);
		made.push(second);
		if (!second.answer.ok) probe.findings.refute(SEVERAL_URLS, `a second URL was refused: ${said(second.answer)}`);
		else {
			const both = await listSubscriptions(probe);
			const urls = new Set((both.subscriptions ?? []).map((s) => s.url));
			second.id ??= both.subscriptions?.find((s) => s.url === names.secondWebhookUrl)?.id;
			if (urls.has(names.webhookUrl) && urls.has(names.secondWebhookUrl)) probe.findings.confirm(SEVERAL_URLS, 'subscriptions for two URLs listed side by side');
			else probe.findings.refute(SEVERAL_URLS, `after a second URL the list holds ${urls.has(names.webhookUrl) ? 'the first' : 'not the first'} and ${urls.has(names.secondWebhookUrl) ? 'the second' : 'not the second'} URL`);
		}

		const deletions: Answer[] = [];
		for (const m of made.filter((x) => x.record.state === 'made' && x.id !== undefined)) {
			const answer = await probe.send({ method: 'DELETE', path: deletePath(m.id as string) });
			deletions.push(answer);
			if (answer.ok) m.record.state = 'deleted';
		}
		if (deletions.length === 0) return probe.findings.skip(DELETED, 'no subscription id to delete');
		const after = await listSubscriptions(probe);
		const left = (after.subscriptions ?? []).filter((s) => s.url === names.webhookUrl || s.url === names.secondWebhookUrl);
		const failed = deletions.filter((a) => !a.ok);
		const again = await probe.send({ method: 'DELETE', path: deletePath(String(made.find((m) => m.id !== undefined)?.id)) });
		const statuses = `${plural(deletions.length, 'DELETE')} → ${[...new Set(deletions.map((a) => a.status))].join(', ')}; again → ${again.status}`;
		if (failed.length > 0) probe.findings.refute(DELETED, ...failed.map(said));
		else if (left.length > 0) probe.findings.refute(DELETED, `${statuses}, yet ${plural(left.length, 'subscription')} still listed`);
		else if (again.status !== 404) probe.findings.refute(DELETED, `${statuses}: a second DELETE answered ${again.status}, not 404 (harmless: the trigger reads 2xx and 404 alike)`);
		else probe.findings.confirm(DELETED, `${statuses}; none left in the list`);
	},
};
