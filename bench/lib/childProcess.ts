/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test and benchmark code, never shipped */
// Benchmark code (never shipped): one measurement in a fresh Node process, so peak memory and module
// state (the rate-limit pacer learns per process) belong to that measurement alone.
import { spawn } from 'node:child_process';

const RESULT_PREFIX = 'BENCH_RESULT ';

/** Runs `node <script> <json input>` and resolves with the object the child passed to `reportResult`. */
export async function runInChild<T>(
	script: string,
	input: unknown,
	nodeArgs: string[] = [],
): Promise<T> {
	const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(input)], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
	if (code !== 0 || !line)
		throw new Error(`${script} exited ${code}: ${err.slice(-2000)}${out.slice(-1000)}`);
	return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

/** The input a child was started with. */
export function childInput<T>(): T {
	return JSON.parse(process.argv[2] ?? '{}') as T;
}

export function reportResult(result: unknown): void {
	process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Runs a child's main function and exits non-zero on failure. */
export function childMain(main: () => Promise<void>): void {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(
				`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
			);
			process.exit(1);
		},
	);
}
