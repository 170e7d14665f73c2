// Transactions (§2.7): list (top-level count), create, update, delete (id in the query string).
import type { Transaction } from '../entities';
import { matchesSearch, notFound, paginate, reply } from '../http';
import type { Ctx, Route } from '../http';
import { listItem } from '../serialize';
import {
	email,
	id,
	phone,
	qBool,
	qInt,
	qIso,
	qLimit,
	qPage,
	str,
	validate,
	z,
} from '../validation';

const SOURCES = ['Zapier', 'Stripe', 'Make', 'Other'] as const;

/** §6.21: source casing is uncertain (`Stripe` vs `STRIPE`): accept any case, store the enum spelling. */
const source = () =>
	z
		.string()
		.min(1)
		.transform((s) => SOURCES.find((x) => x.toLowerCase() === s.toLowerCase()) ?? s)
		.pipe(z.enum(SOURCES));

function list(ctx: Ctx) {
	const q = validate(ctx, 'query', {
		id: qInt().optional(),
		synced: qBool().optional(),
		search: z.string().min(1).optional(),
		source: z
			.string()
			.min(1)
			.transform((s) => s.split(','))
			.pipe(z.array(source()))
			.optional(),
		timeFrom: qIso().optional(),
		timeTo: qIso().optional(),
		page: qPage(),
		limit: qLimit(100),
		sort: z.enum(['asc', 'desc']).optional(),
		sortByAmount: z.enum(['ascAmount', 'descAmount']).optional(),
	});
	let rows = ctx.state.transactions.filter(
		(t) =>
			(q.id === undefined || t.id === q.id) &&
			(q.synced === undefined || (t.dealId !== null) === q.synced) &&
			matchesSearch(q.search, t.name, t.email, t.phoneNumber, String(t.value)) &&
			(!q.source || (q.source as string[]).includes(t.source)) &&
			(q.timeFrom === undefined || Date.parse(t.createdAt) >= q.timeFrom) &&
			(q.timeTo === undefined || Date.parse(t.createdAt) <= q.timeTo),
	);
	const dir = q.sort === 'asc' ? 1 : -1;
	rows = [...rows].sort(
		(a, b) => (Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id) * dir,
	);
	if (q.sortByAmount) {
		const d = q.sortByAmount === 'ascAmount' ? 1 : -1;
		rows.sort((a, b) => (a.value - b.value) * d);
	}
	return reply({
		count: rows.length,
		data: paginate(rows, q.page, q.limit).map((t) => listItem(ctx.variants, t)),
	});
}

const fields = () => ({
	name: str(255).optional(),
	email: email().optional(),
	phoneNumber: phone().optional(),
	description: str(5000).optional(),
	source: source().optional(),
	updatedBy: str(255).optional(),
});

function create(ctx: Ctx) {
	const b = validate(ctx, 'body', { value: z.number(), ...fields() });
	const t = ctx.state.addTransaction(b as Partial<Transaction> & { value: number });
	const status = ctx.variants.createStatus;
	return reply({ message: 'Transaction created successfully', status, data: t }, status);
}

function update(ctx: Ctx) {
	const b = validate(ctx, 'body', { id: id(), value: z.number().optional(), ...fields() });
	const t = ctx.state.transactions.find((x) => x.id === b.id) ?? notFound('Transaction');
	Object.assign(t, b, { updatedAt: ctx.state.nowIso() });
	return reply({ message: 'Transaction updated successfully', status: 200, data: t });
}

function remove(ctx: Ctx) {
	const q = validate(ctx, 'query', { id: qInt() });
	const index = ctx.state.transactions.findIndex((x) => x.id === q.id);
	if (index < 0) notFound('Transaction');
	ctx.state.transactions.splice(index, 1);
	for (const d of ctx.state.deals) d.transactionIds = d.transactionIds.filter((t) => t !== q.id);
	return reply({ message: 'Transaction deleted successfully', status: 200 });
}

export const transactionRoutes: Route[] = [
	{ method: 'GET', path: '/v1/transactions', handler: list },
	{ method: 'POST', path: '/v1/transactions', handler: create },
	{ method: 'PUT', path: '/v1/transactions', handler: update },
	{ method: 'DELETE', path: '/v1/transactions', handler: remove },
];
