// Users & availabilities (§2.9) (test code, never shipped).
import { matchesSearch, paginate, reply } from '../http';
import type { Ctx, Route } from '../http';
import { publicUser } from '../serialize';
import { qIds, qInt, qLimit, qPage, validate, z } from '../validation';

function list(ctx: Ctx) {
	const q = validate(ctx, 'query', {
		limit: qLimit(100),
		page: qPage(),
		search: z.string().min(1).optional(),
		ids: qIds().optional(),
	});
	const rows = ctx.state.users.filter(
		(u) =>
			(!q.ids || q.ids.includes(u.id)) &&
			matchesSearch(q.search, u.firstName, u.lastName, u.email, `${u.firstName} ${u.lastName}`),
	);
	return reply({
		data: {
			users: paginate(rows, q.page, q.limit).map((u) => publicUser(ctx.state, u)),
			count: rows.length,
		},
	});
}

function availabilities(ctx: Ctx) {
	const q = validate(ctx, 'query', { userId: qInt().optional() });
	return reply({
		data: ctx.state.availabilities.filter((a) => q.userId === undefined || a.userId === q.userId),
	});
}

export const userRoutes: Route[] = [
	{ method: 'GET', path: '/v1/users', handler: list },
	{ method: 'GET', path: '/v1/userAvailabilities', handler: availabilities },
];
