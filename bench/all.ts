/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code, never shipped */
// `npm run bench` (never shipped): every benchmark, one after the other, printing Markdown tables for
// BENCHMARKS.md. About 25 minutes: most of it waiting on the 20 requests / 10 s rate limit.
import { benchBulkWrites } from './bulkWrites';
import { benchOverheads } from './overheads';
import { benchPolling } from './polling';
import { benchReturnAll } from './returnAll';
import { benchReturnAllInN8n } from './returnAllInN8n';
import { benchTriggerThroughput } from './triggerThroughput';

async function main(): Promise<void> {
	const started = Date.now();
	await benchOverheads();
	await benchReturnAll();
	await benchReturnAllInN8n();
	await benchBulkWrites();
	await benchTriggerThroughput();
	await benchPolling();
	process.stdout.write(
		`\nAll benchmarks done in ${((Date.now() - started) / 60_000).toFixed(1)} min.\n`,
	);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	},
);
