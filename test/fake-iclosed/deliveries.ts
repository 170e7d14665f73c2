// Sending webhook deliveries to subscribers (§3.2, §3.3), optionally HMAC-signed (test code, never shipped).
import { createHmac } from 'node:crypto';

import type { Call, Contact } from './entities';
import { hookTypeFor } from './hookTypes';
import {
	buildCallPayload,
	buildContactPayload,
	buildGenericPayload,
	buildOutcomePayload,
} from './payloads';
import type { CallKind } from './payloads';
import { FakeState } from './state';
import type { DeliverOptions, DeliveryResult, SignOptions } from './types';

const DEFAULT_SECRET = 'whsec_test';

/** HMAC-SHA256 of the raw body; `t=<unix>,v1=<sig>` over `${t}.${body}` when timestamped. */
export function signBody(
	body: string,
	secret: string,
	o: SignOptions = {},
): { header: string; value: string } {
	const mac = (data: string) =>
		createHmac('sha256', secret)
			.update(data, 'utf8')
			.digest(o.encoding ?? 'hex');
	const header = (o.header ?? 'x-iclosed-signature').toLowerCase();
	if (o.timestamped) {
		const t = o.timestamp ?? Math.floor(Date.now() / 1000);
		return { header, value: `t=${t},v1=${mac(`${t}.${body}`)}` };
	}
	return { header, value: `${o.prefix ?? ''}${mac(body)}` };
}

/** A throw-away account with one call, for deliveries when the state holds none. */
function sampleState(now: () => Date): FakeState {
	const s = new FakeState(now);
	const host = s.addUser({
		firstName: 'Example',
		lastName: 'Name',
		email: 'email@example.com',
		timeZone: 'Europe/Paris',
	});
	s.addAvailability(host.id, 'Europe/Paris');
	const event = s.addEvent({
		name: 'Event Name',
		linkPrefix: 'example/event-name',
		hostIds: [host.id],
		duration: 30,
	});
	const contact = s.addContact({
		firstName: 'Raya',
		lastName: 'Fleming',
		email: 'zogiji@example.com',
		phoneNumber: '+1234567890',
		timeZone: 'Asia/Karachi',
		country: 'PK',
		eventId: event.id,
		tracking: { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'spring' },
	});
	const start = new Date(now().getTime() + 2 * 86_400_000);
	start.setUTCHours(15, 0, 0, 0);
	const call = s.addCall({
		contactId: contact.id,
		userId: host.id,
		eventId: event.id,
		startUtc: start.toISOString(),
		inviteTimeZone: 'Asia/Karachi',
		utm: [{ utmKey: 'utm_source', utmValue: 'google' }],
	});
	call.task = {
		...call.task,
		completed: true,
		outcome: 'WON',
		objection: 'NO_OBJECTION',
		notes: 'Great call, client was very interested',
	};
	s.addDeal({
		value: 5000,
		eventCallId: call.id,
		contactId: contact.id,
		productId: s.addProduct({ name: 'Premium Package' }).id,
	});
	return s;
}

function latest<T extends { id: number }>(rows: T[], prefer: (r: T) => boolean): T | undefined {
	const sorted = [...rows].sort((a, b) => b.id - a.id);
	return sorted.find(prefer) ?? sorted[0];
}

function pickCall(
	state: FakeState,
	opts: DeliverOptions,
	prefer: (c: Call) => boolean,
): [FakeState, Call] {
	const found = opts.callId !== undefined ? state.call(opts.callId) : latest(state.calls, prefer);
	if (found) return [state, found];
	const sample = sampleState(state.now);
	return [sample, sample.calls[0]];
}

function pickContact(state: FakeState, opts: DeliverOptions): [FakeState, Contact] {
	const found =
		opts.contactId !== undefined
			? state.contact(opts.contactId)
			: latest(state.contacts, () => true);
	if (found) return [state, found];
	const sample = sampleState(state.now);
	return [sample, sample.contacts[0]];
}

const CALL_KINDS: Record<string, CallKind> = {
	'call.booked': 'booked',
	'call.cancelled': 'cancelled',
	'call.rescheduled': 'rescheduled',
	'call.completed': 'completed',
};

/** One payload item for an event name, built from the state (or a sample when it is empty). */
export function buildEventPayload(
	state: FakeState,
	event: string,
	opts: DeliverOptions = {},
): Record<string, unknown> {
	const hookType = hookTypeFor(event, opts.naming ?? 'docs');
	const kind = CALL_KINDS[event];
	if (kind) {
		const status = {
			booked: 'SCHEDULED',
			cancelled: 'CANCELLED',
			rescheduled: 'RESCHEDULED',
			completed: 'SCHEDULED',
		}[kind];
		const [s, call] = pickCall(state, opts, (c) => c.status === status);
		return buildCallPayload(s, call, kind, hookType);
	}
	if (event === 'call.outcome_added' || event === 'outcome.recorded') {
		const [s, call] = pickCall(state, opts, (c) => c.task.outcome !== null);
		return buildOutcomePayload(s, call, hookType);
	}
	if (event.startsWith('contact.')) {
		const [s, contact] = pickContact(state, opts);
		const k =
			event === 'contact.created'
				? 'created'
				: event === 'contact.status_changed'
					? 'status_changed'
					: 'updated';
		return buildContactPayload(s, contact, k, hookType);
	}
	const entity = event.startsWith('deal.')
		? latest(state.deals, () => true)
		: event.startsWith('transaction.')
			? latest(state.transactions, () => true)
			: undefined;
	return buildGenericPayload(event, entity as Record<string, unknown> | undefined, hookType);
}

/** POSTs the event to every active subscription registered for it (or to `opts.url` only). */
export async function deliver(
	state: FakeState,
	event: string,
	opts: DeliverOptions = {},
): Promise<DeliveryResult[]> {
	const targets = opts.url
		? [
				{
					url: opts.url,
					secret: state.webhooks.find((w) => w.url === opts.url)?.secret ?? DEFAULT_SECRET,
				},
			]
		: state.webhooks
				.filter((w) => w.isActive && w.events.includes(event))
				.map((w) => ({ url: w.url, secret: w.secret }));
	const item = opts.payload !== undefined ? opts.payload : buildEventPayload(state, event, opts);
	const payload = opts.format === 'object' || Array.isArray(item) ? item : [item];
	const sentBody = JSON.stringify(payload);
	return Promise.all(
		targets.map(async ({ url, secret }) => {
			const headers: Record<string, string> = {
				'content-type': 'application/json',
				'user-agent': 'iClosed-Webhooks/1.0 (fake)',
				...opts.headers,
			};
			if (opts.sign) {
				const o = opts.sign === true ? {} : opts.sign;
				const sig = signBody(sentBody, o.secret ?? secret, o);
				headers[sig.header] = sig.value;
			}
			try {
				const res = await fetch(url, { method: 'POST', headers, body: sentBody });
				return { url, status: res.status, body: await res.text(), sentBody, sentHeaders: headers };
			} catch (err) {
				return { url, status: 0, body: String(err), sentBody, sentHeaders: headers };
			}
		}),
	);
}
