// What every check works with: the session to iClosed, the findings, the masker, the records the run
// made (and how to undo each), what earlier checks learned, and the answers read once and shared.
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { IClosedRequest } from '../../nodes/shared/transport/request';
import { extractErrorDetails } from '../../nodes/shared/transport/errors';
import type { Findings } from './findings';
import type { Masker } from './mask';
import type { Answer, Session } from './session';

export interface RunOptions {
	write: boolean;
	/** Pause before each write, so a timestamp with whole seconds can move too (default 1.1 s). */
	settleMs: number;
	/** A booking page (id or link prefix) for the call checks; default the first active one. */
	event?: string;
	/** Names every record the run makes. */
	runId: string;
}

export type RecordState = 'made' | 'deleted' | 'cancelled' | 'left in iClosed' | 'may exist';

export interface MadeRecord {
	kind: string;
	/** How to find it in iClosed (names and addresses the probe made up, never personal values). */
	label: string;
	state: RecordState;
	note?: string;
	/** Undoes it; returns the new state. Run once, at the end, for records still `made` or `may exist`. */
	cleanup?: () => Promise<RecordState>;
}

/** One list as read, for the report's table of what each list carries. */
export interface ListObservation {
	list: string;
	status: number;
	ms: number;
	shape: string;
	records: number;
	fields: string[];
}

/** What one check leaves for a later one. */
export interface Learned {
	/** A contact id from the account's own list (read checks only read it). */
	someContactId?: number;
	detailParam?: 'contactId' | 'id';
	/** The booking page and free slots (UTC ms) the call checks may book. */
	bookable?: { eventId: number; linkPrefix: string; slots: number[] };
	webhooksAvailable?: boolean;
	testContact?: { id: number; email: string };
}

export class ProbeContext {
	readonly made: MadeRecord[] = [];
	readonly lists: ListObservation[] = [];
	readonly learned: Learned = {};
	private readonly shared = new Map<string, Promise<Answer>>();

	constructor(
		readonly session: Session,
		readonly findings: Findings,
		readonly masker: Masker,
		readonly options: RunOptions,
		/** A progress line for the person running the probe (stderr), masked. */
		readonly progress: (line: string) => void,
	) {}

	async send(request: IClosedRequest): Promise<Answer> {
		const answer = await this.session.send(request);
		answer.what = describeRequest(request);
		// Records come in successful answers; an error body holds field names and iClosed's messages.
		if (answer.ok) this.masker.learn(answer.body);
		return answer;
	}

	/** A read several checks use, sent once. */
	read(request: IClosedRequest): Promise<Answer> {
		const key = describeRequest(request);
		let answer = this.shared.get(key);
		if (!answer) {
			answer = this.send(request);
			this.shared.set(key, answer);
		}
		return answer;
	}

	/** Waits before a write whose effect on a timestamp is measured. */
	settle(): Promise<void> {
		return sleep(this.options.settleMs);
	}

	remember(record: MadeRecord): MadeRecord {
		this.made.push(record);
		return record;
	}
}

/** `GET /v1/contacts?orderColumn=updatedAt&orderBy=desc`, the way the report names a request. */
export function describeRequest(request: IClosedRequest): string {
	const query = Object.entries(request.query ?? {})
		.filter(([, v]) => v !== undefined && v !== null && v !== '')
		.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v as IDataObject[keyof IDataObject])}`)
		.join('&');
	return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}

/** iClosed's own words for a refusal (field errors first), short. */
export function refusal(answer: Answer): string {
	const { summary, details } = extractErrorDetails(answer.body);
	const text = [summary, ...details].filter(Boolean).join('; ') || answer.error || '';
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** `GET /v1/contacts?… → 400 in 85 ms: orderColumn: Invalid enum value`. */
export function said(answer: Answer): string {
	const status = answer.status === 0 ? 'no answer' : String(answer.status);
	const retried = answer.attempts > 1 ? `, ${answer.attempts} attempts` : '';
	const why = answer.ok ? '' : `: ${refusal(answer)}`;
	return `${answer.what} → ${status} in ${answer.ms} ms${retried}${why}`;
}
