/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Test code (never shipped): which iClosed plan has what is said once, in nodes/shared/plans.ts. Every sentence
// that names a plan, in the README, the CHANGELOG's unreleased section, the other docs, the examples and every
// string the nodes ship, must carry one of those facts (or be about rate limits, which differ by plan). A line
// that says "API access comes with the Business and Enterprise plans" or "works on every plan" fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import * as ts from 'typescript';

import { API_PLANS, FORBIDDEN_MEANS, POLLING_PLANS, WEBHOOK_BETA, WEBHOOKS_SWITCHED_ON } from '../../nodes/shared/plans';

const ROOT = join(__dirname, '..', '..');

/** Curly quotes, markdown emphasis, code marks and links read as plain text. */
function plain(text: string): string {
	return text
		.replace(/[’‘]/g, "'")
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*`]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

const FACTS = [API_PLANS, WEBHOOK_BETA, WEBHOOKS_SWITCHED_ON, POLLING_PLANS, FORBIDDEN_MEANS].map(plain);
/** Rate limits really do differ by plan (iclosed-api.md §1.3); those sentences may name one. */
const ABOUT_RATE_LIMITS = /rate.limit|requests? per|per 10 seconds|per second/i;
const NAMES_A_PLAN = /\b(Startup|Business|Enterprise)\b|\b(every|any|all) (iClosed )?plans?\b/;

/** Sentences and table cells of a text: blank lines, list items, table pipes and sentence ends split it. */
function sentencesOf(text: string): string[] {
	return text
		.split(/\n\s*\n|\n(?=\s*(?:[-*]|\d+\.) )/)
		.flatMap((block) => block.split('|'))
		.flatMap((part) => plain(part).split(/(?<=[.!?;:])\s+(?=[A-Z("])/))
		.filter((sentence) => sentence !== '');
}

/** The sentences of `text` that name a plan without saying one of the facts. */
function disagreeing(text: string): string[] {
	return sentencesOf(text).filter(
		(sentence) => NAMES_A_PLAN.test(sentence) && !ABOUT_RATE_LIMITS.test(sentence) && !FACTS.some((fact) => sentence.includes(fact)),
	);
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (['node_modules', 'dist', 'build', '.git', '.n8n-local'].includes(entry.name)) return [];
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path, keep);
		return keep(entry.name) ? [path] : [];
	});
}

/** Every string a TypeScript file contains (comments are not text users read). `reasoning` notes are for developers. */
function stringsOf(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isPropertyAssignment(node) && node.name.getText() === 'reasoning') return;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
		else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … '));
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

function stringsOfJson(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsOfJson);
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOfJson);
	return [];
}

/** The CHANGELOG's section for the next release: what users of that release will read. */
function unreleased(changelog: string): string {
	const start = changelog.indexOf('## [Unreleased]');
	const next = changelog.indexOf('\n## [', start + 1);
	return changelog.slice(start, next < 0 ? undefined : next);
}

const texts: Array<{ where: string; text: string }> = [
	...filesUnder(ROOT, (name) => name.endsWith('.md'))
		.map((file) => relative(ROOT, file))
		// The evidence itself: iClosed's contradicting pages, quoted with their sources.
		.filter((file) => file !== 'docs/iclosed-api.md' && !file.startsWith('test/fixtures/'))
		.map((file) => {
			const text = readFileSync(join(ROOT, file), 'utf8');
			return { where: file, text: file === 'CHANGELOG.md' ? unreleased(text) : text };
		}),
	...filesUnder(join(ROOT, 'examples'), (name) => name.endsWith('.json')).flatMap((file) =>
		stringsOfJson(JSON.parse(readFileSync(file, 'utf8'))).map((text) => ({ where: relative(ROOT, file), text })),
	),
	...[join(ROOT, 'nodes'), join(ROOT, 'credentials')]
		.flatMap((dir) => filesUnder(dir, (name) => name.endsWith('.ts')))
		.flatMap((file) => stringsOf(file).map((text) => ({ where: relative(ROOT, file), text }))),
];

describe('what the package says about iClosed plans (one story: nodes/shared/plans.ts)', () => {
	it('reads the README, the examples and the shipped messages', () => {
		const where = new Set(texts.map((t) => t.where));
		for (const file of ['README.md', 'CHANGELOG.md', 'examples/polled-call-booked-message.json', 'nodes/shared/credentialTest.ts', 'nodes/shared/transport/errors.ts']) {
			expect(where).toContain(file);
		}
		const planSentences = texts.flatMap(({ text }) => sentencesOf(text)).filter((s) => NAMES_A_PLAN.test(s));
		expect(planSentences.length).toBeGreaterThan(10);
	});

	it('every sentence that names a plan says one of the known facts', () => {
		const off = texts.flatMap(({ where, text }) => disagreeing(text).map((sentence) => `${where}: ${sentence}`));
		expect(off).toEqual([]);
	});

	it('states each fact in the README, in the same words as the nodes', () => {
		const readme = plain(readFileSync(join(ROOT, 'README.md'), 'utf8'));
		expect(FACTS.filter((fact) => !readme.includes(fact))).toEqual([]);
	});

	it('would notice a line that contradicts the facts', () => {
		expect(disagreeing('API access comes with the Business and Enterprise plans. Nothing else here.')).toEqual([
			'API access comes with the Business and Enterprise plans.',
		]);
		expect(disagreeing('| plan | Startup plans have the REST API but no webhooks |')).toEqual(['Startup plans have the REST API but no webhooks']);
		expect(disagreeing('It starts workflows on every iClosed plan: it reads the REST API.')).toEqual(['It starts workflows on every iClosed plan: it reads the REST API.']);
		expect(disagreeing(`It needs ${WEBHOOKS_SWITCHED_ON} (${WEBHOOK_BETA}).`)).toEqual([]);
		expect(disagreeing('iClosed limits requests per endpoint (about 20 per 10 seconds on Startup plans).')).toEqual([]);
	});
});
