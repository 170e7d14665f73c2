// Products (§2.6): list (max limit 200), create, update (test code, never shipped).
import { matchesSearch, notFound, paginate, reply, sortBy } from '../http';
import type { Ctx, Route } from '../http';
import { id, orderBy, qLimit, qPage, sortedTogether, str, validate, z } from '../validation';

function list(ctx: Ctx) {
	const q = validate(
		ctx,
		'query',
		{
			search: z.string().min(1).optional(),
			limit: qLimit(200),
			page: qPage(),
			orderBy: orderBy().optional(),
			orderColumn: z.enum(['id', 'name', 'createdAt', 'updatedAt', 'deals']).optional(),
		},
		sortedTogether,
	);
	const { state } = ctx;
	let rows = state.products
		.filter((p) => matchesSearch(q.search, p.name))
		.map((p) => ({ ...p, deals: state.deals.filter((d) => d.productId === p.id).length }));
	rows = sortBy(rows, q.orderColumn, q.orderBy, ctx.variants.pagingStable);
	return reply({ data: { count: rows.length, products: paginate(rows, q.page, q.limit) } });
}

function create(ctx: Ctx) {
	const b = validate(ctx, 'body', { name: str(255), description: str(5000).optional() });
	const product = ctx.state.addProduct({ name: b.name, description: b.description ?? null });
	return reply({ data: { product } }, ctx.variants.createStatus);
}

function update(ctx: Ctx) {
	const b = validate(ctx, 'body', {
		productId: id(),
		name: str(255).optional(),
		description: str(5000).optional(),
	});
	const product = ctx.state.product(b.productId) ?? notFound('Product');
	if (b.name !== undefined) product.name = b.name;
	if (b.description !== undefined) product.description = b.description;
	product.updatedAt = ctx.state.nowIso();
	return reply({ data: { product } });
}

export const productRoutes: Route[] = [
	{ method: 'GET', path: '/v1/products', handler: list },
	{ method: 'POST', path: '/v1/products', handler: create },
	{ method: 'PUT', path: '/v1/products', handler: update },
];
