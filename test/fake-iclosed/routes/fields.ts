// Custom fields (§2.8): objects, objects/all, contact-stage, create, update, answers, inviteeAnswers.
import type { CustomField, FieldAnswer } from '../entities';
import { badRequest, matchesSearch, notFound, reply } from '../http';
import type { Ctx, Route } from '../http';
import { slugify } from '../state';
import { fieldError, id, qBool, qCsv, qLimit, qPage, str, validate, z } from '../validation';
import { inviteeAnswers } from './inviteeAnswers';

const OBJECT_TYPES = [
	'CONTACT',
	'CALL',
	'EVENT',
	'DEAL',
	'USER',
	'ISCORE',
	'UNIFIED_INBOX',
	'INVITEE_QUESTION',
] as const;
const INPUT_TYPES = [
	'NUMBER',
	'TEXT',
	'TEXT_AREA',
	'DATE',
	'CHECK_BOX',
	'RADIO_BUTTON',
	'USER',
	'USERS_MULTIPLE',
	'URL',
	'SINGLE_SELECT',
	'MULTIPLE_SELECT',
	'EMAIL',
	'RATING',
] as const;
const COLORS = ['blue', 'indigo', 'purple', 'green', 'yellow', 'red', 'pink', 'gray'] as const;

const listFilters = () => ({
	page: qPage(),
	limit: qLimit(100),
	search: z.string().min(1).max(1000).optional(),
	inputType: z.enum(INPUT_TYPES).optional(),
	showSystemFields: qBool().optional(),
	inviteeQuestions: qBool().optional(),
});

type Filters = {
	search?: string;
	inputType?: string;
	showSystemFields?: boolean;
	inviteeQuestions?: boolean;
};

function filterFields(fields: CustomField[], q: Filters): CustomField[] {
	return fields.filter(
		(f) =>
			matchesSearch(q.search, f.name, f.identifier) &&
			(!q.inputType || f.inputType === q.inputType) &&
			(q.showSystemFields || !f.isSystemField) &&
			(q.inviteeQuestions === undefined || f.isInviteeQuestion === q.inviteeQuestions),
	);
}

function objects(ctx: Ctx) {
	const q = validate(ctx, 'query', {
		objectType: z.enum(OBJECT_TYPES),
		identifiers: z.string().max(500).pipe(qCsv()).optional(),
		...listFilters(),
	});
	const rows = filterFields(
		ctx.state.fields.filter((f) => f.type === q.objectType),
		q,
	).filter((f) => !q.identifiers || q.identifiers.includes(f.identifier));
	const page = q.page ?? 0;
	const limit = q.limit ?? 20;
	const hasMore = (page + 1) * limit < rows.length;
	return reply({
		count: rows.length,
		data: rows.slice(page * limit, (page + 1) * limit),
		hasMore,
		nextPage: hasMore ? page + 1 : null,
	});
}

function objectsAll(ctx: Ctx) {
	const q = validate(ctx, 'query', listFilters());
	const page = q.page ?? 0;
	const limit = q.limit ?? 20;
	const data: Record<string, CustomField[]> = {};
	for (const type of OBJECT_TYPES) {
		const rows = filterFields(
			ctx.state.fields.filter((f) => f.type === type),
			q,
		);
		if (rows.length) data[type] = rows.slice(page * limit, (page + 1) * limit);
	}
	return reply({ data });
}

/** A bare object (no `data` envelope): the stage list is its options. */
function contactStage(ctx: Ctx) {
	validate(ctx, 'query', {});
	const f = ctx.state.fieldByIdentifier('contact_stage') ?? notFound('Contact stage field');
	const u = ctx.state.user(f.userId);
	return reply({ ...f, user: u ? { firstName: u.firstName, lastName: u.lastName } : null });
}

const optionInput = () =>
	z
		.object({
			name: str(255),
			color: z.enum(COLORS).optional(),
			displayIndex: z.number().int().nonnegative().optional(),
		})
		.strict();

function create(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		name: str(255),
		inputType: z.enum(INPUT_TYPES),
		type: z.enum(OBJECT_TYPES),
		identifier: z
			.string()
			.min(1)
			.max(255)
			.regex(/^[a-zA-Z0-9_]+$/, 'Identifier may only contain letters, digits and _')
			.optional(),
		description: str(5000).optional(),
		configuration: z.record(z.unknown()).optional(),
		options: z.array(optionInput()).optional(),
		isSecondaryQuestion: z.boolean().optional(),
	});
	const identifier = b.identifier ?? slugify(b.name, '_');
	if (ctx.state.fieldByIdentifier(identifier))
		fieldError('identifier', 'Identifier already exists');
	const field = ctx.state.addField({ ...b, identifier, userId: ctx.state.users[0]?.id ?? null });
	const status = ctx.variants.createStatus;
	return reply({ message: 'Custom field created successfully', status, data: field }, status);
}

function update(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		id: id(),
		name: str(255).optional(),
		identifier: z
			.string()
			.min(1)
			.max(255)
			.regex(/^[a-zA-Z0-9_]+$/)
			.optional(),
		description: str(5000).optional(),
		configuration: z.record(z.unknown()).optional(),
		options: z.array(optionInput()).optional(),
		hidden: z.boolean().optional(),
		isSecondaryQuestion: z.boolean().optional(),
	});
	const f = ctx.state.field(b.id) ?? notFound('Custom field');
	if (b.identifier && b.identifier !== f.identifier && ctx.state.fieldByIdentifier(b.identifier))
		fieldError('identifier', 'Identifier already exists');
	const { options, id: fieldId, ...patch } = b;
	Object.assign(f, patch, { id: fieldId, updatedAt: ctx.state.nowIso() });
	if (options) f.CustomFieldOptions = options.map((o, i) => ctx.state.makeOption(o, i));
	return reply({ message: 'Custom field updated successfully', status: 200, data: f });
}

function resolveField(ctx: Ctx, b: { customFieldId?: number; identifier?: string }): CustomField {
	if (!b.customFieldId && !b.identifier)
		fieldError('customFieldId', 'customFieldId or identifier is required');
	const f = b.customFieldId
		? ctx.state.field(b.customFieldId)
		: ctx.state.fieldByIdentifier(b.identifier ?? '');
	return f ?? notFound('Custom field');
}

function upsertAnswer(
	ctx: Ctx,
	fieldId: number,
	target: { contactId: number | null; eventCallId: number | null },
	answer: string[],
	override = true,
): FieldAnswer {
	const at = ctx.state.nowIso();
	const existing = ctx.state.answers.find(
		(a) =>
			a.customFieldId === fieldId &&
			a.contactId === target.contactId &&
			a.eventCallId === target.eventCallId,
	);
	if (existing) {
		if (override) Object.assign(existing, { answer, updatedAt: at });
		return existing;
	}
	const created = {
		id: ctx.state.nextId('answer'),
		customFieldId: fieldId,
		...target,
		answer,
		createdAt: at,
		updatedAt: at,
	};
	ctx.state.answers.push(created);
	return created;
}

const answerShape = () => ({
	customFieldId: id().optional(),
	identifier: str(255).optional(),
	answer: z.array(z.string()),
});

function answer(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		...answerShape(),
		contactId: id().optional(),
		eventCallId: id().optional(),
	});
	if (!b.contactId && !b.eventCallId)
		fieldError('contactId', 'contactId or eventCallId is required');
	const f = resolveField(ctx, b);
	const call = b.eventCallId
		? (ctx.state.call(b.eventCallId) ?? notFound('Event call'))
		: undefined;
	const contactId = b.contactId ?? call?.contactId ?? null;
	if (b.contactId && !ctx.state.contact(b.contactId)) notFound('Contact');
	if (f.inputType === 'SINGLE_SELECT' && b.answer.length > 1)
		badRequest('A single-select field takes one answer');
	upsertAnswer(
		ctx,
		f.id,
		{ contactId: call ? null : contactId, eventCallId: call?.id ?? null },
		b.answer,
	);
	const rows = ctx.state.answers.filter((a) =>
		call ? a.eventCallId === call.id : a.contactId === contactId,
	);
	return reply({ contactId, ...(call ? { eventCallId: call.id } : {}), CustomFieldAnswer: rows });
}

function answerBulk(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		...answerShape(),
		contactIds: z.array(id()).min(1),
		overrideExisting: z.boolean().optional(),
	});
	const f = resolveField(ctx, b);
	const missing = b.contactIds.filter((c) => !ctx.state.contact(c));
	if (missing.length) fieldError('contactIds', `Contacts not found: ${missing.join(', ')}`);
	for (const contactId of b.contactIds)
		upsertAnswer(ctx, f.id, { contactId, eventCallId: null }, b.answer, b.overrideExisting ?? true);
	return reply({ message: `Answers saved for ${b.contactIds.length} contacts` });
}

export const fieldRoutes: Route[] = [
	{ method: 'GET', path: '/v1/fields/objects', handler: objects },
	{ method: 'GET', path: '/v1/fields/objects/all', handler: objectsAll },
	{ method: 'GET', path: '/v1/fields/contact-stage', handler: contactStage },
	{ method: 'POST', path: '/v1/fields', handler: create },
	{ method: 'PUT', path: '/v1/fields', handler: update },
	{ method: 'POST', path: '/v1/fields/answer', handler: answer },
	{ method: 'POST', path: '/v1/fields/answer/bulk', handler: answerBulk },
	{ method: 'POST', path: '/v1/fields/inviteeAnswers', handler: inviteeAnswers },
];
