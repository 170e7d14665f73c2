import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readFilters } from '../shared/events/filters';
import type { EventFilters } from '../shared/events/filters';
import { parseDateTime } from '../shared/dates';
import { CHOOSE_EVENTS } from './properties';
import type { PollEvent, SourceFilters } from './sources';
import { POLL_EVENTS } from './sources';

/** The node's parameters as the poll uses them. */
export interface PollSettings {
	events: PollEvent[];
	filters: EventFilters;
	sourceFilters: SourceFilters;
	simplify: boolean;
	/**
	 * Start From in ms, read only when an event has no state yet (seedState.ts). An expression such as
	 * `{{ $now.minus({ days: 1 }) }}` gives a new value each poll; that is harmless for that reason.
	 */
	startFrom?: number;
}

export function readSettings(ctx: IPollFunctions): PollSettings {
	const chosen = ctx.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(chosen)
		? (chosen as string[])
		: typeof chosen === 'string'
			? chosen.split(',')
			: [];
	const events = list
		.map((e) => e.trim())
		.filter((e): e is PollEvent => (POLL_EVENTS as string[]).includes(e));
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), CHOOSE_EVENTS, {
			description: `The iClosed Polling Trigger reads: ${POLL_EVENTS.join(', ')}.`,
		});
	}
	const filters = readFilters(ctx.getNodeParameter('filters', {}));
	const statuses = ctx.getNodeParameter('statuses', []) as unknown;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	let startFrom: number | undefined;
	if (options.startFrom !== undefined && options.startFrom !== '' && options.startFrom !== null) {
		const parsed = parseDateTime(options.startFrom, ctx.getTimezone());
		if (!parsed) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Start From is not a date: ${String(options.startFrom).slice(0, 60)}`,
				{
					description:
						'Pick a date, or clear the option to start from the moment the workflow is published (activated on n8n 1.x).',
				},
			);
		}
		startFrom = parsed.toMillis();
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
			statuses: (Array.isArray(statuses)
				? statuses
				: typeof statuses === 'string'
					? statuses.split(',')
					: []
			)
				.map((s) => String(s).trim().toUpperCase())
				.filter((s) => s !== ''),
		},
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
		startFrom,
	};
}
