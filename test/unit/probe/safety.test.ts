import { UsageError, parseOptions } from '../../../scripts/probe/options';
import { runCli } from '../../../scripts/probe/cli';
import { probe, wellBehavedFake } from './support';

/** `npm run probe` writes only when asked, never on production by accident, and undoes what it made. */
describe('npm run probe: options', () => {
	const refusal = (argv: string[]) => {
		try {
			parseOptions(argv);
		} catch (error) {
			expect(error).toBeInstanceOf(UsageError);
			return (error as Error).message;
		}
		throw new Error(`accepted ${argv.join(' ')}`);
	};

	it('refuses --write on production unless the second flag says what it means', () => {
		expect(refusal(['--environment', 'production', '--write'])).toMatch(/^Refusing to write on production/);
		expect(parseOptions(['--environment', 'production', '--write', '--i-understand-this-changes-production-data'])).toMatchObject({ environment: 'production', write: true });
		expect(parseOptions(['--environment', 'development', '--write'])).toMatchObject({ environment: 'development', write: true });
		expect(parseOptions(['--environment', 'custom', '--base-url', 'http://127.0.0.1:4010', '--write'])).toMatchObject({ write: true });
		expect(refusal(['--environment', 'production', '--i-understand-this-changes-production-data'])).toMatch(/only goes with --write/);
	});

	it('is read-only unless --write is given', () => {
		expect(parseOptions(['--environment', 'production'])).toMatchObject({ environment: 'production', write: false, json: false });
	});

	it('wants an environment, and a base URL for custom only', () => {
		expect(refusal([])).toMatch(/--environment is required/);
		expect(refusal(['--environment', 'staging'])).toMatch(/production, development or custom/);
		expect(refusal(['--environment', 'custom'])).toMatch(/needs --base-url/);
		expect(refusal(['--environment', 'production', '--base-url', 'http://x'])).toMatch(/custom only/);
		expect(refusal(['--environment'])).toMatch(/needs a value/);
	});

	it('refuses a key on the command line without repeating it', () => {
		const typed = ['iclosed', 'CommandLineKey123'].join('_');
		expect(refusal(['--environment', 'production', typed])).not.toContain(typed);
		expect(refusal(['--environment', 'production', typed])).toMatch(/ICLOSED_API_KEY or on stdin/);
		expect(refusal(['--environment', 'production', '--api-key', typed])).not.toContain(typed);
		expect(refusal(['--environment', 'production', 'not-an-option-value'])).not.toContain('not-an-option-value');
	});
});

describe('npm run probe: writes', () => {
	jest.setTimeout(30_000);

	it('refuses production writes before asking for the key or sending anything', async () => {
		const out: string[] = [];
		const err: string[] = [];
		const stdin = {
			[Symbol.asyncIterator]() {
				throw new Error('stdin was read');
			},
		};
		const code = await runCli({
			argv: ['--environment', 'production', '--write'],
			env: {},
			stdin,
			stdout: { write: (t: string) => out.push(t) },
			stderr: { write: (t: string) => err.push(t) },
		});
		expect(code).toBe(2);
		expect(out).toEqual([]);
		expect(err.join('')).toMatch(/Refusing to write on production/);
	});

	it('names what it makes as test records and removes them: subscriptions deleted, the call cancelled, the contact reported', async () => {
		const fake = await wellBehavedFake();
		try {
			const before = fake.state.contacts.length;
			const { report } = await probe(fake, { write: true });
			expect(fake.state.webhooks).toEqual([]);
			const contact = fake.state.contacts.find((c) => c.email === 'n8n-probe-test-run@example.com');
			expect(contact).toMatchObject({ firstName: 'n8n probe', lastName: 'TEST RECORD edited', status: 'QUALIFIED' });
			expect(fake.state.contacts).toHaveLength(before + 1);
			const calls = fake.state.calls.filter((c) => c.contactId === contact?.id);
			expect(calls.map((c) => [c.status, c.notes])).toEqual([['CANCELLED', expect.stringContaining('Test record made by npm run probe')]]);
			expect(report.records.map((r) => `${r.kind}: ${r.state}`)).toEqual([
				...Array(7).fill('webhook subscription: deleted'),
				'contact: left in iClosed',
				'call: cancelled',
			]);
		} finally {
			await fake.close();
		}
	});

	it('never books twice: a booking whose answer is lost is found by the test contact and cancelled', async () => {
		const fake = await wellBehavedFake();
		fake.injectFault('POST /v1/eventCalls', { kind: 'resetAfterCommit', times: 1 });
		try {
			const result = await probe(fake, { write: true });
			expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/eventCalls')).toHaveLength(1);
			const contact = fake.state.contacts.find((c) => c.email === 'n8n-probe-test-run@example.com');
			expect(fake.state.calls.filter((c) => c.contactId === contact?.id).map((c) => c.status)).toEqual(['CANCELLED']);
			expect(result.report.records.find((r) => r.kind === 'call')?.state).toBe('cancelled');
			expect(result.verdict('ref.booking.answer-envelope')).toBe('not checked');
			expect(result.verdict('poll.calls.updatedAt-moves-on-cancel')).toBe('confirmed');
		} finally {
			await fake.close();
		}
	});

	it('never registers twice: a subscription whose answer is lost is looked up by its URL and deleted', async () => {
		const fake = await wellBehavedFake();
		fake.injectFault('POST /v1/webhooks', { kind: 'resetAfterCommit', times: 1 });
		try {
			const { report } = await probe(fake, { write: true });
			expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/webhooks')).toHaveLength(7);
			expect(fake.state.webhooks).toEqual([]);
			expect(report.records.filter((r) => r.kind === 'webhook subscription').every((r) => r.state === 'deleted')).toBe(true);
		} finally {
			await fake.close();
		}
	});
});
