/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a build script, not shipped */
/**
 * Writes the README's operations table from the action node's catalogue (the declarations in
 * nodes/shared/catalogue), between the `<!-- operations:start -->` and `<!-- operations:end -->`
 * markers. `npm run docs:operations` runs it; test/unit/action/readme.test.ts fails when the README is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CATALOGUE } from '../nodes/shared/catalogue';
import type { OperationDeclaration, ResourceDeclaration } from '../nodes/shared/catalogue/types';
import { hasSimplify } from '../nodes/shared/catalogue/derived';

export const START = '<!-- operations:start -->';
export const END = '<!-- operations:end -->';

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function extras(op: OperationDeclaration): string {
	const parts: string[] = [];
	if (op.list) parts.push('Return All / Limit');
	if (hasSimplify(op)) parts.push('Simplify');
	if (op.output?.kind === 'deleted') parts.push('returns `{ "deleted": true }`');
	return parts.length > 0 ? ` _(${parts.join(', ')})_` : '';
}

function rows(resource: ResourceDeclaration): string[] {
	return resource.operations.map(
		(op) => `| ${resource.name} | ${op.name} | \`${op.method} ${op.path}\` | ${cell(op.description)}${extras(op)} |`,
	);
}

export function renderOperationsTable(resources: ResourceDeclaration[] = CATALOGUE): string {
	const count = resources.reduce((n, r) => n + r.operations.length, 0);
	return [
		`The **iClosed** node has ${count} operations on ${resources.length} resources, one per iClosed endpoint. Every`,
		'operation can be used by an AI agent (the node is usable as a tool). Optional fields sit in each',
		'operation’s Filters, Options or Additional Fields; dates may be any n8n date, ISO string or Unix timestamp',
		'and are sent to iClosed as UTC.',
		'',
		'| Resource | Operation | iClosed endpoint | What it does |',
		'|---|---|---|---|',
		...resources.flatMap(rows),
		'',
		'_Generated from the node’s declarations by `npm run docs:operations`; do not edit by hand._',
	].join('\n');
}

/** The README with the section between the markers replaced by `table`. */
export function withOperationsTable(readme: string, table: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md needs ${START} and ${END} markers under ## Operations`);
	return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The repository's README, found from here whether this runs from scripts/ (jest) or build/scripts/. */
export function readmePath(from: string = __dirname): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'README.md'))) return join(dir, 'README.md');
	}
	throw new Error(`No README.md above ${from}`);
}

export function readReadme(): string {
	return readFileSync(readmePath(), 'utf8');
}

if (require.main === module) {
	const path = readmePath();
	const readme = readReadme();
	const next = withOperationsTable(readme, renderOperationsTable());
	if (next !== readme) writeFileSync(path, next);
	process.stdout.write(next === readme ? 'README operations table is up to date\n' : 'README operations table updated\n');
}
