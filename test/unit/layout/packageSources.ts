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
	/** Those of them it imports for their values (not `import type` only): the edges at run time. */
	valueImports: string[];
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

interface Specifier {
	text: string;
	typeOnly: boolean;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
	if (ts.isExportDeclaration(node)) return node.isTypeOnly;
	const clause = node.importClause;
	if (!clause) return false;
	if (clause.isTypeOnly) return true;
	const bindings = clause.namedBindings;
	return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
}

export function specifiersAndStrings(path: string, text: string): { specifiers: Specifier[]; strings: string[] } {
	const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
	const specifiers: Specifier[] = [];
	const strings: string[] = [];
	const visit = (node: ts.Node): void => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			specifiers.push({ text: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
			return;
		}
		if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
			specifiers.push({ text: node.argument.literal.text, typeOnly: true });
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
		const resolved = specifiers
			.filter((s) => s.text.startsWith('.'))
			.map((s) => {
				const target = join(dirname(path), s.text);
				const file = [`${target}.ts`, join(target, 'index.ts')].find((candidate) => texts.has(candidate));
				return { file, typeOnly: s.typeOnly };
			})
			.filter((s): s is { file: string; typeOnly: boolean } => s.file !== undefined);
		const imports = resolved.map((s) => s.file);
		const valueImports = resolved.filter((s) => !s.typeOnly).map((s) => s.file);
		sources.set(path, { path, imports, valueImports, strings });
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
