// The report: every assumption by id with its verdict and evidence, what each list carries, and what the
// run made. Built once, masked once; printed as Markdown (for an issue) or JSON (--json).
import type { ListObservation, ProbeContext, RecordState } from './context';
import type { AssumptionSource, Verdict } from './findings';
import { ALL_ASSUMPTIONS } from './findings';
import type { Connection } from './session';

export interface ReportedAssumption {
	id: string;
	source: AssumptionSource;
	file: string;
	statement: string;
	confidence: string;
	basis: string;
	verdict: Verdict;
	evidence: string[];
	/** Why it was not checked. */
	reasons: string[];
	ifWrong: string;
}

export interface ProbeReport {
	tool: string;
	package: string;
	ranAt: string;
	environment: string;
	mode: 'read-only' | 'read and write';
	runId: string;
	requests: number;
	durationMs: number;
	/** Why the run stopped early, if it did. */
	stopped?: string;
	summary: Record<'confirmed' | 'refuted' | 'notChecked', number>;
	assumptions: ReportedAssumption[];
	lists: ListObservation[];
	records: Array<{ kind: string; label: string; state: RecordState; note?: string }>;
}

export function buildReport(input: { probe: ProbeContext; connection: Connection; stopped?: string; durationMs: number; packageVersion?: string }): ProbeReport {
	const { probe, connection } = input;
	const mask = (text: string) => probe.masker.text(text);
	const assumptions = ALL_ASSUMPTIONS.map((a): ReportedAssumption => {
		const finding = probe.findings.get(a.id);
		const reasons = finding.verdict === 'not checked' && finding.reasons.length === 0 ? ['no step of the probe judged it'] : finding.reasons;
		return {
			id: a.id,
			source: a.source,
			file: a.file,
			statement: a.statement,
			confidence: a.confidence,
			basis: a.basis,
			verdict: finding.verdict,
			evidence: finding.evidence.map(mask),
			reasons: reasons.map(mask),
			ifWrong: a.ifWrong,
		};
	});
	const count = (verdict: Verdict) => assumptions.filter((a) => a.verdict === verdict).length;
	return {
		tool: 'npm run probe',
		package: `n8n-nodes-iclosed ${input.packageVersion ?? '(version unknown)'}`,
		ranAt: new Date().toISOString(),
		environment: connection.environment === 'custom' ? 'custom (base URL not shown)' : connection.environment,
		mode: probe.options.write ? 'read and write' : 'read-only',
		runId: probe.options.runId,
		requests: probe.session.answers.length,
		durationMs: input.durationMs,
		stopped: input.stopped === undefined ? undefined : mask(input.stopped),
		summary: { confirmed: count('confirmed'), refuted: count('refuted'), notChecked: count('not checked') },
		assumptions,
		lists: probe.lists.map((l) => ({ ...l, shape: mask(l.shape), fields: l.fields.map((f) => probe.masker.fieldName(f)) })),
		records: probe.made.map((r) => ({ kind: r.kind, label: mask(r.label), state: r.state, ...(r.note ? { note: mask(r.note) } : {}) })),
	};
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const SECTIONS: Array<[AssumptionSource, string]> = [
	['polling trigger', 'Polling trigger'],
	['webhook trigger', 'Webhook trigger'],
	['reference', 'The API reference (docs/iclosed-api.md)'],
];

function row(a: ReportedAssumption): string {
	const said = a.verdict === 'not checked' ? a.reasons.join('; ') : a.evidence.join('; ');
	return `| \`${a.id}\` | ${a.verdict === 'refuted' ? '**refuted**' : a.verdict} | ${cell(said)} |`;
}

export function renderMarkdown(report: ProbeReport): string {
	const { summary } = report;
	const lines = [
		'## iClosed probe report',
		'',
		`${report.package} · \`${report.tool}\` · environment **${report.environment}** · ${report.mode} · ${report.ranAt} · ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s · run \`${report.runId}\``,
		'',
		`**${summary.confirmed} confirmed · ${summary.refuted} refuted · ${summary.notChecked} not checked**`,
		'',
	];
	if (report.stopped) lines.push(`The probe stopped early: ${cell(report.stopped)}`, '');
	const refuted = report.assumptions.filter((a) => a.verdict === 'refuted');
	if (refuted.length > 0) {
		lines.push('### Refuted', '');
		for (const a of refuted) lines.push(`- \`${a.id}\` (${a.file}): ${a.statement} If wrong: ${a.ifWrong}`);
		lines.push('');
	}
	for (const [source, title] of SECTIONS) {
		const rows = report.assumptions.filter((a) => a.source === source);
		lines.push(`### ${title} (${rows[0]?.file ?? ''})`, '', '| Assumption | Verdict | Evidence, or why not checked |', '|---|---|---|', ...rows.map(row), '');
	}
	if (report.lists.length > 0) {
		lines.push('### What the lists carry', '', '| List | Status | Records | Answer | Fields of the records |', '|---|---|---|---|---|');
		for (const l of report.lists) lines.push(`| \`${l.list}\` | ${l.status || 'no answer'} (${l.ms} ms) | ${l.records} | ${cell(l.shape)} | ${cell(l.fields.join(', '))} |`);
		lines.push('');
	}
	if (report.records.length > 0) {
		lines.push('### What the probe made in iClosed', '', '| Record | State | Note |', '|---|---|---|');
		for (const r of report.records) lines.push(`| ${r.kind}: ${cell(r.label)} | ${r.state} | ${cell(r.note ?? '')} |`);
		lines.push('');
	}
	lines.push('Statements, confidence and what the package does if an assumption is wrong: README → "What we assume about iClosed" and the files named above. Values that could identify a person or an account are masked; the API key is never shown.');
	return `${lines.join('\n')}\n`;
}
