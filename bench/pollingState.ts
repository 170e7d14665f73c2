/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code, never shipped */
// Benchmark 5, part 2 (never shipped): what the polling trigger's state model costs, in n8n-core's
// PollContext against the fake iClosed over real HTTP, with n8n's clock moved by the script:
// D. requests per idle poll over an hour of one-minute polls, sweeps included (goal: ≤ 1.2 × events);
// E. minutes until an outcome that does not move the call's updatedAt is emitted;
// F. static data after 10,000 changes, and after 30 simulated days of a busy account.
import { POLL_EVENTS } from '../nodes/IClosedPollingTrigger/sources';
import { seedBookableEvent, startFakeIClosed } from '../test/fake-iclosed';
import type { FakeIClosed, FakeIClosedOptions } from '../test/fake-iclosed';
import { callFake } from '../test/fake-iclosed/client';
import type { Call } from '../test/fake-iclosed/entities';
import { PollWorkflow } from '../test/harness/pollWorkflow';
import { fmt } from './lib/stats';
import { met, printTable } from './lib/table';

const EVERY_EVENT: string[] = POLL_EVENTS;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** n8n's clock, moved with iClosed's: the node reads Date.now() for its sweeps and budgets. */
const realNow = Date.now.bind(Date);
let offset = 0;
Date.now = () => realNow() + offset;

function tick(fake: FakeIClosed, ms: number): void {
	fake.clock.advance(ms);
	offset += ms;
}

async function start(options: FakeIClosedOptions = {}): Promise<FakeIClosed> {
	const fake = await startFakeIClosed({
		...options,
		variants: { outcomeRules: 'lenient', ...options.variants },
	});
	fake.clock.freeze(new Date(Date.now()));
	return fake;
}

function workflow(fake: FakeIClosed, events: string[]): PollWorkflow {
	return new PollWorkflow({
		parameters: { events },
		credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
	});
}

/** An account as the trigger meets it: contacts, calls over two months, some cancelled, moved, decided. */
function seedAccount(fake: FakeIClosed, calls: number): void {
	fake.addContacts(2_000);
	const event = fake.state.addEvent({
		name: 'Strategy call',
		linkPrefix: 'host/strategy',
		hostIds: [],
	});
	const now = fake.clock.now().getTime();
	for (let i = 0; i < calls; i++) {
		const contact = fake.state.contacts[i % fake.state.contacts.length];
		const start = now + (i - calls / 2) * ((60 * DAY) / calls);
		const call = fake.state.addCall({
			contactId: contact.id,
			userId: 1,
			eventId: event.id,
			startUtc: new Date(start).toISOString(),
		});
		if (i % 10 === 0)
			Object.assign(call, { status: 'CANCELLED', cancelledBy: 'Lead', cancelReason: 'No time' });
		else if (i % 10 === 1)
			Object.assign(call, {
				status: 'RESCHEDULED',
				rescheduledBy: 'Lead',
				rescheduleReason: 'Conflict',
			});
		else if (start < now && i % 2 === 0) call.task.outcome = i % 4 === 0 ? 'WON' : 'NO_SALE';
	}
	for (let i = 0; i < 50; i++) fake.state.addDeal({ value: 100 + i });
	for (let i = 0; i < 50; i++) fake.state.addTransaction({ value: 100 + i });
}

async function idleHour(
	variants: FakeIClosedOptions['variants'],
	label: string,
): Promise<Array<string | number>> {
	const fake = await start({ variants });
	try {
		seedAccount(fake, 600);
		const wf = workflow(fake, EVERY_EVENT);
		await wf.activate();
		const before = fake.requests.length;
		for (let minute = 0; minute < 60; minute++) {
			tick(fake, MINUTE);
			const { error } = await wf.poll();
			if (error && !/updatedAt/.test(error.message)) throw error;
		}
		const perPoll = (fake.requests.length - before) / 60;
		const ratio = perPoll / EVERY_EVENT.length;
		return [label, EVERY_EVENT.length, fmt(perPoll, 2), fmt(ratio, 3), met(ratio <= 1.2)];
	} finally {
		await fake.close();
	}
}

/** Minutes from an outcome (that leaves updatedAt alone) to its item, at one poll a minute. */
async function outcomeDelay(): Promise<Array<string | number>> {
	const fake = await start({ variants: { outcomeMovesUpdatedAt: false } });
	try {
		const calendar = seedBookableEvent(fake.state);
		const wf = workflow(fake, ['call.outcome_added']);
		const ids: number[] = [];
		for (let i = 0; i < 6; i++) {
			const r = await callFake(fake, 'POST', '/v1/eventCalls', {
				body: {
					dateTime: calendar.nextSlot(),
					timeZone: 'Europe/Paris',
					email: `o${i}@example.com`,
					firstName: 'Lead',
					eventId: calendar.eventId,
				},
			});
			ids.push(
				(r.body as { data: { eventCall: { data: { id: number } } } }).data.eventCall.data.id,
			);
		}
		tick(fake, MINUTE);
		await wf.activate();
		for (let minute = 0; minute < 10; minute++) {
			tick(fake, MINUTE);
			await wf.poll();
		}
		const delays: number[] = [];
		// Outcomes at different moments of the sweep's cycle: 0 to 5 minutes after a sweep.
		for (const [i, id] of ids.entries()) {
			for (let m = 0; m < i; m++) {
				tick(fake, MINUTE);
				await wf.poll();
			}
			await callFake(fake, 'POST', '/v1/outcomes', {
				body: { eventCallId: id, outcome: 'WON', objection: 'NO_OBJECTION' },
			});
			for (let minute = 1; minute <= 15; minute++) {
				tick(fake, MINUTE);
				if ((await wf.poll()).items.length > 0) {
					delays.push(minute);
					break;
				}
			}
		}
		const first = delays[0];
		const later = delays.slice(1);
		return [
			"outcome recorded without moving the call's updatedAt; one poll a minute",
			`${first} min`,
			`${Math.min(...later)}–${Math.max(...later)} min`,
			met(delays.length === ids.length && Math.max(...delays) <= 6),
		];
	} finally {
		await fake.close();
	}
}

export async function sizeAfterChanges(): Promise<Array<string | number>> {
	const fake = await start();
	try {
		fake.addContacts(10_000);
		const wf = workflow(fake, ['contact.created', 'contact.updated', 'contact.status_changed']);
		await wf.activate();
		tick(fake, MINUTE);
		for (const [i, contact] of fake.state.contacts.entries()) {
			if (i % 100 === 0) fake.clock.advance(1_000);
			Object.assign(contact, {
				firstName: 'Edited',
				status: 'QUALIFIED',
				updatedAt: fake.state.nowIso(),
			});
		}
		let items = 0;
		for (let poll = 0; poll < 12; poll++) {
			tick(fake, MINUTE);
			items += (await wf.poll()).items.length;
		}
		const bytes = JSON.stringify(wf.saved).length;
		return [
			'10,000 contacts edited into a new status within 2 minutes (3 contact events)',
			`${items.toLocaleString('en')} items`,
			`${(bytes / 1024).toFixed(1)} KB`,
		];
	} finally {
		await fake.close();
	}
}

/** 30 days of a busy account, polled every hour: what the memories hold at the end. */
export async function sizeAfterDays(days: number): Promise<Array<string | number>> {
	const fake = await start();
	try {
		const calendar = seedBookableEvent(fake.state);
		const wf = workflow(fake, EVERY_EVENT);
		await wf.activate();
		const open: Call[] = [];
		let items = 0;
		for (let day = 0; day < days; day++) {
			for (let quarter = 0; quarter < 96; quarter++) {
				tick(fake, 15 * MINUTE);
				{
					// Every half hour: 4 contacts, 1 booking, edits and status moves, and now and then a
					// cancellation, a reschedule, an outcome, a deal and a payment.
					for (let i = 0; i < 4; i++)
						fake.state.addContact({ email: `d${day}q${quarter}c${i}@example.com` });
					const contact = fake.state.contacts[fake.state.contacts.length - 1];
					const start = new Date(fake.clock.now().getTime() + 3 * DAY).toISOString();
					open.push(
						fake.state.addCall({
							contactId: contact.id,
							userId: 1,
							eventId: calendar.eventId,
							startUtc: start,
						}),
					);
					for (const c of fake.state.contacts.slice(-20, -10))
						Object.assign(c, {
							lastName: `Seen ${day}`,
							status: quarter % 4 === 0 ? 'QUALIFIED' : 'POTENTIAL',
							updatedAt: fake.state.nowIso(),
						});
					const call = open.shift();
					const at = fake.state.nowIso();
					if (call && quarter % 12 === 0)
						Object.assign(call, { status: 'CANCELLED', cancelledBy: 'Lead', updatedAt: at });
					else if (call && quarter % 12 === 2)
						Object.assign(call, {
							status: 'RESCHEDULED',
							rescheduledBy: 'Lead',
							startUtc: new Date(Date.parse(call.startUtc) + DAY).toISOString(),
							updatedAt: at,
						});
					else if (call)
						Object.assign(call, {
							task: {
								...call.task,
								outcome: quarter % 4 === 0 ? 'WON' : 'NO_SALE',
								notes: `Call ${call.id}`,
							},
							updatedAt: at,
						});
					if (quarter % 8 === 0) fake.state.addDeal({ value: 1000 });
					if (quarter % 8 === 4) fake.state.addTransaction({ value: 500 });
				}
				if (quarter % 4 !== 3) continue;
				const { error, items: out } = await wf.poll();
				if (error) throw error;
				items += out.length;
			}
		}
		const bytes = JSON.stringify(wf.saved).length;
		return [
			`${days} days of a busy account (96 bookings, 384 contacts, ~960 edits a day), all 9 events, polled every hour`,
			`${items.toLocaleString('en')} items`,
			`${(bytes / 1024).toFixed(1)} KB`,
		];
	} finally {
		await fake.close();
	}
}

export async function benchPollingState(): Promise<void> {
	printTable(
		'Requests per idle poll over an hour of one-minute polls, sweeps included (600 calls over two months, 2,000 contacts)',
		['iClosed', 'events', 'requests per poll', 'per event', 'goal met (≤ 1.2 per event)'],
		[
			await idleHour({}, 'as documented (updatedAt moves on every change)'),
			await idleHour(
				{ outcomeMovesUpdatedAt: false, cancelMovesUpdatedAt: false },
				'an outcome or a cancel does not move updatedAt',
			),
			await idleHour(
				{ listsCarryUpdatedAt: false },
				'list items carry no updatedAt (contact updates then fail loudly)',
			),
		],
	);
	printTable(
		"Time to emit an outcome that does not move the call's updatedAt",
		[
			'case',
			'first one (sweep every 5 min)',
			'next ones (every 2 min once seen)',
			'goal met (≤ 6 min)',
		],
		[await outcomeDelay()],
	);
	printTable(
		'Static data (what n8n stores for the node) ',
		['history', 'emitted', 'static data'],
		[await sizeAfterChanges(), await sizeAfterDays(30)],
	);
}

if (require.main === module) {
	benchPollingState().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(
				`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			process.exit(1);
		},
	);
}
