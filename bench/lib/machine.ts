/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test and benchmark code, never shipped */
// Benchmark code (never shipped): which machine, how busy, which Node — printed with every result.
import { readFileSync } from 'node:fs';
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

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; 0 elsewhere): what one
 * delivery costs n8n, whatever else the shared machine is doing.
 */
export function processCpuMs(pid: number | undefined): number {
	if (pid === undefined) return 0;
	try {
		// Fields after the command name "(…)": state is field 3, utime 14 and stime 15, in clock ticks (100/s).
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return 0;
	}
}
