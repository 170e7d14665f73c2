/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- test and benchmark code, never shipped */
// Benchmark code (never shipped): one cold `require` of a built module in a fresh process, as n8n
// loads a community node: n8n-workflow is already in memory, our module and its own imports are not.
import { createRequire } from 'node:module';

import { childInput, childMain, reportResult } from './lib/childProcess';

export interface RequireInput {
	modulePath: string;
	className: string;
}

export interface RequireOutput {
	requireMs: number;
	instantiateMs: number;
	heapBytes: number;
}

childMain(async () => {
	const { modulePath, className } = childInput<RequireInput>();
	createRequire(modulePath)('n8n-workflow');
	const heapBefore = process.memoryUsage().heapUsed;
	const t0 = process.hrtime.bigint();
	const loaded = require(modulePath) as Record<string, new () => unknown>;
	const t1 = process.hrtime.bigint();
	const instance = new loaded[className]();
	const t2 = process.hrtime.bigint();
	const output: RequireOutput = {
		requireMs: Number(t1 - t0) / 1e6,
		instantiateMs: Number(t2 - t1) / 1e6,
		heapBytes: process.memoryUsage().heapUsed - heapBefore,
	};
	if (!instance) throw new Error('no instance');
	reportResult(output);
});
