import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { fetchTestEvent } from './fetchTestEvent';
import { itemFor } from './items';
import {
	BUDGET_RESERVE_MS,
	isStaleCopy,
	nodeKey,
	noteEmitted,
	pollBudgetMs,
	takeTurn,
} from './pollBudget';
import { cannotSee, combineErrors, eventError } from './pollErrors';
import type { EventState, States } from './pollState';
import {
	copyState,
	decodeState,
	encodeState,
	loadDropped,
	loadStates,
	prune,
	saveDropped,
	saveStates,
	STATE_KEY,
} from './pollState';
import { seedCopies, updateSeedCopies } from './seedCopy';
import { seedState } from './seedState';
import type { PollSettings } from './settings';
import { readSettings } from './settings';
import type { PollEvent } from './sources';
import { POLL_SOURCES } from './sources';
import { MAX_PAGES_PER_POLL, StreamRead } from './streamRead';
import { MAX_SWEEP_PAGES_PER_POLL, SweepRead } from './sweepRead';

/**
 * poll() of the iClosed Polling Trigger: one poll, as docs/polling-state-model.md describes it.
 * 1. One poll of a node reads at a time, and never from a stale copy of its state (pollBudget.ts).
 * 2. Each selected event starts from its state: the node's, else its seed copy, else a new seed.
 * 3. The reads take turns, a page each, until they finish or the poll's budget is spent: the streams
 *    first, then the sweeps that are due.
 * 4. Each event's outcome stands alone: one that failed keeps the state it had and reports its error;
 *    the others commit theirs and emit their items, in the same poll (deliver).
 */
interface EventRun {
	event: PollEvent;
	/** A copy of the event's state that the reads change; committed only if the event succeeds. */
	state: EventState;
	seeded?: boolean;
	/** The list has no usable `updatedAt`: the stream sees nothing, the sweep does the work. */
	blind?: boolean;
	stream?: StreamRead;
	sweep?: SweepRead;
	/** The event failed: its state stays as it was, and this is reported. */
	error?: Error;
	/** Reported, while the state is committed all the same (a seed on an unreadable first page). */
	problem?: Error;
}

interface Read {
	step(deadline: number): Promise<void>;
	finished: boolean;
	requests: number;
}

function hasTime(deadline: number): boolean {
	return Date.now() < deadline - BUDGET_RESERVE_MS;
}

async function startEvent(
	ctx: IPollFunctions,
	settings: PollSettings,
	run: EventRun,
	copy: IDataObject | undefined,
	now: number,
	deadline: number,
): Promise<void> {
	const source = POLL_SOURCES[run.event];
	if (!run.state && copy) run.state = decodeState(copy);
	if (!run.state) {
		const seeded = await seedState(
			ctx,
			source,
			settings.sourceFilters,
			settings.startFrom,
			now,
			deadline,
		);
		if (seeded.missingColumn && !source.sweep) run.problem = cannotSee(ctx, source);
		run.state = seeded.state;
		run.seeded = true;
		run.blind = seeded.missingColumn;
		// Seeded from a page just read: nothing to read again, unless Start From asks for a backfill.
		if (!run.state.pass) return;
	}
	run.stream = new StreamRead(ctx, source, settings.sourceFilters, run.state, now);
}

/** Runs the reads in turns, a page each, until each is done, has read its pages, or time is up. */
async function takeTurns(
	ctx: IPollFunctions,
	runs: EventRun[],
	pick: (run: EventRun) => Read | undefined,
	maxPages: number,
	deadline: number,
): Promise<void> {
	for (;;) {
		const active = runs.filter((run) => {
			const read = run.error ? undefined : pick(run);
			return read !== undefined && !read.finished && read.requests < maxPages;
		});
		if (active.length === 0) return;
		for (const run of active) {
			if (!hasTime(deadline)) return;
			try {
				await pick(run)?.step(deadline);
			} catch (error) {
				run.error = eventError(ctx, error, run.event);
			}
		}
	}
}

/**
 * Hands the poll's outcome to n8n. Errors with items or with events that succeeded: each error goes to
 * n8n's error handling (`__emitError`: an error execution, the error workflow) and the poll returns its
 * items, so each event's state is saved with them, on both engines. Only when every event failed does
 * the poll throw, which also lets the durable engine back off as the error's failure declaration says.
 */
function deliver(
	ctx: IPollFunctions,
	items: INodeExecutionData[],
	errors: Error[],
	succeeded: number,
): INodeExecutionData[][] | null {
	const result = items.length > 0 ? [items] : null;
	if (errors.length === 0) return result;
	const emitError = (ctx as { __emitError?: (e: Error) => void }).__emitError;
	if (succeeded === 0 || typeof emitError !== 'function') {
		if (result === null) throw combineErrors(errors);
		return result;
	}
	// One error execution per failing event, each naming its event.
	for (const error of errors) emitError.call(ctx, error);
	return result;
}

export async function pollIClosed(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') return await fetchTestEvent(this, settings);

	const now = Date.now();
	const deadline = now + pollBudgetMs(this);
	const key = nodeKey(this);
	const endTurn = takeTurn(key, now, deadline);
	if (!endTurn) {
		this.logger.debug(
			'iClosed Polling Trigger: the previous poll of this node is still reading; this one reads nothing',
		);
		return null;
	}
	try {
		const staticData = this.getWorkflowStaticData('node');
		const startedFrom = JSON.stringify(staticData[STATE_KEY] ?? null);
		if (isStaleCopy(key, startedFrom, now)) {
			this.logger.debug(
				'iClosed Polling Trigger: handed the state of before the last poll; reading nothing until n8n has saved it',
			);
			return null;
		}
		const global = this.getWorkflowStaticData('global');
		const nodeId = this.getNode().id;
		const before = loadStates(staticData, now);
		const dropped = loadDropped(staticData);
		const copies = seedCopies(global, nodeId);

		const runs: EventRun[] = [];
		for (const event of settings.events) {
			const run = {
				event,
				state: before[event] ? copyState(before[event] as EventState) : undefined,
			} as EventRun;
			const copy = copies[event];
			const copyIsCurrent = copy !== undefined && Number(copy.at) > (dropped[event] ?? -Infinity);
			try {
				await startEvent(
					this,
					settings,
					run,
					copyIsCurrent ? (copy.state as IDataObject) : undefined,
					now,
					deadline,
				);
			} catch (error) {
				run.error = eventError(this, error, event);
			}
			runs.push(run);
		}
		await takeTurns(this, runs, (run) => run.stream, MAX_PAGES_PER_POLL, deadline);
		for (const run of runs) {
			const source = POLL_SOURCES[run.event];
			if (run.error || !source.sweep) continue;
			const blind = run.blind === true || run.stream?.missingColumn === true;
			// The stream just found it cannot see this event: the sweep takes over at once.
			if (blind && run.state.sweep && !run.state.sweep.blind) Object.assign(run.state.sweep, { blind: true, dueAt: now });
			if (!SweepRead.due(run.state, now)) continue;
			run.sweep = new SweepRead(
				this,
				source,
				settings.sourceFilters,
				run.state,
				now,
				before[run.event]?.cursor ?? null,
				blind,
			);
		}
		await takeTurns(this, runs, (run) => run.sweep, MAX_SWEEP_PAGES_PER_POLL, deadline);

		const after: States = {};
		const seeds: Record<string, IDataObject> = {};
		const errors: Error[] = [];
		const items: INodeExecutionData[] = [];
		const receivedAt = new Date().toISOString();
		for (const run of runs) {
			const source = POLL_SOURCES[run.event];
			if (!run.error && run.stream?.missingColumn && !source.sweep)
				run.error = cannotSee(this, source);
			if (run.error) {
				errors.push(run.error);
				// Its state stays as it was: nothing it read this poll counts, so nothing is lost.
				if (before[run.event]) after[run.event] = before[run.event];
				continue;
			}
			if (run.problem) errors.push(run.problem);
			run.stream?.suspend();
			prune(source, run.state, now);
			after[run.event] = run.state;
			if (run.seeded) seeds[run.event] = { at: now, state: encodeState(run.state) };
			const changes = [
				...(run.stream?.orderedChanges() ?? []),
				...(run.sweep ? [...run.sweep.changes.values()] : []),
			];
			for (const change of changes) {
				const item = itemFor(source, change.record, settings, receivedAt);
				if (item) items.push(item);
			}
		}
		// Events no longer selected are dropped: choosing one again starts it from that moment.
		for (const event of Object.keys(before)) if (!after[event as PollEvent]) dropped[event] = now;
		for (const event of Object.keys(after)) delete dropped[event];
		saveStates(staticData, after);
		saveDropped(staticData, dropped);
		// Copies of seeds the node state now holds go when n8n saves anyway (with items), not in a quiet poll.
		updateSeedCopies(global, nodeId, seeds, items.length > 0 ? Object.keys(before) : []);
		if (items.length > 0) noteEmitted(key, startedFrom, Date.now());
		return deliver(this, items, errors, runs.filter((run) => !run.error).length);
	} finally {
		endTurn();
	}
}
