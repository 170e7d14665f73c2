/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, never shipped: it reads the package's sources */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * The package's shipped sources (nodes/ and credentials/) as the layout checks see them: for each file,
 * the package files it imports and the text of every string it writes in code (comments are not code).
 * Read with TypeScript's own parser, so a string that looks like a comment, or a comment that quotes a
 * path, is never mistaken for the other.
 */
export const REPO = resolve(__dirname, '../../..');

export interface PackageSource {
	/** Repository-relative, e.g. `nodes/IClosed/router.ts`. */
	path: string;
	/** Package files it imports, repository-relative. */
	imports: string[];
	/** Every string literal and template text in its code. */
	strings: string[];
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

export function specifiersAndStrings(path: string, text: string): { specifiers: string[]; strings: string[] } {
	const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
	const specifiers: string[] = [];
	const strings: string[] = [];
	const visit = (node: ts.Node): void => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			specifiers.push(node.moduleSpecifier.text);
			return;
		}
		if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
			specifiers.push(node.argument.literal.text);
			return;
		}
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
		else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) strings.push(node.text);
		ts.forEachChild(node, visit);
	};
	visit(file);
	return { specifiers, strings };
}

/** The sources as given (`path` → text), with relative imports resolved among them. */
export function parseSources(texts: Map<string, string>): Map<string, PackageSource> {
	const sources = new Map<string, PackageSource>();
	for (const [path, text] of texts) {
		const { specifiers, strings } = specifiersAndStrings(path, text);
		const imports = specifiers
			.filter((s) => s.startsWith('.'))
			.map((s) => {
				const target = join(dirname(path), s);
				return [`${target}.ts`, join(target, 'index.ts')].find((candidate) => texts.has(candidate));
			})
			.filter((f): f is string => f !== undefined);
		sources.set(path, { path, imports, strings });
	}
	return sources;
}

/** Every shipped source of the package, read from disk. */
export function readPackageTexts(): Map<string, string> {
	const texts = new Map<string, string>();
	for (const dir of ['nodes', 'credentials']) {
		for (const file of tsFiles(join(REPO, dir))) texts.set(relative(REPO, file), readFileSync(file, 'utf8'));
	}
	return texts;
}
