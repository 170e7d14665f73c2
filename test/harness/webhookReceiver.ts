// Test code, never shipped: a local HTTP server standing in for n8n's webhook endpoint.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import type { INodeExecutionData, IWebhookResponseData, WorkflowExecuteMode } from 'n8n-workflow';

import type { TriggerWorkflow } from './hooks';

/**
 * What n8n 2.8.4 does with a POST to a trigger's webhook URL, reduced to what the trigger can see
 * (read from `dist/middlewares/body-parser.js` and `dist/webhooks/webhook-helpers.js`):
 * - the raw bytes are kept as `req.rawBody` (Buffer);
 * - for a version-1 node the body is parsed whatever the content type: `application/json` with
 *   n8n's jsonParse (a parse failure answers **422 before the node runs**), `text/plain` as a string,
 *   `application/x-www-form-urlencoded` as a query string; anything else leaves `req.body` undefined;
 * - webhook() runs in a WebhookContext; with responseMode onReceived n8n answers 200 with the
 *   description's `responseData` when it returned workflowData (unset: the literal text "firstEntryJson"),
 *   the `webhookResponse` or `{"message":"Webhook call received"}` when it did not, nothing when it
 *   wrote the answer itself (`noWebhookResponse`, workflowData still started), and 500 when webhook()
 *   threw.
 * XML bodies are not emulated (iClosed sends JSON). The express Response is a small stand-in with the
 * methods a node uses (status, json, send, end, setHeader).
 */
export interface Received {
	mode: WorkflowExecuteMode;
	status: number;
	/** The items handed to the workflow, when an execution started. */
	items?: INodeExecutionData[];
	result?: IWebhookResponseData;
	error?: Error;
}

export interface WebhookReceiver {
	/** Base URL to give TriggerWorkflow as `n8nBaseUrl`. */
	baseUrl: string;
	received: Received[];
	/** Executions started so far (one entry per delivery that started the workflow). */
	executions: () => INodeExecutionData[][];
	attach(workflow: TriggerWorkflow): void;
	close(): Promise<void>;
}

class ResponseStandIn {
	headersSent = false;

	statusCode = 200;

	constructor(private readonly res: http.ServerResponse) {}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.res.setHeader(name, value);
		return this;
	}

	json(body: unknown): this {
		this.res.setHeader('content-type', 'application/json');
		return this.send(JSON.stringify(body));
	}

	send(body?: string | Buffer): this {
		if (this.headersSent) return this;
		this.headersSent = true;
		this.res.statusCode = this.statusCode;
		this.res.end(body);
		return this;
	}

	end(): this {
		return this.send();
	}
}

function contentTypeOf(header: string | undefined): { type?: string; charset: BufferEncoding } {
	if (!header) return { charset: 'utf-8' };
	const [type, ...parameters] = header.split(';');
	const charset = parameters.map((p) => p.trim().split('=')).find(([k]) => k.toLowerCase() === 'charset')?.[1];
	return { type: type.trim().toLowerCase(), charset: (charset?.toLowerCase() ?? 'utf-8') as BufferEncoding };
}

/** n8n's parseBody for a version-1 node; throws on malformed JSON like n8n's UnprocessableRequestError. */
function parseBody(rawBody: Buffer, type: string | undefined, charset: BufferEncoding): unknown {
	if (rawBody.length === 0) return undefined;
	const text = rawBody.toString(charset);
	if (type === 'application/json') return JSON.parse(text) as unknown;
	if (type === 'application/x-www-form-urlencoded') return { ...parseQueryString(text) };
	if (type === 'text/plain') return text;
	return undefined;
}

async function readAll(req: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
	res.statusCode = status;
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(body));
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
	let workflow: TriggerWorkflow | undefined;
	const received: Received[] = [];

	const server = http.createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const mode: WorkflowExecuteMode = url.pathname.startsWith('/webhook-test/') ? 'manual' : 'webhook';
			const rawBody = await readAll(req);
			const { type, charset } = contentTypeOf(req.headers['content-type']);
			let body: unknown;
			try {
				body = parseBody(rawBody, type, charset);
			} catch {
				received.push({ mode, status: 422 });
				return send(res, 422, { code: 422, message: 'Failed to parse request body' });
			}
			if (!workflow) return send(res, 404, { message: 'No workflow attached' });
			const request = {
				method: req.method,
				url: req.url,
				headers: req.headers,
				query: Object.fromEntries(url.searchParams),
				params: {},
				// Routes for webhooks come before n8n's bodyParser middleware: an unparsed body stays undefined.
				body,
				rawBody,
				contentType: type,
				encoding: charset,
			};
			const response = new ResponseStandIn(res);
			try {
				const result = await workflow.receive(request, response, mode);
				if (result.noWebhookResponse) {
					// A node that answered itself may still start the workflow (n8n runs workflowData).
					received.push({ mode, status: response.statusCode, result, items: result.workflowData?.[0] });
					if (!response.headersSent) response.status(500).send('The node did not answer');
					return;
				}
				const items = result.workflowData?.[0];
				received.push({ mode, status: 200, result, items });
				if (result.workflowData) {
					// n8n 2.8.4 sends the unset responseData's default, the words "firstEntryJson", as the body.
					res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
					return res.end('firstEntryJson');
				}
				return send(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			} catch (error) {
				received.push({ mode, status: 500, error: error as Error });
				return send(res, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
			}
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}`,
		received,
		executions: () => received.filter((r) => r.items).map((r) => r.items as INodeExecutionData[]),
		attach: (w) => {
			workflow = w;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			}),
	};
}
