// The probe's line to iClosed: the package's own transport (pacing, retries, error text) in n8n-core's
// real execution context, the one the test harness uses, with a tap on n8n's request helper that notes
// what each answer was on the wire (status, headers, timing) — the transport itself keeps only bodies.
import type { IDataObject, IExecuteFunctions, Logger } from 'n8n-workflow';

import { iClosedApiRequest } from '../../nodes/shared/transport/request';
import type { IClosedRequest } from '../../nodes/shared/transport/request';
import { executeContextFor } from '../../test/harness/executeContext';

export type Environment = 'production' | 'development' | 'custom';

export interface Connection {
	environment: Environment;
	/** Only for `custom`. */
	baseUrl?: string;
	apiKey: string;
}

/** One request as the probe saw it: the last attempt on the wire, and the whole call's time. */
export interface Answer {
	/** `GET /v1/contacts`. */
	what: string;
	/** HTTP status of the last attempt; 0 when no answer came. */
	status: number;
	ok: boolean;
	body: unknown;
	/** Lower-case names. */
	headers: Record<string, string>;
	/** From the call into the transport to its return, pacing and retries included. */
	ms: number;
	attempts: number;
	/** The last attempt's start and end (ms since epoch), to compare with a Date header. */
	sentAt: number;
	answeredAt: number;
	/** The transport's error message, when it threw. */
	error?: string;
}

interface WireAnswer {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	sentAt: number;
	answeredAt: number;
}

function flatHeaders(raw: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

export type LogSink = (level: string, message: string) => void;

export class Session {
	/** Every answer of this run, in order (the header checks read them all). */
	readonly answers: Answer[] = [];
	private wire: WireAnswer | undefined;
	private attempts = 0;

	private constructor(private readonly ctx: IExecuteFunctions) {}

	/** A session for one credential; `log` receives the transport's own log lines. */
	static open(connection: Connection, log: LogSink): Session {
		const ctx = executeContextFor({
			apiKey: connection.apiKey,
			baseUrl: connection.baseUrl ?? '',
			environment: connection.environment,
		});
		const session = new Session(ctx);
		session.tap(log);
		return session;
	}

	private tap(log: LogSink): void {
		const helpers = this.ctx.helpers as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
		const request = helpers.httpRequestWithAuthentication;
		helpers.httpRequestWithAuthentication = async (...args: unknown[]) => {
			this.attempts++;
			const sentAt = Date.now();
			this.wire = undefined;
			const response = (await request.apply(this.ctx, args)) as IDataObject;
			this.wire = {
				statusCode: Number(response.statusCode ?? 0),
				headers: flatHeaders(response.headers),
				body: response.body,
				sentAt,
				answeredAt: Date.now(),
			};
			return response;
		};
		const logger: Logger = {
			error: (message: string) => log('error', message),
			warn: (message: string) => log('warn', message),
			info: (message: string) => log('info', message),
			debug: (message: string) => log('debug', message),
		} as unknown as Logger;
		// The context reads n8n's DI logger through a prototype getter: this instance gets its own.
		Object.defineProperty(this.ctx, 'logger', { value: logger });
	}

	async send(request: IClosedRequest): Promise<Answer> {
		const started = Date.now();
		this.attempts = 0;
		this.wire = undefined;
		let body: unknown;
		let error: string | undefined;
		try {
			body = await iClosedApiRequest.call(this.ctx, request);
		} catch (e) {
			error = (e as Error).message;
		}
		const wire = this.wire as WireAnswer | undefined;
		const answer: Answer = {
			what: `${request.method} ${request.path}`,
			status: wire?.statusCode ?? 0,
			ok: error === undefined,
			body: error === undefined ? body : wire?.body,
			headers: wire?.headers ?? {},
			ms: Date.now() - started,
			attempts: this.attempts,
			sentAt: wire?.sentAt ?? started,
			answeredAt: wire?.answeredAt ?? Date.now(),
			error,
		};
		this.answers.push(answer);
		return answer;
	}
}
