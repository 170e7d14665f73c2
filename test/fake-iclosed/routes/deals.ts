// Deals (§2.5): list (max limit 200), create, update (test code, never shipped).
import type { Deal } from '../entities';
import { matchesSearch, notFound, paginate, reply, sortBy } from '../http';
import type { Ctx, Route } from '../http';
import { listItem, publicDeal } from '../serialize';
import {
	email,
	fieldError,
	id,
	isoZ,
	orderBy,
	qCsv,
	qIds,
	qInt,
	qIso,
	qLimit,
	qPage,
	sortedTogether,
	str,
	validate,
	z,
} from '../validation';

const TRANSACTION_TYPES = ['WON', 'RECURRING', 'DEPOSIT'] as const;

function list(ctx: Ctx) {
	const q = validate(
		ctx,
		'query',
		{
			contactId: qInt().optional(),
			userIds: qIds().optional(),
			productIds: qIds().optional(),
			transactionType: z.enum(TRANSACTION_TYPES).optional(),
			contactStatuses: qCsv().optional(),
			eventIds: qIds().optional(),
			search: z.string().min(1).optional(),
			limit: qLimit(200),
			page: qPage(),
			orderBy: orderBy().optional(),
			orderColumn: z
				.enum(['id', 'time', 'value', 'firstName', 'lastName', 'email', 'phoneNumber'])
				.optional(),
			timeFrom: qIso().optional(),
			timeTo: qIso().optional(),
		},
		sortedTogether,
	);
	const { state } = ctx;
	let rows = state.deals
		.map(
			(d) =>
				publicDeal(state, d) as unknown as Deal & {
					contact: Record<string, unknown> | null;
					product: { name: string } | null;
				},
		)
		.filter((d) => {
			const call = state.call(d.eventCallId);
			const c = d.contact ?? {};
			return (
				(q.contactId === undefined || d.contactId === q.contactId) &&
				(!q.userIds || (d.userId !== null && q.userIds.includes(d.userId))) &&
				(!q.productIds || (d.productId !== null && q.productIds.includes(d.productId))) &&
				(!q.transactionType || d.transactionType === q.transactionType) &&
				(!q.contactStatuses || q.contactStatuses.includes(String(c.status))) &&
				(!q.eventIds || (!!call && q.eventIds.includes(call.eventId))) &&
				matchesSearch(q.search, d.product?.name, c.firstName, c.lastName, c.email, c.phoneNumber) &&
				(q.timeFrom === undefined || Date.parse(d.time) >= q.timeFrom) &&
				(q.timeTo === undefined || Date.parse(d.time) <= q.timeTo)
			);
		});
	if (q.orderColumn && ['firstName', 'lastName', 'email', 'phoneNumber'].includes(q.orderColumn)) {
		const col = q.orderColumn;
		const dir = q.orderBy === 'desc' ? -1 : 1;
		rows = [...rows].sort(
			(a, b) => String(a.contact?.[col] ?? '').localeCompare(String(b.contact?.[col] ?? '')) * dir,
		);
	} else rows = sortBy(rows, q.orderColumn, q.orderBy, ctx.variants.pagingStable);
	return reply({
		data: {
			count: rows.length,
			deals: paginate(rows, q.page, q.limit).map((d) => listItem(ctx.variants, d)),
		},
	});
}

function checkRefs(ctx: Ctx, productId?: number, transactionIds?: number[]): void {
	if (productId !== undefined && !ctx.state.product(productId)) notFound('Product');
	const missing = (transactionIds ?? []).filter(
		(t) => !ctx.state.transactions.some((x) => x.id === t),
	);
	if (missing.length) fieldError('transactionIds', `Transactions not found: ${missing.join(', ')}`);
}

/** Links the transactions to the deal (a "synced" transaction, §2.7). */
function linkTransactions(ctx: Ctx, deal: Deal): void {
	for (const t of ctx.state.transactions) {
		if (!deal.transactionIds.includes(t.id) || t.dealId === deal.id) continue;
		t.dealId = deal.id;
		t.updatedAt = ctx.state.nowIso();
	}
}

function create(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		eventCallId: id(),
		productId: id().optional(),
		productName: str(255).optional(),
		value: z.number().nonnegative().optional(),
		time: isoZ().optional(),
		transactionType: z.enum(TRANSACTION_TYPES).optional(),
		transactionIds: z.array(id()).optional(),
	});
	const { state } = ctx;
	const call = state.call(b.eventCallId) ?? notFound('Event call');
	checkRefs(ctx, b.productId, b.transactionIds);
	const productId =
		b.productId ??
		(b.productName
			? (
					state.products.find((p) => p.name.toLowerCase() === b.productName?.toLowerCase()) ??
					state.addProduct({ name: b.productName })
				).id
			: null);
	const deal = state.addDeal({
		value: b.value ?? 0,
		eventCallId: call.id,
		contactId: call.contactId,
		userId: call.userId,
		productId,
		time: b.time ?? state.nowIso(),
		transactionType: b.transactionType ?? 'WON',
		recurring: b.transactionType === 'RECURRING',
		transactionIds: b.transactionIds ?? [],
	});
	linkTransactions(ctx, deal);
	return reply({ data: { deal } }, ctx.variants.createStatus);
}

function update(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		id: id(),
		value: z.number().nonnegative().optional(),
		recurring: z.boolean().optional(),
		transactionType: z.enum(TRANSACTION_TYPES).optional(),
		productId: id().optional(),
		closerId: id().optional(),
		time: isoZ().optional(),
		transactionIds: z.array(id()).optional(),
		type: z.enum(['DEAL', 'TRANSACTION']).optional(),
		email: email().optional(),
	});
	const { state } = ctx;
	const deal = state.deals.find((d) => d.id === b.id) ?? notFound('Deal');
	checkRefs(ctx, b.productId, b.transactionIds);
	if (b.closerId !== undefined && !state.user(b.closerId)) notFound('User');
	const { id: dealId, closerId, email: _email, ...patch } = b;
	if (_email && deal.contactId) {
		const c = state.contact(deal.contactId);
		if (c) Object.assign(c, { email: _email, updatedAt: state.nowIso() });
	}
	Object.assign(deal, patch, { id: dealId, updatedAt: state.nowIso() });
	if (closerId !== undefined) deal.userId = closerId;
	linkTransactions(ctx, deal);
	return reply({ data: { deal } });
}

export const dealRoutes: Route[] = [
	{ method: 'GET', path: '/v1/deals', handler: list },
	{ method: 'POST', path: '/v1/deals', handler: create },
	{ method: 'PUT', path: '/v1/deals', handler: update },
];
