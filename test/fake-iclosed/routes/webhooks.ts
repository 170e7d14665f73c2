// Webhook subscriptions (§2.11, largely undocumented): every uncertain point is a variant.
import { randomBytes } from 'node:crypto';

import type { Webhook } from '../entities';
import { HttpError, notFound, paginate, reply } from '../http';
import type { Ctx, Route } from '../http';
import { qLimit, qPage, str, validate, ValidationError, z } from '../validation';

/** Fails the request the way the `webhooksApi` variant says the API does not exist. */
function gate(ctx: Ctx): void {
	if (ctx.variants.webhooksApi === 'notFound') throw new HttpError(404, { message: 'Not Found' });
	if (ctx.variants.webhooksApi === 'forbidden')
		throw new HttpError(403, {
			message: 'You do not have permission to manage webhooks',
			code: 'FORBIDDEN',
		});
}

function publicWebhook(ctx: Ctx, w: Webhook, withSecret = true): Record<string, unknown> {
	const { secret, ...rest } = w;
	return {
		...rest,
		id: ctx.variants.webhookIdType === 'string' ? String(w.id) : w.id,
		...(withSecret ? { [ctx.variants.webhookSecretField]: secret } : {}),
	};
}

function create(ctx: Ctx) {
	gate(ctx);
	const b = validate(ctx, 'body', {
		url: z.string().min(1).max(2048).url('Invalid url'),
		events: z.array(str(100)).min(1),
		isActive: z.boolean().optional(),
	});
	const rejected = b.events.filter((e) => ctx.variants.rejectEvents.includes(e));
	if (rejected.length) {
		throw new ValidationError({ events: rejected.map((e) => `Invalid event type: ${e}`) });
	}
	const otherUrl = ctx.state.webhooks.find((x) => x.url !== b.url);
	if (ctx.variants.webhookUrlsPerAccount === 'one' && otherUrl) {
		throw new HttpError(400, { message: 'A webhook URL is already registered for this account' });
	}
	const w: Webhook = {
		id: ctx.state.nextId('webhook'),
		url: b.url,
		events: b.events,
		secret: randomBytes(32).toString('hex'),
		isActive: b.isActive ?? true,
		createdAt: ctx.state.nowIso(),
	};
	ctx.state.webhooks.push(w);
	switch (ctx.variants.webhookCreateEnvelope) {
		case 'data':
			return reply({ data: publicWebhook(ctx, w) }, 201);
		case 'dataWebhook':
			return reply({ data: { webhook: publicWebhook(ctx, w) } }, 201);
		case 'noSecret':
			return reply(publicWebhook(ctx, w, false), 201);
		default:
			return reply(publicWebhook(ctx, w), 201);
	}
}

function list(ctx: Ctx) {
	gate(ctx);
	const q = validate(ctx, 'query', { page: qPage(), limit: qLimit(100) });
	const rows = paginate(ctx.state.webhooks, q.page, q.limit).map((w) =>
		publicWebhook(ctx, w, ctx.variants.webhookCreateEnvelope !== 'noSecret'),
	);
	switch (ctx.variants.webhookListEnvelope) {
		case 'dataWebhooks':
			return reply({ data: { webhooks: rows, count: ctx.state.webhooks.length } });
		case 'array':
			return reply(rows);
		default:
			return reply({ data: rows });
	}
}

function find(ctx: Ctx): Webhook {
	const wanted = ctx.params.id;
	return ctx.state.webhooks.find((w) => String(w.id) === wanted) ?? notFound('Webhook');
}

function get(ctx: Ctx) {
	gate(ctx);
	return reply({
		data: publicWebhook(ctx, find(ctx), ctx.variants.webhookCreateEnvelope !== 'noSecret'),
	});
}

function remove(ctx: Ctx) {
	gate(ctx);
	const w = find(ctx);
	ctx.state.webhooks = ctx.state.webhooks.filter((x) => x !== w);
	return reply({ message: 'Webhook deleted successfully', status: 200 });
}

export const webhookRoutes: Route[] = [
	{ method: 'POST', path: '/v1/webhooks', handler: create },
	{ method: 'GET', path: '/v1/webhooks', handler: list },
	{ method: 'GET', path: '/v1/webhooks/:id', handler: get },
	{ method: 'DELETE', path: '/v1/webhooks/:id', handler: remove },
];
