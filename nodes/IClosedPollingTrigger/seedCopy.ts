import type { IDataObject } from 'n8n-workflow';

/**
 * A copy of each freshly seeded event's state in the workflow's global static data.
 *
 * The durable engine (n8n 2.36+) runs the first poll inline when a workflow is published, and drops that
 * poll's node state when it returns nothing (n8n's poll-trigger-executor: no commit for the test-mode
 * poll). A seed that returns nothing would then be made again at the first scheduled poll, from that
 * moment: every change in between would count as history. n8n does save the workflow's global static
 * data after the publish. So a seed is written there too, and an event without node state takes it from
 * there; once the node state has the event, the copy is deleted (written whenever n8n next saves).
 */
const COPY_KEY = 'iClosedPollingSeeds';

type Copies = Record<string, Record<string, IDataObject>>;

function copiesOf(global: IDataObject): Copies {
	const copies = global[COPY_KEY];
	return typeof copies === 'object' && copies !== null ? (copies as Copies) : {};
}

/** The seeded states kept for this node, by event. */
export function seedCopies(global: IDataObject, nodeId: string): Record<string, IDataObject> {
	return copiesOf(global)[nodeId] ?? {};
}

/** Keeps the given seeds, and forgets those of events the node state now holds. */
export function updateSeedCopies(
	global: IDataObject,
	nodeId: string,
	seeded: Record<string, IDataObject>,
	held: string[],
): void {
	const all = copiesOf(global);
	const mine: Record<string, IDataObject> = { ...(all[nodeId] ?? {}) };
	let changed = false;
	for (const event of held) {
		if (mine[event] !== undefined && seeded[event] === undefined) {
			delete mine[event];
			changed = true;
		}
	}
	for (const [event, state] of Object.entries(seeded)) {
		mine[event] = state;
		changed = true;
	}
	if (!changed) return;
	const next: Copies = { ...all };
	if (Object.keys(mine).length > 0) next[nodeId] = mine;
	else delete next[nodeId];
	// A new object at the top level: n8n notices only writes through its proxy (observable-object.js).
	if (Object.keys(next).length > 0) global[COPY_KEY] = next as unknown as IDataObject;
	else delete global[COPY_KEY];
}
