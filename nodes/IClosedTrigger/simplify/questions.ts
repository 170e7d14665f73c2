/**
 * Booking-form answers as `[{question, answer}]`. Call deliveries list them
 * (`questions_and_answers: [{question, answer}]`, or `{statement, answer}` as in API call objects);
 * contact deliveries flatten them into numbered pairs (`"1_question"`, `"1_response"`) followed by the
 * same answers keyed by their label (`"Phone Number": "+1…"`) (iclosed-api.md §3.2). Both are read;
 * a labelled answer already given as a numbered pair is not repeated.
 */
export interface QuestionAnswer {
	question: string;
	answer: string | null;
}

function answerText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (Array.isArray(value)) {
		return value.map((v) => (typeof v === 'object' && v !== null ? answerText((v as { answer?: unknown }).answer) : String(v))).join(', ');
	}
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export function questionsFromList(list: unknown[] | null | undefined): QuestionAnswer[] {
	const result: QuestionAnswer[] = [];
	for (const entry of list ?? []) {
		if (typeof entry !== 'object' || entry === null) continue;
		const row = entry as Record<string, unknown>;
		const question = row.question ?? row.statement ?? row.label;
		if (typeof question !== 'string' || question === '') continue;
		result.push({ question, answer: answerText(row.answer ?? row.response) });
	}
	return result;
}

const NUMBERED = /^(\d+)_(question|response|answer)$/i;

export function questionsFromRecord(record: Record<string, unknown> | null | undefined): QuestionAnswer[] {
	if (!record) return [];
	const numbered = new Map<number, { question?: string; answer?: unknown }>();
	const labelled: Array<[string, unknown]> = [];
	for (const [key, value] of Object.entries(record)) {
		const match = NUMBERED.exec(key);
		if (!match) {
			labelled.push([key, value]);
			continue;
		}
		const slot = numbered.get(Number(match[1])) ?? {};
		if (match[2].toLowerCase() === 'question') slot.question = typeof value === 'string' ? value : String(value ?? '');
		else slot.answer = value;
		numbered.set(Number(match[1]), slot);
	}
	const result: QuestionAnswer[] = [...numbered.entries()]
		.sort(([a], [b]) => a - b)
		.filter(([, slot]) => slot.question)
		.map(([, slot]) => ({ question: slot.question as string, answer: answerText(slot.answer) }));
	const asked = new Set(result.map((qa) => qa.question));
	for (const [question, value] of labelled) {
		if (!asked.has(question)) result.push({ question, answer: answerText(value) });
	}
	return result;
}
