// `npm run probe`: options, the key (environment or stdin), one run, the report on stdout. Progress and
// the transport's log go to stderr, masked like the report.
import { normalizeApiKey } from '../../nodes/shared/apiKey';
import type { ProbeOptions } from './options';
import { USAGE, UsageError, parseOptions } from './options';
import { renderMarkdown } from './report';
import { runProbe } from './run';
import { newRunId } from './testRecords';

export interface Output {
	write(text: string): unknown;
}

export interface Input extends AsyncIterable<Buffer | string> {
	isTTY?: boolean;
	setRawMode?(mode: boolean): unknown;
}

export interface CliIO {
	argv: string[];
	env: Record<string, string | undefined>;
	stdin: Input;
	stdout: Output;
	stderr: Output;
	/** Registers what Ctrl-C does. */
	onInterrupt?(handler: () => void): void;
	/** Pause before each measured write (tests shorten it). */
	settleMs?: number;
	/** The package's version, for the report. */
	packageVersion?: string;
}

export const KEY_VARIABLE = 'ICLOSED_API_KEY';

/** The first line of piped stdin, or a line typed at a hidden prompt. */
async function readKey(io: CliIO): Promise<string> {
	if (io.stdin.isTTY) {
		io.stderr.write(`iClosed API key (input hidden; or set ${KEY_VARIABLE}): `);
		io.stdin.setRawMode?.(true);
	}
	let text = '';
	try {
		for await (const chunk of io.stdin) {
			text += chunk.toString();
			if (text.includes('\n') || text.includes('\r') || text.includes('\u0003')) break;
		}
	} finally {
		if (io.stdin.isTTY) {
			io.stdin.setRawMode?.(false);
			io.stderr.write('\n');
		}
	}
	if (text.includes('\u0003')) return '';
	// Raw mode hands over Backspace as a character: apply it.
	let line = '';
	for (const char of text.split(/[\r\n]/)[0]) line = char === '\u007f' || char === '\b' ? line.slice(0, -1) : line + char;
	return normalizeApiKey(line);
}

function describeRun(options: ProbeOptions): string {
	const where = options.environment === 'custom' ? 'a custom base URL' : `iClosed ${options.environment}`;
	const mode = options.write
		? 'reads, then makes and removes test records (a test contact, test webhook subscriptions, a test call)'
		: 'read-only: lists, reads and compares; writes nothing';
	return `Probing ${where}: ${mode}.`;
}

function optionsOrUsage(argv: string[]): ProbeOptions | UsageError {
	try {
		return parseOptions(argv);
	} catch (error) {
		if (error instanceof UsageError) return error;
		return new UsageError((error as Error).message);
	}
}

export async function runCli(io: CliIO): Promise<number> {
	const say = (line: string) => io.stderr.write(`${line}\n`);
	if (io.argv.includes('--help') || io.argv.includes('-h')) {
		io.stdout.write(USAGE);
		return 0;
	}
	const options = optionsOrUsage(io.argv);
	if (options instanceof UsageError) {
		say(options.message);
		say('');
		say(USAGE);
		return 2;
	}
	const apiKey = normalizeApiKey(io.env[KEY_VARIABLE] ?? '') || (await readKey(io));
	if (!apiKey) {
		say(`No API key: set ${KEY_VARIABLE} or type it when asked (it is never an argument).`);
		return 2;
	}
	let interrupted = false;
	io.onInterrupt?.(() => {
		interrupted = true;
		say('Stopping after this step; removing what the probe made…');
	});
	say(describeRun(options));
	const report = await runProbe({
		connection: { environment: options.environment, baseUrl: options.baseUrl, apiKey },
		options: { write: options.write, settleMs: io.settleMs ?? 1100, event: options.event, runId: newRunId() },
		progress: (line) => say(`  ${line}`),
		log: (level, message) => {
			if (options.verbose) say(`  [${level}] ${message}`);
		},
		interrupted: () => interrupted,
		packageVersion: io.packageVersion,
	});
	io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
	const { confirmed, refuted, notChecked } = report.summary;
	say(`Done: ${confirmed} confirmed, ${refuted} refuted, ${notChecked} not checked. Paste the report into an issue at https://github.com/iclosed-community/n8n-nodes-iclosed/issues.`);
	return report.stopped && report.stopped !== 'interrupted' ? 1 : 0;
}
