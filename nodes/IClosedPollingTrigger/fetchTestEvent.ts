import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemFor } from './items';
import { readListPage } from './listPage';
import { eventError } from './pollErrors';
import { windowFrom } from './pageWindow';
import type { PollSettings } from './settings';
import { POLL_SOURCES } from './sources';
import { StreamRead } from './streamRead';

/** Records read per event for Fetch Test Event: enough for a client-side filter to find a match. */
const SAMPLE_SIZE = 20;

/**
 * Fetch Test Event: the newest record matching each selected event, as the item it would become, or an
 * error naming the events. Reads only; the state is never touched.
 */
export async function fetchTestEvent(
	ctx: IPollFunctions,
	settings: PollSettings,
): Promise<INodeExecutionData[][]> {
	const receivedAt = new Date().toISOString();
	const deadline = Date.now() + 60_000;
	const items: INodeExecutionData[] = [];
	for (const event of settings.events) {
		const source = POLL_SOURCES[event];
		try {
			const window = { ...windowFrom(0, source.list.pageSize), limit: SAMPLE_SIZE };
			const { items: records } = await readListPage(
				ctx,
				source.list,
				StreamRead.query(source, settings.sourceFilters, null),
				window,
				deadline,
			);
			const withState = source.state
				? records.filter((r) => source.state?.(r) !== undefined)
				: records;
			const item = withState
				.map((r) => itemFor(source, r, settings, receivedAt))
				.find((i) => i !== undefined);
			if (item) items.push(item);
		} catch (error) {
			throw eventError(ctx, error, event);
		}
	}
	if (items.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Nothing matching yet in iClosed for ${settings.events.join(', ')}`,
			{
				description:
					'Create or change a matching record in iClosed (or widen the Filters), then fetch again.',
			},
		);
	}
	return [items];
}
