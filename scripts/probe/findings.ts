// The verdicts of one probe run: every assumption of the package, by id, with the evidence seen.
import { POLLING_ASSUMPTIONS } from '../../nodes/IClosedPollingTrigger/sources';
import { WEBHOOK_ASSUMPTIONS } from '../../nodes/IClosedTrigger/assumptions';
import type { Assumption } from '../../nodes/shared/assumption';
import { REFERENCE_ASSUMPTIONS } from './referenceAssumptions';

export type Verdict = 'confirmed' | 'refuted' | 'not checked';

export type AssumptionSource = 'polling trigger' | 'webhook trigger' | 'reference';

export interface SourcedAssumption extends Assumption {
	source: AssumptionSource;
	/** Where the assumption is kept, for the report. */
	file: string;
}

/** Every assumption the package makes, in report order. Ids come from the data files only. */
export const ALL_ASSUMPTIONS: SourcedAssumption[] = [
	...POLLING_ASSUMPTIONS.map((a) => ({ ...a, source: 'polling trigger' as const, file: 'nodes/IClosedPollingTrigger/sources.ts' })),
	...WEBHOOK_ASSUMPTIONS.map((a) => ({ ...a, source: 'webhook trigger' as const, file: 'nodes/IClosedTrigger/assumptions.ts' })),
	...REFERENCE_ASSUMPTIONS.map((a) => ({ ...a, source: 'reference' as const, file: 'scripts/probe/referenceAssumptions.ts' })),
];

const KNOWN = new Set(ALL_ASSUMPTIONS.map((a) => a.id));

export function isKnownAssumption(id: string): boolean {
	return KNOWN.has(id);
}

export interface Finding {
	verdict: Verdict;
	/** Facts seen, in the order they were seen: statuses, field names, timings. Masked before output. */
	evidence: string[];
	/** Why it was not checked, when it was not. */
	reasons: string[];
}

/**
 * Collects verdicts. One assumption may be judged by several steps (a read, then a write): any
 * refutation wins, else any confirmation, else it stays not checked; evidence accumulates.
 */
export class Findings {
	private readonly byId = new Map<string, Finding>();

	private entry(id: string): Finding {
		if (!KNOWN.has(id)) throw new Error(`The probe judged an unknown assumption id: ${id}`);
		let finding = this.byId.get(id);
		if (!finding) {
			finding = { verdict: 'not checked', evidence: [], reasons: [] };
			this.byId.set(id, finding);
		}
		return finding;
	}

	confirm(id: string, ...evidence: string[]): void {
		const finding = this.entry(id);
		if (finding.verdict !== 'refuted') finding.verdict = 'confirmed';
		finding.reasons = [];
		finding.evidence.push(...evidence);
	}

	refute(id: string, ...evidence: string[]): void {
		const finding = this.entry(id);
		finding.verdict = 'refuted';
		finding.reasons = [];
		finding.evidence.push(...evidence);
	}

	/** Evidence that settles nothing by itself (e.g. "accepted, but items carry no such field"). */
	note(id: string, ...evidence: string[]): void {
		this.entry(id).evidence.push(...evidence);
	}

	/** Not checked, and why (reasons add up); a verdict already reached stays. */
	skip(id: string, reason: string): void {
		const finding = this.entry(id);
		if (finding.verdict === 'not checked' && !finding.reasons.includes(reason)) finding.reasons.push(reason);
	}

	get(id: string): Finding {
		return this.byId.get(id) ?? { verdict: 'not checked', evidence: [], reasons: [] };
	}

	judged(id: string): boolean {
		return this.get(id).verdict !== 'not checked';
	}
}
