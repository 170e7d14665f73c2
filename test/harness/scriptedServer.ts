// Test code runs in Node, not in n8n Cloud's sandbox; the cloud-only rules do not apply.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer: a status + JSON body (+ headers), a dropped connection, or no answer at all. */
export type ScriptedAnswer =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { reset: true }
	| { hang: true };

export interface SeenRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	at: number;
}

/**
 * A real HTTP server that answers from a script, for transport tests that need exact sequences
 * (429 then 200, 500 twice…). Endpoint behaviour lives in the fake iClosed server instead.
 */
export class ScriptedServer {
	readonly seen: SeenRequest[] = [];
	private readonly script: ScriptedAnswer[] = [];
	private fallback: (req: SeenRequest) => ScriptedAnswer = () => ({ status: 200, body: {} });
	private server?: http.Server;
	baseUrl = '';

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (chunk) => (raw += chunk));
			req.on('end', () => {
				let body: unknown = raw;
				try {
					body = raw ? JSON.parse(raw) : undefined;
				} catch {
					// keep the raw text
				}
				const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() };
				this.seen.push(seen);
				const answer = this.script.shift() ?? this.fallback(seen);
				if ('reset' in answer) {
					req.socket.destroy();
					return;
				}
				if ('hang' in answer) return; // stop() closes it
				res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
				res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	/** Queue answers for the next requests, in order. */
	answer(...answers: ScriptedAnswer[]): this {
		this.script.push(...answers);
		return this;
	}

	/** What to answer once the script is used up. */
	otherwise(fallback: (req: SeenRequest) => ScriptedAnswer): this {
		this.fallback = fallback;
		return this;
	}

	reset(): void {
		this.seen.length = 0;
		this.script.length = 0;
		this.fallback = () => ({ status: 200, body: {} });
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}
}
