// Benchmark code (never shipped): one Return All of Contact → Get Many in n8n's engine, in its own
// process (see returnAll.ts). Input: the fake server to read from and whether the pacer is on.
import { runNode } from '../test/harness/runNode';
import { childInput, childMain, reportResult } from './lib/childProcess';
import { disablePacing } from './lib/disablePacing';
import { trackPeakMemory } from './lib/peakMemory';

export interface ReturnAllInput {
	baseUrl: string;
	apiKey: string;
	pacing: boolean;
}

export interface ReturnAllOutput {
	ms: number;
	items: number;
	distinctIds: number;
	error?: string;
	maxRssBytes: number;
	peakHeapBytes: number;
}

childMain(async () => {
	const input = childInput<ReturnAllInput>();
	if (!input.pacing) disablePacing();
	const memory = trackPeakMemory();
	const t0 = Date.now();
	const { items, error } = await runNode({
		parameters: { resource: 'contact', operation: 'getMany', returnAll: true },
		credentials: { apiKey: input.apiKey, baseUrl: input.baseUrl },
	});
	const ms = Date.now() - t0;
	const peak = memory.stop();
	const output: ReturnAllOutput = {
		ms,
		items: items.length,
		distinctIds: new Set(items.map((i) => i.json.id)).size,
		error: error?.message,
		...peak,
	};
	reportResult(output);
});
