/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped: a server that answers 404 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { captureLogs } from '../../harness/hooks';
import type { CliIO } from '../../../scripts/probe/cli';
import { runCli } from '../../../scripts/probe/cli';
import { wellBehavedFake } from './support';

/** The API key never appears in the report, the progress lines, the transport's log or an error. */
const TAIL = 'LeakCanary7QxZ93pLmN';
/** A made-up key with an unmistakable tail to look for. */
const CANARY = `iclosed_${TAIL}`;

interface Ran {
	code: number;
	stdout: string;
	stderr: string;
}

function stdinOf(text: string | undefined): CliIO['stdin'] {
	return {
		async *[Symbol.asyncIterator]() {
			if (text === undefined) throw new Error('stdin was read');
			yield Buffer.from(text);
		},
	};
}

async function cli(argv: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Ran> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli({
		argv,
		env: options.env ?? {},
		stdin: stdinOf(options.stdin),
		stdout: { write: (t: string) => out.push(t) },
		stderr: { write: (t: string) => err.push(t) },
		settleMs: 15,
	});
	return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('npm run probe: the key and the errors', () => {
	jest.setTimeout(30_000);
	let logs: ReturnType<typeof captureLogs>;
	beforeEach(() => {
		logs = captureLogs();
	});
	afterEach(() => logs.restore());

	const expectNoKey = (...texts: string[]) => {
		for (const text of [...texts, logs.text()]) {
			expect(text).not.toContain(TAIL);
		}
	};

	it('a whole write run, verbose, against an iClosed that echoes the key in its answers: the key appears nowhere', async () => {
		const fake = await wellBehavedFake({ apiKeys: [CANARY] });
		const echo = { message: `Authorization: Bearer ${CANARY} is not allowed here`, key: CANARY };
		fake.injectFault('GET /v1/contacts/journey', { kind: 'status', status: 400, body: echo });
		fake.injectFault('GET /v1/users', { kind: 'status', status: 200, body: { data: { users: [{ id: 1, name: CANARY }], count: 1 } } });
		fake.injectFault('PUT /v1/eventCalls/cancel', { kind: 'status', status: 500, body: echo, times: 1 });
		try {
			const markdown = await cli(['--environment', 'custom', '--base-url', fake.baseUrl, '--write', '--verbose'], { env: { ICLOSED_API_KEY: CANARY } });
			expect(markdown.code).toBe(0);
			expect(markdown.stdout).toContain('## iClosed probe report');
			expect(markdown.stdout).toMatch(/`ref\.contacts\.journey` \| \*\*refuted\*\* \| .*Bearer \[api key\] is not allowed here \|/);
			const json = await cli(['--environment', 'custom', '--base-url', fake.baseUrl, '--json'], { stdin: `${CANARY}\n` });
			expect(JSON.parse(json.stdout).summary.confirmed).toBeGreaterThan(20);
			expectNoKey(markdown.stdout, markdown.stderr, json.stdout, json.stderr);
			// The key did reach iClosed: the run was real.
			expect(fake.requests.some((r) => r.headers.authorization === `Bearer ${CANARY}`)).toBe(true);
		} finally {
			await fake.close();
		}
	});

	it('a key iClosed does not know: the run stops at the credential check, exit 1, and still never shows it', async () => {
		const fake = await wellBehavedFake();
		try {
			const ran = await cli(['--environment', 'custom', '--base-url', fake.baseUrl], { env: { ICLOSED_API_KEY: CANARY } });
			expect(ran.code).toBe(1);
			expect(ran.stdout).toContain('The probe stopped early: the credential check failed: GET /v1/fields/contact-stage → 401');
			expect(ran.stdout).toContain('Invalid API key');
			expectNoKey(ran.stdout, ran.stderr);
		} finally {
			await fake.close();
		}
	});

	it('a server that answers 404 to everything: a clean report, every assumption not checked, exit 1', async () => {
		const server = createServer((_req, res) => {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Not Found' }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		try {
			const ran = await cli(['--environment', 'custom', '--base-url', `http://127.0.0.1:${port}`, '--json'], { env: { ICLOSED_API_KEY: CANARY } });
			expect(ran.code).toBe(1);
			const report = JSON.parse(ran.stdout);
			expect(report.stopped).toBe('the credential check failed: GET /v1/fields/contact-stage → 404 in ' + report.stopped.match(/in (\d+) ms/)[1] + ' ms: Not Found');
			expect(report.summary).toEqual({ confirmed: 0, refuted: 0, notChecked: report.assumptions.length });
			expect(report.requests).toBe(1);
			expect(report.assumptions.every((a: { reasons: string[] }) => a.reasons.length > 0)).toBe(true);
			expect(ran.stderr).not.toMatch(/\n\s+at /);
			expectNoKey(ran.stdout, ran.stderr);
		} finally {
			server.close();
		}
	});

	it('a key typed at the hidden prompt: raw mode on and off again, Backspace applied, the key never echoed', async () => {
		const fake = await wellBehavedFake({ apiKeys: [CANARY] });
		const modes: boolean[] = [];
		const err: string[] = [];
		try {
			const code = await runCli({
				argv: ['--environment', 'custom', '--base-url', fake.baseUrl],
				env: {},
				stdin: { isTTY: true, setRawMode: (mode: boolean) => modes.push(mode), ...stdinOf(`${CANARY}x\u007f\r`) },
				stdout: { write: () => true },
				stderr: { write: (t: string) => err.push(t) },
			});
			expect(code).toBe(0);
			expect(modes).toEqual([true, false]);
			expect(err.join('')).toMatch(/^iClosed API key \(input hidden; or set ICLOSED_API_KEY\): \n/);
			expectNoKey(err.join(''));
		} finally {
			await fake.close();
		}
	});

	it('no key: says where to put it, exit 2', async () => {
		const ran = await cli(['--environment', 'production'], { stdin: '\n' });
		expect(ran.code).toBe(2);
		expect(ran.stderr).toMatch(/No API key: set ICLOSED_API_KEY/);
	});
});
