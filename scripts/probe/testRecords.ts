// The names of everything the probe makes in iClosed: said once, so the checks, the masker (which keeps
// them readable) and the report agree. All of them say what they are; none can reach anyone.

export interface TestRecordNames {
	runId: string;
	contact: { firstName: string; lastName: string; email: string };
	/** Under the reserved .invalid domain: iClosed can never deliver to them. */
	webhookUrl: string;
	secondWebhookUrl: string;
	note: string;
}

export function newRunId(now = new Date()): string {
	const stamp = now.toISOString().slice(0, 16).replace(/\D/g, '');
	return `${stamp}-${Math.random().toString(16).slice(2, 6)}`;
}

export function testRecordNames(runId: string): TestRecordNames {
	return {
		runId,
		contact: { firstName: 'n8n probe', lastName: 'TEST RECORD', email: `n8n-probe-${runId}@example.com` },
		webhookUrl: `https://n8n-nodes-iclosed-probe.invalid/webhook/${runId}`,
		secondWebhookUrl: `https://n8n-nodes-iclosed-probe.invalid/webhook/${runId}-second`,
		note: `Test record made by npm run probe (n8n-nodes-iclosed), run ${runId}; cancelled by the probe.`,
	};
}

/** What the masker must leave readable. */
export function ownValues(names: TestRecordNames): string[] {
	return [names.webhookUrl, names.secondWebhookUrl, names.contact.email, names.contact.firstName, names.contact.lastName, names.note, names.runId];
}
