// 'demo' seed: a small believable sales team, relative to "now" (test code, never shipped).
import { DateTime } from 'luxon';

import { freeSlots } from './availability';
import type { Call, IcEvent } from './entities';
import { seedEvents, seedFields, seedTeam } from './seedSetup';
import type { FakeState } from './state';

const PEOPLE: Array<[string, string, string, string]> = [
	// first, last, country, time zone
	['Olivia', 'Bennett', 'US', 'America/New_York'],
	['Liam', 'Carter', 'US', 'America/Chicago'],
	['Emma', 'Hughes', 'GB', 'Europe/London'],
	['Noah', 'Fischer', 'DE', 'Europe/Berlin'],
	['Mia', 'Laurent', 'FR', 'Europe/Paris'],
	['Lucas', 'Silva', 'BR', 'America/Sao_Paulo'],
	['Chloe', 'Nguyen', 'US', 'America/Los_Angeles'],
	['Ethan', 'Walker', 'CA', 'America/Toronto'],
	['Amelia', 'Rossi', 'IT', 'Europe/Rome'],
	['James', "O'Connor", 'IE', 'Europe/Dublin'],
	['Harper', 'Kim', 'US', 'America/Denver'],
	['Benjamin', 'Meyer', 'CH', 'Europe/Zurich'],
	['Zoe', 'Patel', 'GB', 'Europe/London'],
	['Daniel', 'Kowalski', 'PL', 'Europe/Warsaw'],
	['Grace', 'Murphy', 'AU', 'Australia/Sydney'],
	['Henry', 'Jansen', 'NL', 'Europe/Amsterdam'],
	['Isla', 'Morgan', 'NZ', 'Pacific/Auckland'],
	['Samuel', 'Ortiz', 'MX', 'America/Mexico_City'],
	['Ava', 'Schmidt', 'AT', 'Europe/Vienna'],
	['Leo', 'Andersen', 'DK', 'Europe/Copenhagen'],
	['Ruby', 'Sato', 'JP', 'Asia/Tokyo'],
	['Oscar', 'Lindqvist', 'SE', 'Europe/Stockholm'],
	['Lily', 'Chen', 'SG', 'Asia/Singapore'],
	['Jack', 'Dubois', 'BE', 'Europe/Brussels'],
	['Ella', 'Novak', 'CZ', 'Europe/Prague'],
];

const UTM_SOURCES = ['google', 'facebook', 'linkedin', 'newsletter', 'youtube'];

/** The `n`-th free slot of an event from `fromDays` days ago/ahead, with a host free then. */
function slot(state: FakeState, event: IcEvent, fromDays: number, n: number) {
	const from = DateTime.fromJSDate(state.now(), { zone: 'utc' })
		.plus({ days: fromDays })
		.startOf('day');
	const slots = [
		...freeSlots(state, event, {
			fromUtc: from,
			toUtc: from.plus({ days: 14 }),
			hidePast: false,
		}).entries(),
	];
	const [start, hosts] = slots[Math.min(n, slots.length - 1)];
	return { startUtc: new Date(start).toISOString(), hostId: hosts[n % hosts.length] };
}

/**
 * When a demo call was booked, always in the past: a past call three days before it started; an upcoming
 * one a few hours ago, the later in the plan the more recent, so the newest booking is a plain upcoming
 * call (the one `sandbox:event -- call.booked` and the polling trigger's test event show); the rescheduled
 * call was booked four days ago, before its first start time.
 */
function bookedAt(now: DateTime, startUtc: string, index: number, extra?: Partial<Call>): string {
	const start = DateTime.fromISO(startUtc, { zone: 'utc' });
	if (extra?.status === 'RESCHEDULED') return now.minus({ days: 4 }).toISO() as string;
	if (start < now) return start.minus({ days: 3 }).toISO() as string;
	return now.minus({ hours: 12 - index }).toISO() as string;
}

export function seedDemo(state: FakeState): void {
	const team = seedTeam(state);
	const { revenue } = seedFields(state, team.ava.id);
	const events = seedEvents(state, team, revenue.id);
	const now = DateTime.fromJSDate(state.now(), { zone: 'utc' });
	const statuses = [
		'POTENTIAL',
		'QUALIFIED',
		'POTENTIAL',
		'STRATEGY_CALL_BOOKED',
		'DISQUALIFIED',
		'QUALIFIED',
		'CUSTOMER',
	];
	const contacts = PEOPLE.map(([firstName, lastName, country, timeZone], i) => {
		const joined = now.minus({ days: 60 - i * 2, hours: i }).toISO() as string;
		return state.addContact({
			firstName,
			lastName,
			country,
			timeZone,
			email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
			phoneNumber: `+1555${String(2000100 + i * 37).padStart(7, '0')}`,
			status: statuses[i % statuses.length],
			userId: i % 2 ? team.lukas.id : team.ava.id,
			eventId: i % 3 === 0 ? events.discovery.id : events.strategy.id,
			joinedTime: joined,
			createdAt: joined,
			updatedAt: joined,
			tracking: {
				utm_source: UTM_SOURCES[i % UTM_SOURCES.length],
				utm_medium: i % 2 ? 'cpc' : 'email',
				utm_campaign: 'q4-growth',
			},
		});
	});
	const plan: Array<[IcEvent, number, number, number, Partial<Call>?]> = [
		// event, contact index, start day offset, n-th slot, overrides
		[events.strategy, 0, -12, 3],
		[events.strategy, 1, -9, 5],
		[events.discovery, 2, -7, 2],
		[events.demo, 3, -5, 1],
		[
			events.strategy,
			4,
			-3,
			4,
			{ status: 'CANCELLED', cancelReason: 'Scheduling conflict', cancelledBy: 'INVITEE' },
		],
		[events.strategy, 5, 1, 2],
		[events.strategy, 6, 2, 6],
		[events.discovery, 7, 1, 8],
		[events.demo, 8, 3, 2],
		[
			events.strategy,
			9,
			4,
			1,
			{ status: 'RESCHEDULED', rescheduleReason: 'Travelling that day', rescheduledBy: 'INVITEE' },
		],
	];
	const calls = plan.map(([event, ci, fromDays, n, extra], i) => {
		const c = contacts[ci];
		const { startUtc, hostId } = slot(state, event, fromDays, n);
		const createdAt = bookedAt(now, startUtc, i, extra);
		return state.addCall({
			contactId: c.id,
			userId: hostId,
			eventId: event.id,
			startUtc,
			inviteTimeZone: c.timeZone ?? 'UTC',
			location: event.location,
			createdAt,
			// A rescheduled call changed after it was booked: two days ago.
			updatedAt: extra?.status === 'RESCHEDULED' ? (now.minus({ days: 2 }).toISO() as string) : createdAt,
			setterId: event.eventType === 'STRATEGY_EVENT' && ci % 2 === 0 ? team.sofia.id : null,
			utm: Object.entries(c.tracking).map(([utmKey, utmValue]) => ({ utmKey, utmValue })),
			questions: [
				{ statement: 'Full Name', answer: `${c.firstName} ${c.lastName}` },
				{ statement: 'Email Address', answer: c.email ?? '' },
			],
			secondaryAnswers: [{ customFieldId: revenue.id, answer: ['$10k-$50k'] }],
			...(extra?.status === 'CANCELLED' ? { cancelledAt: createdAt } : {}),
			...(extra?.status === 'RESCHEDULED'
				? { oldStartUtc: slot(state, event, fromDays - 1, n).startUtc }
				: {}),
			...extra,
		});
	});
	const [growth, funnel, retainer] = [
		state.addProduct({
			name: 'Growth Coaching Program',
			description: '12-week coaching program',
			price: 4997,
			contractValue: 4997,
		}),
		state.addProduct({
			name: 'Done-For-You Funnel Build',
			description: 'Funnel design and build',
			price: 9500,
			contractValue: 9500,
		}),
		state.addProduct({
			name: 'Monthly Retainer',
			description: 'Ongoing ads management',
			price: 1500,
			contractValue: 18000,
		}),
	];
	const outcome = (call: Call, patch: Partial<Call['task']>) =>
		Object.assign(call.task, { completed: true, updatedAt: call.startUtc, ...patch });
	outcome(calls[0], { outcome: 'WON', objection: 'NO_OBJECTION', notes: 'Signed on the call.' });
	outcome(calls[1], {
		outcome: 'NO_SALE',
		noSaleReason: 'FOLLOW_UP_SCHEDULE',
		objection: 'PARTNER',
		notes: 'Needs to talk to partner.',
	});
	outcome(calls[2], { outcome: 'APPROVED', notes: 'Good fit, booked strategy call.' });
	outcome(calls[3], { outcome: 'WON', objection: 'MONEY', notes: 'Paid deposit.' });
	const t1 = state.addTransaction({
		value: 4997,
		name: 'Olivia Bennett',
		email: contacts[0].email,
		phoneNumber: contacts[0].phoneNumber,
		source: 'Stripe',
		description: 'Growth Coaching Program',
		createdAt: calls[0].startUtc,
	});
	const t2 = state.addTransaction({
		value: 2000,
		name: 'Noah Fischer',
		email: contacts[3].email,
		source: 'Stripe',
		description: 'Deposit',
		createdAt: calls[3].startUtc,
	});
	state.addTransaction({
		value: 1500,
		name: 'Liam Carter',
		email: contacts[1].email,
		source: 'Zapier',
		description: 'Retainer month 1',
	});
	state.addTransaction({
		value: 750,
		name: 'Grace Murphy',
		email: contacts[14].email,
		source: 'Make',
	});
	state.addTransaction({
		value: 300,
		name: 'Walk-in payment',
		source: 'Other',
		description: 'Workshop ticket',
	});
	// A deal is recorded at its call or after it, and its id follows when it was recorded (as iClosed's do).
	let lastDealAt = 0;
	const deal = (
		call: Call,
		productId: number,
		value: number,
		transactionType: 'WON' | 'RECURRING' | 'DEPOSIT',
		transactionIds: number[],
	) => {
		const d = state.addDeal({
			eventCallId: call.id,
			contactId: call.contactId,
			userId: call.userId,
			productId,
			value,
			transactionType,
			recurring: transactionType === 'RECURRING',
			transactionIds,
			time: call.startUtc,
			...(() => {
				lastDealAt = Math.max(Date.parse(call.startUtc), lastDealAt + 60_000);
				const at = new Date(lastDealAt).toISOString();
				return { createdAt: at, updatedAt: at };
			})(),
		});
		for (const t of state.transactions) if (transactionIds.includes(t.id)) t.dealId = d.id;
	};
	deal(calls[0], growth.id, 4997, 'WON', [t1.id]);
	deal(calls[3], funnel.id, 9500, 'DEPOSIT', [t2.id]);
	deal(calls[0], retainer.id, 1500, 'RECURRING', []);
	state.addNote(
		contacts[0].id,
		'Interested in the <b>Growth Coaching Program</b>.<br>Prefers mornings.',
		team.ava.id,
	);
	state.addNote(contacts[1].id, 'Follow up after partner meeting.', team.lukas.id);
	state.addNote(contacts[0].id, 'Paid in full via Stripe.', team.ava.id);
	state.answers.push(
		...contacts.slice(0, 10).map((c, i) => ({
			id: state.nextId('answer'),
			customFieldId: revenue.id,
			contactId: c.id,
			eventCallId: null,
			answer: [revenue.CustomFieldOptions[1 + (i % 3)].name],
			createdAt: c.createdAt,
			updatedAt: c.createdAt,
		})),
	);
}
