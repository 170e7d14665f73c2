/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped */
// The HTTP server: records each request, then faults → auth → rate limit → route (test code, never shipped).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { authenticate } from './auth';
import type { KeySets } from './auth';
import { FaultInjector, sleep } from './faults';
import { HttpError } from './http';
import type { Reply } from './http';
import { RateLimiter, rateLimitBody, rateLimitHeaders } from './rateLimit';
import { matchRoute } from './routes';
import type { FakeState } from './state';
import type { FakeVariants, RecordedRequest } from './types';
import { ValidationError, validationBody } from './validation';

export interface ServerDeps {
	state: FakeState;
	keys: KeySets;
	limiter: RateLimiter;
	faults: FaultInjector;
	variants: () => FakeVariants;
	requests: RecordedRequest[];
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseBody(raw: string): { body: unknown; invalidJson: boolean } {
	if (!raw.length) return { body: undefined, invalidJson: false };
	try {
		return { body: JSON.parse(raw), invalidJson: false };
	} catch {
		return { body: raw, invalidJson: true };
	}
}

/** `now`: iClosed's clock for the Date header; undefined: Node's own Date; 'none': no Date header at all. */
function send(res: ServerResponse, record: RecordedRequest, r: Reply, now?: Date | 'none'): void {
	record.status = r.status;
	if (now === 'none') res.sendDate = false;
	const text = JSON.stringify(r.body);
	res.writeHead(r.status, {
		// iClosed's clock (the movable one in tests), as any HTTP server states it.
		...(now instanceof Date ? { Date: now.toUTCString() } : {}),
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...r.headers,
	});
	res.end(text);
}

function drop(req: IncomingMessage, record: RecordedRequest): void {
	record.status = 0;
	req.socket.destroy();
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const method = (req.method ?? 'GET').toUpperCase();
	const raw = await readBody(req);
	const { body, invalidJson } = parseBody(raw);
	const record: RecordedRequest = {
		method,
		path: url.pathname,
		query: Object.fromEntries(url.searchParams.entries()),
		headers: req.headers,
		body,
		status: 0,
		at: Date.now(),
	};
	deps.requests.push(record);
	const variants = deps.variants();
	const match = matchRoute(method, url.pathname);

	// Every answer states iClosed's clock, errors included (or none at all, as the variant says).
	const date = variants.dateHeader ? deps.state.now() : 'none';
	// 1. Injected faults: a status or reset fault answers before anything is executed.
	const fault = deps.faults.take(method, url.pathname, match?.route.path);
	if (fault?.kind === 'delay') await sleep(fault.ms);
	if (fault?.kind === 'before') fault.run();
	if (fault?.kind === 'reset') return drop(req, record);
	if (fault?.kind === 'status') {
		return send(res, record, {
			status: fault.status,
			body: fault.body ?? {
				message: fault.status >= 500 ? 'Internal server error' : 'Injected error',
			},
		}, date);
	}

	// 2. Auth (§1.2).
	const auth = authenticate(req.headers.authorization, deps.keys, variants.requireKeyPrefix);
	if (!auth.ok) return send(res, record, { status: auth.status, body: auth.body }, date);

	// 3. Rate limit per endpoint (method + path) per key (§1.3); a refused request is not executed.
	const decision = deps.limiter.check(`${method} ${url.pathname}`, auth.apiKey, Date.now());
	if (!decision.ok) {
		const headers = rateLimitHeaders(
			variants.rateLimitHeaders,
			decision.limit,
			0,
			decision.resetAt,
		);
		if (decision.limit.retryAfterHeader) headers['Retry-After'] = String(decision.retryAfter);
		return send(res, record, {
			status: 429,
			body: rateLimitBody(decision.limit, decision.retryAfter),
			headers,
		}, date);
	}
	const limitHeaders = rateLimitHeaders(
		variants.rateLimitHeaders,
		decision.limit,
		decision.remaining,
		decision.resetAt,
	);

	// 4. The route itself.
	let result: Reply;
	try {
		if (!match) throw new HttpError(404, { message: `Cannot ${method} ${url.pathname}` });
		if (invalidJson) throw new ValidationError({}, ['Invalid JSON body']);
		const refused = variants.refusedOrderColumns[url.pathname] ?? [];
		if (record.query.orderColumn !== undefined && refused.includes(record.query.orderColumn)) {
			throw new ValidationError({ orderColumn: [`Invalid enum value '${record.query.orderColumn}'`] });
		}
		result = await match.route.handler({
			method,
			path: url.pathname,
			// The `ignoredQuery` variant: parameters the API accepts and silently drops.
			query: Object.fromEntries(
				Object.entries(record.query).filter(([key]) => !variants.ignoredQuery.includes(key)),
			),
			body,
			params: match.params,
			apiKey: auth.apiKey,
			state: deps.state,
			variants,
		});
	} catch (err) {
		if (err instanceof ValidationError) {
			result = {
				status: 400,
				body: validationBody(err, variants.validationShape, url.pathname, method),
			};
		} else if (err instanceof HttpError) {
			result = { status: err.status, body: err.body };
		} else {
			result = { status: 500, body: { message: 'Internal server error', detail: String(err) } };
		}
	}
	// The nastiest case for booking: the work is done, the answer never arrives.
	if (fault?.kind === 'resetAfterCommit') return drop(req, record);
	send(res, record, { ...result, headers: { ...limitHeaders, ...result.headers } }, date);
}

export function createFakeServer(deps: ServerDeps): Server {
	return createServer((req, res) => {
		handle(deps, req, res).catch((err) => {
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ message: 'Internal server error', detail: String(err) }));
			}
		});
	});
}
