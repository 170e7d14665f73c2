// The key and the credential check (§1.2, §6.1, §6.3).
import { hasIClosedKeyShape } from '../../../nodes/shared/apiKey';
import { CREDENTIAL_TEST_PATH } from '../../../nodes/shared/credentialTest';
import type { ProbeContext } from '../context';
import { refusal, said } from '../context';
import type { Answer, Connection } from '../session';
import { Session } from '../session';
import type { Check } from './types';

const KEY_PREFIX = 'ref.auth.key-prefix';
const NO_ORG_HEADER = 'ref.auth.no-org-header';
const MESSAGES = 'ref.auth.401-messages';

/**
 * The credential check, as the credential test sends it. Every other check needs it to pass: a run
 * against a wrong URL or key stops here with one clear line instead of forty refutations.
 */
export async function preflight(probe: ProbeContext, apiKey: string): Promise<Answer> {
	const answer = await probe.send({ method: 'GET', path: CREDENTIAL_TEST_PATH });
	if (answer.ok) {
		probe.findings.confirm(NO_ORG_HEADER, `${said(answer)}, sent without an X-Org-Id header`);
		if (hasIClosedKeyShape(apiKey)) probe.findings.confirm(KEY_PREFIX, `the key starts with iclosed_ and ${answer.what} answered ${answer.status}`);
		else probe.findings.refute(KEY_PREFIX, `a key without the iclosed_ prefix was accepted: ${answer.what} answered ${answer.status}`);
	} else if (/org/i.test(refusal(answer))) {
		probe.findings.refute(NO_ORG_HEADER, said(answer));
	}
	return answer;
}

/** Made-up keys: one shaped like a key, one not. Neither can belong to anyone. */
async function askWith(probe: ProbeContext, connection: Connection, apiKey: string): Promise<Answer> {
	const session = Session.open({ ...connection, apiKey }, () => undefined);
	const answer = await session.send({ method: 'GET', path: CREDENTIAL_TEST_PATH });
	if (answer.ok) probe.masker.learn(answer.body);
	return answer;
}

export function keyMessagesCheck(connection: Omit<Connection, 'apiKey'>): Check {
	return {
		name: 'what iClosed says to a wrong key',
		answers: [MESSAGES],
		async run(probe) {
			const unknown = await askWith(probe, { ...connection, apiKey: '' }, `iclosed_probe_unknown_${probe.options.runId.replace(/\W/g, '')}`);
			const unprefixed = await askWith(probe, { ...connection, apiKey: '' }, 'probe-not-a-key');
			const said401 = (a: Answer) => `${a.status === 0 ? 'no answer' : a.status} "${refusal(a)}"`;
			const evidence = `a made-up iclosed_ key → ${said401(unknown)}; a token without the prefix → ${said401(unprefixed)}`;
			const invalid = unknown.status === 401 && /invalid/i.test(refusal(unknown));
			const required = unprefixed.status === 401 && /required/i.test(refusal(unprefixed));
			if (invalid && required) probe.findings.confirm(MESSAGES, evidence);
			else probe.findings.refute(MESSAGES, evidence);
		},
	};
}
