// The probe's command line, and the rules that keep it safe: the key never on it, writes only when asked,
// and on production only with a second flag that says what it means.
import type { Environment } from './session';

export interface ProbeOptions {
	environment: Environment;
	baseUrl?: string;
	write: boolean;
	json: boolean;
	verbose: boolean;
	event?: string;
}

export const PRODUCTION_WRITE_FLAG = '--i-understand-this-changes-production-data';

export const USAGE = `Usage: npm run probe -- --environment production|development|custom [--base-url <url>] [options]

Checks what n8n-nodes-iclosed assumes about iClosed's API against your account and prints a report
to paste into an issue. The API key comes from ICLOSED_API_KEY, or from stdin (typed, hidden, or piped),
never from the command line.

  --environment <env>   production, development (keys from iClosed's development app) or custom
  --base-url <url>      the API root for custom, e.g. http://127.0.0.1:4010
  --json                the report as JSON instead of Markdown
  --write               also check what writes do: makes a test contact, test webhook subscriptions and a
                        test call, named as probe test records, and cancels or deletes them (the contact
                        cannot be deleted through the API). Development or custom only, unless also:
  ${PRODUCTION_WRITE_FLAG}
                        allows --write on production
  --event <id|link>     the booking page the test call is booked on (default: the first active one)
  --verbose             the transport's log lines (pacing, retries) on stderr
`;

export class UsageError extends Error {}

const ENVIRONMENTS: Environment[] = ['production', 'development', 'custom'];

/** Parses argv (without node and the script); throws UsageError with a message that never quotes a key. */
export function parseOptions(argv: string[]): ProbeOptions {
	const options: ProbeOptions = { environment: 'production', write: false, json: false, verbose: false };
	let environment: string | undefined;
	let productionWrites = false;
	const valueOf = (i: number, flag: string): string => {
		const value = argv[i + 1];
		if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
		return value;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		// A key on the command line stays in the shell's history: refuse it, and never repeat it.
		if (/iclosed[_-]/i.test(arg) && !arg.startsWith('--')) {
			throw new UsageError('An API key was given as an argument. Remove it (and from your shell history), then pass it in ICLOSED_API_KEY or on stdin.');
		}
		if (arg === '--environment') environment = valueOf(i++, arg);
		else if (arg === '--base-url') options.baseUrl = valueOf(i++, arg);
		else if (arg === '--event') options.event = valueOf(i++, arg);
		else if (arg === '--write') options.write = true;
		else if (arg === PRODUCTION_WRITE_FLAG) productionWrites = true;
		else if (arg === '--json') options.json = true;
		else if (arg === '--verbose') options.verbose = true;
		else if (/^--(api-?)?key\b/i.test(arg)) throw new UsageError('The API key is never an argument: pass it in ICLOSED_API_KEY or on stdin.');
		else throw new UsageError(arg.startsWith('--') ? `Unknown option ${arg}.` : 'Unexpected argument (not shown).');
	}
	if (environment === undefined) throw new UsageError('--environment is required (production, development or custom).');
	if (!ENVIRONMENTS.includes(environment as Environment)) throw new UsageError('--environment must be production, development or custom.');
	options.environment = environment as Environment;
	if (options.environment === 'custom' && !options.baseUrl) throw new UsageError('--environment custom needs --base-url.');
	if (options.environment !== 'custom' && options.baseUrl) throw new UsageError('--base-url goes with --environment custom only.');
	if (productionWrites && !options.write) throw new UsageError(`${PRODUCTION_WRITE_FLAG} only goes with --write.`);
	if (options.write && options.environment === 'production' && !productionWrites) {
		throw new UsageError(`Refusing to write on production: --write makes and removes test records in your iClosed account (a test contact stays). Use a development account or a sandbox (--environment development|custom), or add ${PRODUCTION_WRITE_FLAG}.`);
	}
	return options;
}
