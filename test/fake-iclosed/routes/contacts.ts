// Contacts (§2.1): list, detail, create (upsert on email), update, notes, journey (test code, never shipped).
import type { Contact } from '../entities';
import { matchesSearch, notFound, paginate, reply, sortBy } from '../http';
import type { Ctx, Route } from '../http';
import { contactDetail, listItem, publicContact } from '../serialize';
import {
	email,
	fieldError,
	id,
	isoZ,
	orderBy,
	phone,
	qBool,
	qIds,
	qInt,
	qIso,
	qLimit,
	qPage,
	sortedTogether,
	str,
	timeZone,
	validate,
	z,
} from '../validation';

const BASE_STATUSES = ['POTENTIAL', 'QUALIFIED', 'DISQUALIFIED'] as const;

/** Account-defined stages are the contact-stage field's options, upper-snake-cased. */
function knownStatuses(ctx: Ctx): Set<string> {
	const stage = ctx.state.fields.find((f) => f.identifier === 'contact_stage');
	const extra = (stage?.CustomFieldOptions ?? []).map((o) =>
		o.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
	);
	return new Set([...BASE_STATUSES, ...extra]);
}

function list(ctx: Ctx) {
	const q = validate(
		ctx,
		'query',
		{
			userId: qInt().optional(),
			statuses: z.string().min(1).optional(),
			eventIds: qIds().optional(),
			search: z.string().min(1).optional(),
			limit: qLimit(100),
			page: qPage(),
			timeFrom: qIso().optional(),
			timeTo: qIso().optional(),
			orderBy: orderBy().optional(),
			orderColumn: z
				.enum(['id', 'createdAt', 'updatedAt', 'joinedTime', 'firstName', 'lastName', 'email'])
				.optional(),
		},
		sortedTogether,
	);
	const statuses = q.statuses?.split(',').map((s) => s.trim().toUpperCase());
	const known = knownStatuses(ctx);
	const unknown = statuses?.filter((s) => !known.has(s));
	if (unknown?.length) fieldError('statuses', `Invalid status: ${unknown.join(', ')}`);
	let rows = ctx.state.contacts.filter(
		(c) =>
			!c.deletedAt &&
			(q.userId === undefined || c.userId === q.userId) &&
			(!statuses || statuses.includes(c.status)) &&
			(!q.eventIds || (c.eventId !== null && q.eventIds.includes(c.eventId))) &&
			matchesSearch(
				q.search,
				c.firstName,
				c.lastName,
				c.email,
				c.phoneNumber,
				[c.firstName, c.lastName].filter(Boolean).join(' '),
			) &&
			(q.timeFrom === undefined || Date.parse(c.joinedTime) >= q.timeFrom) &&
			(q.timeTo === undefined || Date.parse(c.joinedTime) <= q.timeTo),
	);
	rows = sortBy(rows, q.orderColumn, q.orderBy, ctx.variants.pagingStable);
	return reply({
		data: { count: rows.length, contacts: paginate(rows, q.page, q.limit).map((c) => listItem(ctx.variants, publicContact(c))),
		},
	});
}

function detail(ctx: Ctx) {
	// §6.11: `contactId` (w6w, integrators) unless the variant asks for `id`.
	const param = ctx.variants.contactDetailParam;
	const shape: z.ZodRawShape = { [param]: qInt(), includeUtms: qBool().optional() };
	const q = validate(ctx, 'query', shape) as Record<string, unknown>;
	const c = ctx.state.contact(q[param] as number) ?? notFound('Contact');
	return reply({ data: contactDetail(ctx.state, c, q.includeUtms === true) });
}

/** Parses `utm_source=…&utm_medium=…` into the tracking map. */
function parseUtm(utm: string | undefined): Record<string, string> {
	if (!utm) return {};
	return Object.fromEntries(new URLSearchParams(utm.replace(/^\?/, '')).entries());
}

function create(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		firstName: str(25).optional(),
		lastName: str(25).optional(),
		email: email().optional(),
		phoneNumber: phone().optional(),
		status: z.enum(BASE_STATUSES).optional(),
		tag: str(100).optional(),
		joinedTime: isoZ().optional(),
		// §6.9: linkPrefix (w6w), eventName (v1 example) or eventId (legacy): all accepted.
		linkPrefix: str(255).optional(),
		eventName: str(255).optional(),
		eventId: id().optional(),
		utm: str(1000).optional(),
		country: z.string().length(2).optional(),
		timeZone: timeZone().optional(),
		ipAddress: str(45).optional(),
		referrerUrl: z.string().max(500).url().optional(),
	});
	if (!b.email && !b.phoneNumber) fieldError('email', 'Email or phoneNumber is required');
	const { utm, linkPrefix, eventName, eventId, ...fields } = b;
	const event = eventId
		? ctx.state.event(eventId)
		: linkPrefix
			? ctx.state.eventByLinkPrefix(linkPrefix)
			: eventName
				? ctx.state.events.find((e) => e.name === eventName)
				: undefined;
	if ((eventId || linkPrefix || eventName) && !event) notFound('Event');
	const existing = b.email ? ctx.state.contactByEmail(b.email) : undefined;
	const patch: Partial<Contact> = { ...fields, ...(event ? { eventId: event.id } : {}) };
	if (utm) patch.tracking = { ...(existing?.tracking ?? {}), ...parseUtm(utm) };
	if (existing) {
		Object.assign(existing, patch, { updatedAt: ctx.state.nowIso() });
		return reply({ data: { contact: publicContact(existing) } }, 200);
	}
	const c = ctx.state.addContact({ userId: event?.userId ?? null, ...patch });
	return reply({ data: { contact: publicContact(c) } }, ctx.variants.createStatus);
}

function update(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		id: id(),
		firstName: str(25).optional(),
		lastName: str(25).optional(),
		email: email().optional(),
		secondary_email: email().optional(),
		phoneNumber: phone().optional(),
		secondary_phoneNumber: phone().optional(),
		status: z.enum(BASE_STATUSES).optional(),
		referrerUrl: z.string().max(500).url().optional(),
	});
	const c = ctx.state.contact(b.id) ?? notFound('Contact');
	const { id: contactId, ...patch } = b;
	Object.assign(c, patch, { id: contactId });
	if (ctx.variants.contactUpdateMovesUpdatedAt) c.updatedAt = ctx.state.nowIso();
	return reply({ data: { contact: publicContact(c) } });
}

function listNotes(ctx: Ctx) {
	const q = validate(ctx, 'query', { contactId: qInt(), limit: qLimit(100), page: qPage() });
	if (!ctx.state.contact(q.contactId)) notFound('Contact');
	const rows = ctx.state.notes
		.filter((n) => n.contactId === q.contactId)
		.sort((a, b) => b.id - a.id);
	return reply({ count: rows.length, data: paginate(rows, q.page, q.limit) });
}

function addNote(ctx: Ctx) {
	const b = validate(ctx, 'body', { contactId: id(), note: str(10000) });
	if (!ctx.state.contact(b.contactId)) notFound('Contact');
	ctx.state.addNote(b.contactId, b.note);
	const status = ctx.variants.createStatus;
	return reply({ message: 'Note added successfully', status }, status);
}

/** §2.1 journey (MCP only): a timeline built from the contact's record, calls and notes. */
function journey(ctx: Ctx) {
	if (!ctx.variants.journeyEndpoint) notFound('Route');
	const q = validate(ctx, 'query', {
		contactId: qInt(),
		userId: qInt().optional(),
		limit: qLimit(100),
		page: qPage(),
	});
	const c = ctx.state.contact(q.contactId) ?? notFound('Contact');
	const entries = [
		{ type: 'CONTACT_CREATED', createdAt: c.createdAt, contactId: c.id },
		...ctx.state.calls
			.filter((call) => call.contactId === c.id)
			.map((call) => ({
				type: `CALL_${call.status}`,
				createdAt: call.updatedAt,
				eventCallId: call.id,
				userId: call.userId,
			})),
		...ctx.state.notes
			.filter((n) => n.contactId === c.id)
			.map((n) => ({ type: 'NOTE_ADDED', createdAt: n.createdAt, noteId: n.id, note: n.note })),
	]
		.filter((e) => q.userId === undefined || !('userId' in e) || e.userId === q.userId)
		.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
	return reply({ data: { count: entries.length, journey: paginate(entries, q.page, q.limit) } });
}

export const contactRoutes: Route[] = [
	{ method: 'GET', path: '/v1/contacts', handler: list },
	{ method: 'GET', path: '/v1/contacts/detail', handler: detail },
	{ method: 'POST', path: '/v1/contacts', handler: create },
	{ method: 'PUT', path: '/v1/contacts', handler: update },
	{ method: 'GET', path: '/v1/contacts/notes', handler: listNotes },
	{ method: 'POST', path: '/v1/contacts/notes', handler: addNote },
	{ method: 'GET', path: '/v1/contacts/journey', handler: journey },
];
