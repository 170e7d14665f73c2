/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, never shipped: it reads the node's sources */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { CATALOGUE, findOperation } from '../../../nodes/IClosed/catalogue';
import type { FieldDeclaration } from '../../../nodes/IClosed/catalogue/types';
import { SPECIAL_OPERATIONS } from '../../../nodes/IClosed/operations/registry';
import { WEBHOOKS_PATH } from '../../../nodes/shared/webhookEvents';

/**
 * The action node's layout, checked mechanically: data flows one way (node → router → operations →
 * execution → locators → wire → catalogue), the catalogue imports none of the code that uses it, no
 * import cycle, every iClosed path written once and only in the catalogue, and the special-operation
 * registry names declared operations only.
 */
const NODE_DIR = resolve(__dirname, '../../../nodes/IClosed');

/** Lower runs first: a file may import its own folder or a folder ranked below it. */
const LAYERS: Array<[string, number]> = [
	['IClosed.node.ts', 0],
	['router.ts', 1],
	['operations/', 2],
	['methods/', 2],
	['description/', 3],
	['execution/', 3],
	['locators/', 4],
	['wire/', 5],
	['catalogue/', 6],
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

const FILES = sourceFiles(NODE_DIR).map((path) => relative(NODE_DIR, path));

function layerOf(file: string): { folder: string; rank: number } {
	const found = LAYERS.find(([prefix]) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix));
	if (!found) throw new Error(`${file} is in no layer of the action node: add its folder to LAYERS`);
	return { folder: found[0], rank: found[1] };
}

/** The files of the action node a file imports (relative imports resolved; outside ones left out). */
function importsOf(file: string): string[] {
	const text = readFileSync(join(NODE_DIR, file), 'utf8');
	const specifiers = [...text.matchAll(/\bfrom '(\.[^']*)'/g)].map((m) => m[1]);
	return specifiers
		.map((specifier) => {
			const target = resolve(dirname(join(NODE_DIR, file)), specifier);
			const candidates = [`${target}.ts`, join(target, 'index.ts')];
			const hit = candidates.find((c) => FILES.includes(relative(NODE_DIR, c)));
			return hit ? relative(NODE_DIR, hit) : undefined;
		})
		.filter((f): f is string => f !== undefined);
}

describe('Action node layout', () => {
	it('every file sits in a known layer', () => {
		expect(FILES.length).toBeGreaterThan(30);
		for (const file of FILES) expect(() => layerOf(file)).not.toThrow();
	});

	it('nothing imports upward: a file imports its own folder or a layer below', () => {
		const upward: string[] = [];
		for (const file of FILES) {
			const from = layerOf(file);
			for (const target of importsOf(file)) {
				const to = layerOf(target);
				if (to.folder !== from.folder && to.rank <= from.rank) upward.push(`${file} → ${target}`);
			}
		}
		expect(upward).toEqual([]);
	});

	it('the catalogue imports nothing but the catalogue', () => {
		const outside = FILES.filter((f) => f.startsWith('catalogue/')).flatMap((file) =>
			importsOf(file).filter((t) => !t.startsWith('catalogue/')).map((t) => `${file} → ${t}`),
		);
		expect(outside).toEqual([]);
	});

	it('has no import cycle', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, trail: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
				return;
			}
			state.set(file, 'open');
			for (const target of importsOf(file)) visit(target, [...trail, file]);
			state.set(file, 'done');
		};
		for (const file of FILES) visit(file, []);
		expect(cycles).toEqual([]);
	});

	/** Every `/v1/…` string written in the action node, with the files it is written in. */
	function pathLiterals(): Map<string, string[]> {
		const places = new Map<string, string[]>();
		for (const file of FILES) {
			const text = readFileSync(join(NODE_DIR, file), 'utf8');
			for (const [, path] of text.matchAll(/['"`](\/v1\/[^'"`]*)['"`]/g)) {
				places.set(path, [...(places.get(path) ?? []), file]);
			}
		}
		return places;
	}

	it('writes every iClosed path once, in the catalogue', () => {
		const places = pathLiterals();
		expect(places.size).toBeGreaterThan(20);
		const misplaced = [...places].filter(([, files]) => files.length !== 1 || !files[0].startsWith('catalogue/'));
		expect(misplaced).toEqual([]);
	});

	it('takes every declared path from those literals (the webhooks path from the shared event list)', () => {
		const written = pathLiterals();
		const declared = CATALOGUE.flatMap((r) => r.operations).map((op) => op.path);
		expect(declared.filter((path) => !written.has(path) && path !== WEBHOOKS_PATH)).toEqual([]);
	});

	it('the special-operation registry names declared operations only', () => {
		for (const key of Object.keys(SPECIAL_OPERATIONS)) {
			const [resource, operation] = key.split(':');
			expect(findOperation(resource, operation)).toBeDefined();
		}
	});

	it('every locator field names its locator kind', () => {
		const fields = (list: FieldDeclaration[]): FieldDeclaration[] => list.flatMap((f) => [f, ...fields(f.fields ?? [])]);
		const unnamed = CATALOGUE.flatMap((r) => r.operations)
			.flatMap((op) => fields(op.fields).map((f) => ({ op: `${op.resource}:${op.value}`, f })))
			.filter(({ f }) => f.kind === 'locator' && !f.locator)
			.map(({ op, f }) => `${op} ${f.name}`);
		expect(unnamed).toEqual([]);
	});

	it('only special operations read declared fields themselves or add parameters of their own', () => {
		const own = CATALOGUE.flatMap((r) => r.operations)
			.filter((op) => op.extraProperties || op.fields.some((f) => f.readByOperation))
			.map((op) => `${op.resource}:${op.value}`);
		expect(own.filter((key) => !(key in SPECIAL_OPERATIONS))).toEqual([]);
	});
});
