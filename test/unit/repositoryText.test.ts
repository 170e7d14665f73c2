/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Test code (never shipped): checks on the text of every committed file. Each "§2.2"-style reference must name a
// section of docs/iclosed-api.md, the project's iClosed API reference, and nothing may point at one developer's
// machine or set-up.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const REFERENCE = 'docs/iclosed-api.md';
/** Generated, installed or copied from elsewhere: not ours to cite the reference from. */
const SKIPPED = new Set(['.git', 'node_modules', 'dist', 'build', 'coverage', '.n8n-local', 'package-lock.json']);
const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|sh|yml|yaml|jsonc|txt)$|^\.?[A-Za-z]+$/;

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (SKIPPED.has(entry.name)) return [];
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path);
		return TEXT_FILE.test(entry.name) ? [path] : [];
	});
}

/** The section numbers a text cites: "§1.3", "§ 2", "(§6.11)". */
function citedSections(text: string): string[] {
	return [...text.matchAll(/§\s?(\d+(?:\.\d+)*)/g)].map((m) => m[1]);
}

/** The numbered headings of the reference: "## 1. Transport" → "1", "### 6.11 Contact detail" → "6.11". */
function headedSections(markdown: string): Set<string> {
	return new Set([...markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1]));
}

const texts = filesUnder(ROOT).map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));

describe('references to the iClosed API reference (docs/iclosed-api.md)', () => {
	const headings = headedSections(readFileSync(join(ROOT, REFERENCE), 'utf8'));
	const citations = texts.flatMap(({ file, text }) => citedSections(text).map((section) => ({ file, section })));

	it('finds the references and the headings it checks', () => {
		expect(citations.length).toBeGreaterThan(100);
		expect(citations).toContainEqual({ file: 'nodes/shared/transport/rateLimitPacer.ts', section: '1.3' });
		expect([...headings]).toEqual(expect.arrayContaining(['1', '1.3', '2.11', '3.5', '6.25', '9']));
	});

	it('every § reference in the repository names a section the reference has', () => {
		const missing = citations.filter(({ section }) => !headings.has(section));
		expect(missing).toEqual([]);
	});

	it('reports a reference to a missing section', () => {
		const S = '\u00a7'; // not written out, or this file would cite sections that do not exist
		const cited = citedSections(`see ${S}1.3 and ${S} 7.4, and (${S}12)`);
		expect(cited).toEqual(['1.3', '7.4', '12']);
		expect(cited.filter((section) => !headings.has(section))).toEqual(['7.4', '12']);
	});

	it('keeps the sections numbered in order, without gaps', () => {
		const numbers = [...headings];
		for (const section of numbers) {
			const parts = section.split('.').map(Number);
			const last = parts.pop()!;
			if (last > 1) expect(numbers).toContain([...parts, last - 1].join('.'));
			if (parts.length > 0) expect(numbers).toContain(parts.join('.'));
		}
	});
});

describe('committed text is for any contributor', () => {
	// Built from parts so that this file does not match itself.
	const machinePath = new RegExp(['/(work', 'farm', 'root)/[a-z]'].join('|'));
	const privateSetUp = new RegExp(['our\\s+registry', 'registry\\s+we\\s+reach'].join('|'), 'i');

	it('names no path of a development machine', () => {
		expect(texts.filter(({ text }) => machinePath.test(text)).map(({ file }) => file)).toEqual([]);
	});

	it("does not describe the maintainers' own registry set-up", () => {
		expect(texts.filter(({ text }) => privateSetUp.test(text)).map(({ file }) => file)).toEqual([]);
	});
});
