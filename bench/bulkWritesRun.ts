// Benchmark code (never shipped): one write operation over many input items in n8n's engine, in its
// own process (see bulkWrites.ts). Failures become error items (continueOnFail), so they are counted.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../test/harness/runNode';
import { childInput, childMain, reportResult } from './lib/childProcess';
import { disablePacing } from './lib/disablePacing';
import { trackPeakMemory } from './lib/peakMemory';

export interface BulkWriteInput {
	baseUrl: string;
	apiKey: string;
	pacing: boolean;
	parameters: INodeParameters;
	items: IDataObject[];
}

export interface BulkWriteOutput {
	ms: number;
	outputItems: number;
	errorItems: number;
	firstError?: string;
	runError?: string;
	maxRssBytes: number;
}

childMain(async () => {
	const input = childInput<BulkWriteInput>();
	if (!input.pacing) disablePacing();
	const memory = trackPeakMemory();
	const t0 = Date.now();
	const { items, error } = await runNode({
		parameters: input.parameters,
		credentials: { apiKey: input.apiKey, baseUrl: input.baseUrl },
		items: input.items,
		continueOnFail: true,
	});
	const ms = Date.now() - t0;
	const errors = items.filter((i) => i.json.error !== undefined);
	const output: BulkWriteOutput = {
		ms,
		outputItems: items.length,
		errorItems: errors.length,
		firstError: errors[0] ? String((errors[0].json.error as { message?: unknown }).message) : undefined,
		runError: error?.message,
		maxRssBytes: memory.stop().maxRssBytes,
	};
	reportResult(output);
});
