/**
 * Booking-form answers as one `[{question, answer}]` list. iClosed lists them
 * (`questions_and_answers: [{question, answer}]`, or `{statement, answer}` as in API call objects)
 * and flattens them into numbered pairs (`"1_question"`, `"1_response"`) followed by the same answers
 * keyed by their label (`"Phone Number": "+1…"`): contact deliveries as `questionsAndAnswers`, current
 * call deliveries as `questions_and_responses`, next to the list (iclosed-api.md §3.2, §3.5). All are
 * read and merged; a question already answered is not repeated, and iClosed's own keys (the numbered
 * pairs, `Referrer_Url_Embed`, the booking page the contact came from) are not answers.
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

/** Keys iClosed puts among the labelled answers that are not answers (§3.5). */
const REFERRER_KEY = 'referrer_url_embed';

function isReferrerKey(key: string): boolean {
	return key.trim().toLowerCase() === REFERRER_KEY;
}

/** The booking page URL iClosed files as `Referrer_Url_Embed` in a record of answers or a payload. */
export function referrerUrlOf(record: Record<string, unknown> | null | undefined): string | null {
	for (const [key, value] of Object.entries(record ?? {})) {
		if (isReferrerKey(key) && typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return null;
}

export function questionsFromRecord(record: Record<string, unknown> | null | undefined): QuestionAnswer[] {
	if (!record) return [];
	const numbered = new Map<number, { question?: string; answer?: unknown }>();
	const labelled: Array<[string, unknown]> = [];
	for (const [key, value] of Object.entries(record)) {
		if (isReferrerKey(key)) continue;
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

/** The answers of every structure in one list, each question once (the first answer given wins). */
export function mergeQuestions(...lists: QuestionAnswer[][]): QuestionAnswer[] {
	const seen = new Set<string>();
	const merged: QuestionAnswer[] = [];
	for (const qa of lists.flat()) {
		const key = qa.question.trim().toLowerCase();
		if (key === '' || seen.has(key) || isReferrerKey(key)) continue;
		seen.add(key);
		merged.push(qa);
	}
	return merged;
}
