// One probe run: the credential check, every step in order, the clean-up of what the run made, and the
// report. Nothing here writes to the terminal: `progress` and `log` are handed in (masked lines).
import { normalizeApiKey } from '../../nodes/shared/apiKey';
import { preflight } from './checks/auth';
import { NOT_PROBED, probeChecks } from './checks/index';
import type { RunOptions } from './context';
import { ProbeContext, said } from './context';
import { ALL_ASSUMPTIONS, Findings } from './findings';
import { Masker } from './mask';
import type { ProbeReport } from './report';
import { buildReport } from './report';
import type { Connection } from './session';
import { Session } from './session';
import { ownValues, testRecordNames } from './testRecords';

export interface ProbeRun {
	connection: Connection;
	options: RunOptions;
	/** A line for the person running the probe. */
	progress: (line: string) => void;
	/** The transport's own log lines (pacing, retries). */
	log: (level: string, message: string) => void;
	/** Asked between steps: true stops the run (Ctrl-C); what was made is still cleaned up. */
	interrupted?: () => boolean;
	/** For the report's first line. */
	packageVersion?: string;
}

const WRITE_REASON = 'needs --write (the probe then makes test records and removes them)';

/** Undoes what the run made, each record once; a failed undo leaves the record listed as it is. */
async function cleanUp(probe: ProbeContext): Promise<void> {
	for (const record of probe.made) {
		if (!record.cleanup || (record.state !== 'made' && record.state !== 'may exist')) continue;
		try {
			record.state = await record.cleanup();
		} catch (error) {
			record.note = `clean-up failed: ${(error as Error).message}`;
		}
	}
}

export async function runProbe(run: ProbeRun): Promise<ProbeReport> {
	const { connection, options } = run;
	const started = Date.now();
	const masker = new Masker([connection.apiKey, normalizeApiKey(connection.apiKey)], ownValues(testRecordNames(options.runId)));
	const findings = new Findings();
	const session = Session.open({ ...connection, apiKey: normalizeApiKey(connection.apiKey) }, (level, message) => run.log(level, masker.text(message)));
	const probe = new ProbeContext(session, findings, masker, options, (line) => run.progress(masker.text(line)));

	probe.progress('checking the key (the credential test\'s request)');
	const first = await preflight(probe, normalizeApiKey(connection.apiKey));
	let stopped: string | undefined = first.ok ? undefined : `the credential check failed: ${said(first)}`;
	if (!stopped) {
		try {
			for (const check of probeChecks(connection)) {
				if (check.writes && !options.write) {
					check.answers.forEach((id) => findings.skip(id, WRITE_REASON));
					continue;
				}
				if (run.interrupted?.()) {
					stopped = 'interrupted';
					break;
				}
				probe.progress(`checking ${check.name}`);
				try {
					await check.run(probe);
				} catch (error) {
					check.answers.forEach((id) => findings.skip(id, `the step "${check.name}" failed: ${(error as Error).message}`));
				}
			}
		} finally {
			if (probe.made.length > 0) probe.progress('removing what the probe made');
			await cleanUp(probe);
		}
	}
	for (const assumption of ALL_ASSUMPTIONS) {
		const reason = NOT_PROBED[assumption.id];
		if (reason) findings.skip(assumption.id, reason);
		else if (stopped) findings.skip(assumption.id, `not reached: ${stopped}`);
	}
	return buildReport({ probe, connection, stopped, durationMs: Date.now() - started, packageVersion: run.packageVersion });
}
