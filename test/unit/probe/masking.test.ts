import { Masker } from '../../../scripts/probe/mask';
import { renderMarkdown } from '../../../scripts/probe/report';
import { probe, wellBehavedFake } from './support';

/** Nothing in the report identifies a person or an account; the probe's own test records stay readable. */
describe('npm run probe: masking', () => {
	jest.setTimeout(30_000);

	it('masks the key, secrets, emails, URLs, phone numbers and long tokens; keeps dates and its own values', () => {
		const masker = new Masker(['iclosed_TheKey123'], ['https://n8n-nodes-iclosed-probe.invalid/webhook/run1', 'n8n-probe-run1@example.com']);
		const text = masker.text(
			'key iclosed_TheKey123 and iclosed_other_9 via Bearer abc; mail ann@acme.io at https://acme.io/x?y=1, call +1 555 010 9999; ' +
				'token 0123456789abcdef0123456789abcdef; at 2026-12-06T03:25:22.131Z; ours n8n-probe-run1@example.com https://n8n-nodes-iclosed-probe.invalid/webhook/run1',
		);
		expect(text).toBe(
			'key [api key] and [key] via Bearer [key] mail [email] at [url] call [phone]; token [token]; at 2026-12-06T03:25:22.131Z; ours n8n-probe-run1@example.com https://n8n-nodes-iclosed-probe.invalid/webhook/run1',
		);
	});

	it('masks the personal values it has seen in answers, as whole words only, but never enum values or timestamps', () => {
		const masker = new Masker([]);
		masker.learn({ data: { contacts: [{ firstName: 'Ava', lastName: 'Whitfield', status: 'QUALIFIED', linkPrefix: 'ava/strategy-call', createdAt: '2026-12-06T03:25:22.131Z' }] } });
		expect(masker.text('Contact Ava Whitfield (QUALIFIED, ava/strategy-call) since 2026-12-06T03:25:22.131Z; userAvailabilityTimezone')).toBe(
			'Contact [masked] [masked] (QUALIFIED, [masked]) since 2026-12-06T03:25:22.131Z; userAvailabilityTimezone',
		);
	});

	it('a whole run against the demo account: no name, email, phone, booking page or secret of the account in the report', async () => {
		const fake = await wellBehavedFake();
		const secrets: string[] = [];
		try {
			// iClosed echoing personal values in its errors: the report must not pass them on.
			const ava = fake.state.contacts[0];
			fake.injectFault('GET /v1/contacts/journey', { kind: 'status', status: 404, body: { message: `Contact ${ava.firstName} ${ava.lastName} <${ava.email}> ${ava.phoneNumber} has no journey` } });
			fake.injectFault('DELETE /v1/webhooks/:id', { kind: 'before', run: () => secrets.push(...fake.state.webhooks.map((w) => w.secret)) });
			const { report } = await probe(fake, { write: true });
			const printed = `${renderMarkdown(report)}\n${JSON.stringify(report)}`;
			const personal = [
				...fake.state.contacts.filter((c) => !c.email?.startsWith('n8n-probe-')).flatMap((c) => [c.firstName, c.lastName, c.email, c.phoneNumber]),
				...fake.state.users.flatMap((u) => [u.firstName, u.lastName, u.email]),
				...fake.state.events.flatMap((e) => [e.linkPrefix, e.name]),
				...secrets,
			].filter((v): v is string => typeof v === 'string' && v.length >= 3);
			expect(secrets.length).toBeGreaterThan(0);
			const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			const leaked = personal.filter((value) => new RegExp(`(?<![\\w-])${escape(value)}(?![\\w-])`).test(printed));
			expect(leaked).toEqual([]);
			expect(report.assumptions.find((a) => a.id === 'ref.contacts.journey')?.evidence.join(' ')).toMatch(/: Contact \[masked\].* <\[(masked|email)\]> \[phone\] has no journey$/);
			// Its own records are named in full, so they can be found and checked in iClosed.
			expect(printed).toContain('n8n-probe-test-run@example.com');
			expect(printed).toContain('https://n8n-nodes-iclosed-probe.invalid/webhook/test-run');
		} finally {
			await fake.close();
		}
	});
});
