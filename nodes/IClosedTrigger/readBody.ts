import type { IDataObject } from 'n8n-workflow';

/**
 * The events in a delivery, from what n8n hands webhook(). n8n (2.8, `middlewares/body-parser.js`)
 * keeps the raw bytes as `req.rawBody` and, for a version-1 node, parses the body by content type:
 * `application/json` as JSON (malformed JSON is answered 422 by n8n before the node runs),
 * `text/plain` as a string, form bodies as an object, any other type not at all. So a JSON text in a
 * string or in the raw bytes is parsed here; iClosed sends a JSON array of events or a single object
 * (iclosed-api.md §3.2), and both become a list.
 */
export type BodyReading = { events: unknown[] } | { error: string };

function fromJsonText(text: string): BodyReading {
	const trimmed = text.trim();
	if (trimmed === '') return { events: [] };
	try {
		return toEvents(JSON.parse(trimmed) as unknown);
	} catch {
		return { error: 'The body is not JSON. iClosed sends webhook events as JSON.' };
	}
}

function toEvents(body: unknown): BodyReading {
	if (Array.isArray(body)) return { events: body };
	if (typeof body === 'object' && body !== null) return { events: [body] };
	return { error: 'The body is JSON, but neither an event object nor a list of events.' };
}

function isEmptyObject(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/**
 * iClosed's events nest a handful of levels. A body nested far deeper is refused before any code
 * walks it recursively (fingerprint, Simplify, n8n saving the execution as JSON): at a few thousand
 * levels that overflows the stack, and the 500 that follows would make iClosed retry for a day.
 * A thousand levels still pass, and n8n stores them.
 */
export const MAX_NESTING = 1024;

/** Whether `value` has objects or arrays nested more than `limit` levels; walks without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
	const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
	for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
		if (typeof next.node !== 'object' || next.node === null) continue;
		if (next.depth > limit) return true;
		for (const child of Object.values(next.node)) stack.push({ node: child, depth: next.depth + 1 });
	}
	return false;
}

function readUnchecked(body: unknown, rawBody: Buffer | undefined): BodyReading {
	if (typeof body === 'string') return fromJsonText(body);
	if (body !== undefined && body !== null && !isEmptyObject(body)) return toEvents(body);
	// Nothing parsed (unknown content type, or n8n's `{}` default): read the raw bytes.
	return rawBody && rawBody.length > 0 ? fromJsonText(rawBody.toString('utf8')) : { events: [] };
}

export function readEvents(body: unknown, rawBody: Buffer | undefined): BodyReading {
	const reading = readUnchecked(body, rawBody);
	if ('events' in reading && reading.events.some((event) => nestsDeeperThan(event, MAX_NESTING))) {
		return { error: `The body nests more than ${MAX_NESTING} levels deep; iClosed events nest a few levels.` };
	}
	return reading;
}

/**
 * The exact bytes iClosed signed. Without n8n's rawBody (very old n8n, or a test calling webhook()
 * directly) the parsed body is serialised again; a signature over the original bytes may then not
 * match if iClosed's JSON formatting differs (spaces, key order, escapes).
 */
export function rawBodyOf(request: { rawBody?: unknown } | undefined, body: unknown): Buffer {
	const raw = request?.rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	try {
		return Buffer.from(body === undefined ? '' : JSON.stringify(body as IDataObject), 'utf8');
	} catch {
		// Too deep to serialise again: no signature can match it, and readEvents() refuses it.
		return Buffer.alloc(0);
	}
}
