import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { passesFilters, readFilters } from '../IClosedTrigger/filters';
import type { EventFilters } from '../IClosedTrigger/filters';
import { parseDateTime } from '../shared/dates';
import type { EventState } from './cursorState';
import { loadStates, saveStates } from './cursorState';
import { query, readChanges, readPage } from './readChanges';
import { seedState } from './seed';
import type { PollEvent, PollSource, SourceFilters } from './sources';
import { POLL_EVENTS, POLL_SOURCES } from './sources';
import { simplifyRecord, toItemJson } from './toItem';

/**
 * poll() of the iClosed Polling Trigger. Every selected event is read (readChanges.ts); the new
 * states are committed to static data only when every read succeeded and only when they changed, so
 * an error never moves a cursor and a quiet poll leaves nothing for n8n to save.
 */
interface Settings {
	events: PollEvent[];
	filters: EventFilters;
	sourceFilters: SourceFilters;
	simplify: boolean;
	startFrom: string;
}

function readSettings(ctx: IPollFunctions): Settings {
	const chosen = ctx.getNodeParameter('events', []) as string[];
	const events = chosen.filter((e): e is PollEvent => (POLL_EVENTS as string[]).includes(e));
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event', {
			description: `The iClosed Polling Trigger reads: ${POLL_EVENTS.join(', ')}.`,
		});
	}
	const filters = readFilters(ctx.getNodeParameter('filters', {}));
	const statuses = ctx.getNodeParameter('statuses', []) as unknown;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	let startFrom = '';
	if (options.startFrom !== undefined && options.startFrom !== '' && options.startFrom !== null) {
		const parsed = parseDateTime(options.startFrom, ctx.getTimezone());
		if (!parsed) {
			throw new NodeOperationError(ctx.getNode(), `Start From is not a date: ${String(options.startFrom).slice(0, 60)}`, {
				description: 'Pick a date, or clear the option to start from the moment the workflow is published (activated on n8n 1.x).',
			});
		}
		startFrom = parsed.toUTC().toISO() as string;
	}
	const pages = filters.bookingPages;
	return {
		events,
		filters,
		// Booking pages go to iClosed only when every one is a numeric id; link prefixes are checked after reading.
		sourceFilters: {
			callTypes: filters.callTypes,
			eventIds: pages.length > 0 && pages.every((p) => /^\d+$/.test(p)) ? pages.map(Number) : [],
			outcomes: filters.outcomes,
			statuses: (Array.isArray(statuses) ? statuses : typeof statuses === 'string' ? statuses.split(',') : [])
				.map((s) => String(s).trim().toUpperCase())
				.filter((s) => s !== ''),
		},
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
		startFrom,
	};
}

/**
 * Booking pages checked on the REST record, which names its page by id and link prefix (§2.1, §2.2);
 * records without a page (transactions) pass, as in the webhook trigger.
 */
function onBookingPage(record: IDataObject, pages: string[]): boolean {
	if (pages.length === 0) return true;
	const prefix = typeof record.linkPrefix === 'string' ? record.linkPrefix : undefined;
	const names = [record.eventId, prefix, prefix?.split('/').pop(), record.eventId === undefined ? undefined : record.name]
		.filter((v) => v !== undefined && v !== null && v !== '')
		.map((v) => String(v).toLowerCase());
	if (names.length === 0) return true;
	return pages.some((page) => names.includes(page.toLowerCase()));
}

/** The item for a record, or undefined when a client-side condition turns it away. */
function itemFor(source: PollSource, record: IDataObject, settings: Settings, receivedAt: string): INodeExecutionData | undefined {
	if (source.accepts && !source.accepts(record, settings.sourceFilters)) return undefined;
	if (!onBookingPage(record, settings.filters.bookingPages)) return undefined;
	const simplified = simplifyRecord(source, record, receivedAt);
	if (!passesFilters(simplified, { ...settings.filters, bookingPages: [] })) return undefined;
	return { json: toItemJson(source, record, simplified, settings.simplify) };
}

/** The error as it leaves the node: the event named, and what the user can count on. */
function pollError(ctx: IPollFunctions, error: unknown, event: string): NodeApiError | NodeOperationError {
	const note = 'Nothing was lost: the next poll reads again from where the last successful one stopped.';
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = `${event}: ${error.message}`;
		error.description = [error.description, note].filter(Boolean).join(' ');
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), { description: note });
}

/** Fetch Test Event: the newest record matching each selected event, or an error naming them. */
async function fetchTestEvent(ctx: IPollFunctions, settings: Settings): Promise<INodeExecutionData[][]> {
	const receivedAt = new Date().toISOString();
	const items: INodeExecutionData[] = [];
	for (const event of settings.events) {
		const source = POLL_SOURCES[event];
		try {
			const { items: records } = await readPage(ctx, source, query(source, settings.sourceFilters, null), 0, 20);
			const item = records.map((r) => itemFor(source, r, settings, receivedAt)).find((i) => i !== undefined);
			if (item) items.push(item);
		} catch (error) {
			throw pollError(ctx, error, event);
		}
	}
	if (items.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Nothing matching yet in iClosed for ${settings.events.join(', ')}`, {
			description: 'Create or change a matching record in iClosed (or widen the Filters), then fetch again.',
		});
	}
	return [items];
}

export async function pollIClosed(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') return await fetchTestEvent(this, settings);

	const staticData = this.getWorkflowStaticData('node');
	const before = loadStates(staticData);
	const after: Record<string, EventState> = {};
	const receivedAt = new Date().toISOString();
	const items: INodeExecutionData[] = [];
	for (const event of settings.events) {
		const source = POLL_SOURCES[event];
		try {
			let state = before[event];
			if (!state || state.startFrom !== settings.startFrom) {
				state = await seedState(this, source, settings.sourceFilters, settings.startFrom);
				if (!state.pass) {
					after[event] = state;
					continue;
				}
			}
			const result = await readChanges(this, source, settings.sourceFilters, state);
			after[event] = result.state;
			for (const change of result.changes) {
				const item = itemFor(source, change.record, settings, receivedAt);
				if (item) items.push(item);
			}
		} catch (error) {
			throw pollError(this, error, event);
		}
	}
	// Events no longer selected are dropped: choosing one again starts it from that moment.
	saveStates(staticData, after);
	return items.length > 0 ? [items] : null;
}
