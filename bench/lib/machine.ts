/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test and benchmark code, never shipped */
// Benchmark code (never shipped): which machine, how busy, which Node — printed with every result.
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export function machineLine(): string {
	const cpu = cpus();
	const load = loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
	return `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} free), node ${process.version}, load average ${load}`;
}

/** The 1-minute load average, to say how busy the shared machine was during a run. */
export function loadNow(): number {
	return loadavg()[0];
}
