import type { CallPayload } from '../schemas/call';
import type { Closer, Host, Setter } from '../../shared/events/items';
import { fullName, textOrNull, toId } from '../../shared/events/values';

/**
 * Who hosts and who set a call, from a call delivery (iclosed-api.md §3.5).
 *
 * The closer is named on the call: `closerId` (their user id), `closerName`, `closerEmail`,
 * `closerTimezone`. `assigned_to` is a map `{"1": name}`, a plain name, or a person
 * `{firstName, lastName, email}`; `extended_assigned_to` is a map `{"1": {name, email, primary}}`. The
 * map keys are positions, not user ids, so they are never reported as an id: a host's id is the one
 * iClosed gives (an `id`/`userId` in the entry, or `closerId` for the entry that is the closer), else null.
 */
type CallEvent = NonNullable<CallPayload['event']>;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFlagged(value: unknown): boolean {
	return value === true || String(value).toLowerCase() === 'true';
}

function hostFrom(value: unknown): Omit<Host, 'primary'> & { flagged: boolean } {
	if (!isRecord(value)) return { id: null, name: textOrNull(value), email: null, flagged: false };
	return {
		id: toId(value.id ?? value.userId),
		name: textOrNull(value.name) ?? fullName(value.firstName, value.lastName),
		email: textOrNull(value.email),
		flagged: isFlagged(value.primary),
	};
}

/** A map keyed by positions ("1", "2", …), as opposed to one person's fields. */
function isPositionMap(value: Record<string, unknown>): boolean {
	const keys = Object.keys(value);
	return keys.length > 0 && keys.every((key) => /^\d+$/.test(key.trim()));
}

function entriesOf(assigned: unknown): unknown[] {
	if (isRecord(assigned)) return isPositionMap(assigned) ? Object.values(assigned) : [assigned];
	return textOrNull(assigned) === null ? [] : [assigned];
}

function sameText(a: string | null, b: string | null): boolean {
	return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

function isCloser(host: { name: string | null; email: string | null }, closer: Closer): boolean {
	if (host.email !== null && closer.email !== null) return sameText(host.email, closer.email);
	return sameText(host.name, closer.name);
}

export function closerOf(event: CallEvent): Closer {
	return {
		id: toId(event.closerId),
		name: textOrNull(event.closerName),
		email: textOrNull(event.closerEmail),
		timeZone: textOrNull(event.closerTimezone),
	};
}

/** Every assigned host, the richer `extended_assigned_to` first; the first is primary unless one is flagged. */
export function hostsOf(event: CallEvent, closer: Closer): Host[] {
	const extended = entriesOf(event.extended_assigned_to);
	const read = (extended.length > 0 ? extended : entriesOf(event.assigned_to))
		.map(hostFrom)
		.filter((host) => host.id !== null || host.name !== null || host.email !== null);
	const flagged = read.findIndex((host) => host.flagged);
	return read.map((host, index) => ({
		id: host.id ?? (closer.id !== null && isCloser(host, closer) ? closer.id : null),
		name: host.name,
		email: host.email,
		primary: index === (flagged === -1 ? 0 : flagged),
	}));
}

/**
 * The call's host is its closer. Where iClosed leaves out the closer's name or email, they come from
 * the assigned host that is the closer (or the primary one when iClosed gives only `closerId`);
 * without any closer field, the primary assigned host stands in (with the id iClosed gave it, if any).
 */
export function hostOf(closer: Closer, hosts: Host[]): Closer | null {
	const primary = hosts.find((host) => host.primary) ?? null;
	const named = closer.id !== null || closer.name !== null || closer.email !== null;
	if (!named) return primary ? { id: primary.id, name: primary.name, email: primary.email, timeZone: closer.timeZone } : null;
	const onlyId = closer.name === null && closer.email === null;
	const match = hosts.find((host) => isCloser(host, closer)) ?? (onlyId ? primary : null);
	return {
		id: closer.id ?? match?.id ?? null,
		name: closer.name ?? match?.name ?? null,
		email: closer.email ?? match?.email ?? null,
		timeZone: closer.timeZone,
	};
}

function personName(person: Record<string, unknown>): string | null {
	return textOrNull(person.name) ?? fullName(person.firstName, person.lastName);
}

/** The setter, or null when iClosed sends no setter or a block of empty strings (`name: " "`). */
export function setterOf(event: CallEvent): Setter | null {
	const block = event.setter;
	if (!block) return null;
	const by = isRecord(block.setBy) ? { name: personName(block.setBy), email: textOrNull(block.setBy.email) } : null;
	const setBy = by && (by.name !== null || by.email !== null) ? by : null;
	const setter = { id: toId(block.id ?? block.userId), name: personName(block), email: textOrNull(block.email) };
	if (setter.id === null && setter.name === null && setter.email === null && setBy === null) return null;
	return { ...setter, setBy };
}
