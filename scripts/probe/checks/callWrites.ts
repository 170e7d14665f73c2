// A test call on the test contact: booked, rescheduled, given an outcome, cancelled. After each step:
// did the call's updatedAt move (§2.2, §2.3), and do the types and outcomes filters now list it?
// Booking is never repeated: if its answer is lost, the call is looked up by the test contact instead.
import type { ProbeContext, RecordState } from '../context';
import { said } from '../context';
import type { Answer } from '../session';
import { anyItems, at, describeShape, idOf, isObject, itemsAt, seconds, timeOf } from '../shapes';
import { testRecordNames } from '../testRecords';
import { movement } from './contactWrites';
import { pathOf } from './contactReads';
import { envelopeOf } from './lists';
import { SET_OUTCOMES, outcomeOfCall } from './pollFilters';
import type { Check } from './types';

const ON_RESCHEDULE = 'poll.calls.updatedAt-moves-on-reschedule';
const ON_OUTCOME = 'poll.calls.updatedAt-moves-on-outcome';
const ON_CANCEL = 'poll.calls.updatedAt-moves-on-cancel';
const TYPES = 'poll.calls.types-filter';
const OUTCOMES = 'poll.calls.outcomes-filter';
const BOOKING_ENVELOPE = 'ref.booking.answer-envelope';
const SECONDARY_ANSWERS = 'ref.booking.secondary-answers';
const RESCHEDULE_ENVELOPE = 'ref.calls.reschedule-envelope';

const DAY_MS = 86_400_000;

/** The contact's calls (only the probe's own: the contact is new), and one of them if `callId` is given. */
async function callsOf(probe: ProbeContext, contactId: number, extra: Record<string, string> = {}): Promise<{ answer: Answer; items: Record<string, unknown>[] }> {
	const answer = await probe.send({ method: 'GET', path: pathOf('call', 'getMany'), query: { contactId, ...extra, page: 0, limit: 100 } });
	const items = (itemsAt(answer.body, envelopeOf('call').listPath) ?? anyItems(answer.body)).filter((c) => String(c.contactId ?? contactId) === String(contactId));
	return { answer, items };
}

async function listed(probe: ProbeContext, contactId: number, callId: string, extra: Record<string, string>): Promise<boolean> {
	const { items } = await callsOf(probe, contactId, extra);
	return items.some((c) => idOf(c) === callId);
}

interface Filters {
	rescheduled: boolean;
	cancelled: boolean;
	withOutcome: boolean;
}

async function filtersNow(probe: ProbeContext, contactId: number, callId: string): Promise<Filters> {
	return {
		rescheduled: await listed(probe, contactId, callId, { types: 'rescheduled_events' }),
		cancelled: await listed(probe, contactId, callId, { types: 'cancelled_events' }),
		withOutcome: await listed(probe, contactId, callId, { outcomes: SET_OUTCOMES.join(',') }),
	};
}

async function stampOf(probe: ProbeContext, contactId: number, callId: string): Promise<{ updatedAt?: string; item?: Record<string, unknown> }> {
	const { items } = await callsOf(probe, contactId);
	const item = items.find((c) => idOf(c) === callId);
	return { item, updatedAt: item && timeOf(item, 'updatedAt') !== undefined ? String(item.updatedAt) : undefined };
}

function judgeBooking(probe: ProbeContext, answer: Answer): string | undefined {
	const inner = at(answer.body, ['data', 'eventCall', 'data']);
	const id = isObject(inner) ? idOf(inner) : undefined;
	if (id !== undefined) probe.findings.confirm(BOOKING_ENVELOPE, `${said(answer)}: the call id at data.eventCall.data.id`);
	else probe.findings.refute(BOOKING_ENVELOPE, `${said(answer)} with ${describeShape(answer.body)}: no id at data.eventCall.data.id`);
	probe.findings.confirm(SECONDARY_ANSWERS, 'the booking with secondaryQuestionsAnswer: [] was accepted');
	return id;
}

/** Free slots at least a day ahead, so the test call never comes close to happening. */
function twoSlots(probe: ProbeContext): [number, number] | undefined {
	const slots = (probe.learned.bookable?.slots ?? []).filter((ms) => ms > Date.now() + DAY_MS);
	return slots.length >= 2 ? [slots[0], slots[slots.length > 2 ? 2 : 1]] : undefined;
}

export const callWritesCheck: Check = {
	name: 'a test call: booked, rescheduled, outcome, cancelled',
	answers: [ON_RESCHEDULE, ON_OUTCOME, ON_CANCEL, TYPES, OUTCOMES, BOOKING_ENVELOPE, SECONDARY_ANSWERS, RESCHEDULE_ENVELOPE],
	writes: true,
	async run(probe) {
		const skipAll = (reason: string) => this.answers.forEach((id) => probe.findings.skip(id, reason));
		const contact = probe.learned.testContact;
		const bookable = probe.learned.bookable;
		const slots = twoSlots(probe);
		if (!contact) return skipAll('no test contact to book for');
		if (!bookable || !slots) return skipAll('no booking page with two free slots a day or more ahead (use --event to choose one)');
		const names = testRecordNames(probe.options.runId);
		const timeZone = 'UTC';

		const booking = await probe.send({
			method: 'POST',
			path: pathOf('call', 'book'),
			body: { dateTime: new Date(slots[0]).toISOString(), timeZone, contactId: contact.id, eventId: bookable.eventId, secondaryQuestionsAnswer: [], notes: names.note },
		});
		let callId = booking.ok ? judgeBooking(probe, booking) : undefined;
		if (!booking.ok && booking.status > 0 && booking.status < 500) {
			if (/secondaryQuestionsAnswer/i.test(said(booking))) probe.findings.refute(SECONDARY_ANSWERS, said(booking));
			return skipAll(`the booking was refused: ${said(booking)}`);
		}
		// Booked or maybe booked: whatever call the test contact has is the probe's, and is cancelled at the end.
		callId ??= (await callsOf(probe, contact.id)).items.map(idOf).find((id) => id !== undefined);
		if (callId === undefined) {
			probe.remember({ kind: 'call', label: `a call for ${names.contact.email}`, state: 'may exist', note: `the booking's answer was lost (${said(booking)}) and no call was found: check the test contact in iClosed` });
			return skipAll(`the booking's answer was lost and no call was found: ${said(booking)}`);
		}
		const id = callId;
		const record = probe.remember({ kind: 'call', label: `the call of ${names.contact.email} on ${new Date(slots[0]).toISOString()}`, state: 'made' });
		record.cleanup = async (): Promise<RecordState> => {
			const answer = await probe.send({ method: 'PUT', path: pathOf('call', 'cancel'), body: { id: Number(id), cancelReason: names.note } });
			return answer.ok ? 'cancelled' : 'made';
		};

		let before = await stampOf(probe, contact.id, id);
		const start = await filtersNow(probe, contact.id, id);
		const callType = String(before.item?.callType ?? 'STRATEGY_EVENT');
		const outcome = callType === 'DISCOVERY_EVENT' ? 'REJECTED' : 'NO_SALE';
		const steps: Array<{ id: string; what: string; send: () => Promise<Answer> }> = [
			{ id: ON_RESCHEDULE, what: 'reschedule', send: () => probe.send({ method: 'PUT', path: pathOf('call', 'reschedule'), body: { id: Number(id), dateTime: new Date(slots[1]).toISOString(), timeZone, rescheduleReason: names.note } }) },
			{ id: ON_OUTCOME, what: `outcome ${outcome}`, send: () => probe.send({ method: 'POST', path: pathOf('outcome', 'set'), body: { eventCallId: Number(id), outcome, noSaleReason: 'OTHER', notes: names.note } }) },
			{ id: ON_CANCEL, what: 'cancel', send: () => probe.send({ method: 'PUT', path: pathOf('call', 'cancel'), body: { id: Number(id), cancelReason: names.note } }) },
		];
		const after: Partial<Record<string, Filters>> = {};
		for (const step of steps) {
			await probe.settle();
			const written = Date.now();
			const answer = await step.send();
			if (!answer.ok) {
				probe.findings.skip(step.id, `the ${step.what} was refused: ${said(answer)}`);
				continue;
			}
			if (step.id === ON_CANCEL) record.state = 'cancelled';
			if (step.id === ON_RESCHEDULE) {
				const asVendor = isObject(at(answer.body, ['data', 'eventCall']));
				if (asVendor) probe.findings.confirm(RESCHEDULE_ENVELOPE, `${answer.what} answered ${answer.status} with data.eventCall`);
				else probe.findings.refute(RESCHEDULE_ENVELOPE, `${answer.what} answered ${answer.status} with ${isObject(answer.body) ? Object.keys(answer.body).join(', ') : typeof answer.body}${isObject(at(answer.body, ['data'])) ? ' (the call in data)' : ''}`);
			}
			const now = await stampOf(probe, contact.id, id);
			const { moved, text } = movement(before.updatedAt, now.updatedAt);
			const evidence = `${step.what} (answered in ${answer.ms} ms): ${text}, read ${seconds(Date.now() - written)} after sending`;
			if (moved === undefined) probe.findings.skip(step.id, `${evidence}: the call list carries no updatedAt`);
			else if (moved) probe.findings.confirm(step.id, evidence);
			else probe.findings.refute(step.id, evidence);
			if (step.id === ON_OUTCOME) probe.findings.note(ON_OUTCOME, `task[] now holds ${outcomeOfCall(now.item ?? {}) ?? 'no outcome'}`);
			after[step.id] = await filtersNow(probe, contact.id, id);
			before = now;
		}
		const judge = (assumption: string, label: string, was: boolean, now: boolean | undefined) => {
			if (now === undefined) return;
			const text = `the test call ${was ? 'was' : 'was not'} listed by ${label} before, ${now ? 'was' : 'was not'} after`;
			if (!was && now) probe.findings.confirm(assumption, text);
			else probe.findings.refute(assumption, text);
		};
		judge(TYPES, 'types=rescheduled_events', start.rescheduled, after[ON_RESCHEDULE]?.rescheduled);
		judge(TYPES, 'types=cancelled_events', start.cancelled, after[ON_CANCEL]?.cancelled);
		judge(OUTCOMES, 'outcomes=…', start.withOutcome, after[ON_OUTCOME]?.withOutcome);
	},
};
