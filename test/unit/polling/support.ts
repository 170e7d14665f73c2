import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { seedBookableEvent, startFakeIClosed } from '../../fake-iclosed';
import type { BookableEvent, FakeIClosed, FakeIClosedOptions } from '../../fake-iclosed';
import { callFake } from '../../fake-iclosed/client';
import { PollWorkflow } from '../../harness/pollWorkflow';

/** Test code: the fake iClosed with a frozen clock, and polling workflows pointed at it. */
/**
 * iClosed's frozen "now" in these tests: an hour before the machine's clock, on a whole minute, so
 * iClosed's clock and n8n's differ as they may in real life. The fake states its clock in the `Date`
 * header, which is what the node trusts (cursorState.ts).
 */
export const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60 * 60_000).toISOString();

export async function startFake(options: FakeIClosedOptions = {}): Promise<FakeIClosed> {
	const fake = await startFakeIClosed({ variants: { outcomeRules: 'lenient' }, ...options });
	fake.clock.freeze(T0);
	return fake;
}

export function pollingWorkflow(fake: FakeIClosed, parameters: INodeParameters): PollWorkflow {
	return new PollWorkflow({ parameters, credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl } });
}

/** Requests the fake received for one path since the last clearRequests(). */
export function requestsTo(fake: FakeIClosed, path: string): IDataObject[] {
	return fake.requests.filter((r) => r.path === path).map((r) => r.query as IDataObject);
}

export const ids = (items: IDataObject[]) => items.map((i) => (i.contact as IDataObject | undefined)?.id ?? (i.call as IDataObject | undefined)?.id ?? i.id);

/** Books, reschedules, cancels and sets outcomes through the fake's own API (as iClosed's app would). */
export class CallActions {
	private readonly calendar: BookableEvent;

	constructor(private readonly fake: FakeIClosed) {
		this.calendar = seedBookableEvent(fake.state);
	}

	get eventId(): number {
		return this.calendar.eventId;
	}

	async book(email: string): Promise<number> {
		const r = await callFake(this.fake, 'POST', '/v1/eventCalls', {
			body: { dateTime: this.calendar.nextSlot(), timeZone: 'Europe/Paris', email, firstName: 'Lead', eventId: this.calendar.eventId },
		});
		if (r.status !== 201) throw new Error(`booking failed: ${JSON.stringify(r.body)}`);
		return r.body.data.eventCall.data.id as number;
	}

	async reschedule(id: number): Promise<void> {
		const r = await callFake(this.fake, 'PUT', '/v1/eventCalls/reschedule', { body: { id, dateTime: this.calendar.nextSlot(), timeZone: 'Europe/Paris' } });
		if (r.status !== 200) throw new Error(`reschedule failed: ${JSON.stringify(r.body)}`);
	}

	async cancel(id: number): Promise<void> {
		const r = await callFake(this.fake, 'PUT', '/v1/eventCalls/cancel', { body: { id, cancelReason: 'Changed plans' } });
		if (r.status !== 200) throw new Error(`cancel failed: ${JSON.stringify(r.body)}`);
	}

	async outcome(id: number, outcome: string, notes?: string): Promise<void> {
		const r = await callFake(this.fake, 'POST', '/v1/outcomes', { body: { eventCallId: id, outcome, ...(notes ? { notes } : {}) } });
		if (r.status !== 200) throw new Error(`outcome failed: ${JSON.stringify(r.body)}`);
	}
}

export async function updateContact(fake: FakeIClosed, id: number, patch: IDataObject): Promise<void> {
	const r = await callFake(fake, 'PUT', '/v1/contacts', { body: { id, ...patch } });
	if (r.status !== 200) throw new Error(`update failed: ${JSON.stringify(r.body)}`);
}
