import { CATALOGUE, findOperation } from '../../../nodes/shared/catalogue';
import type { FieldDeclaration } from '../../../nodes/shared/catalogue/types';
import { SPECIAL_OPERATIONS } from '../../../nodes/IClosed/operations/registry';
import {
	catalogueImports,
	homeless,
	importCycles,
	pathPlaces,
	siblingImports,
	strayPaths,
	unlayered,
	upwardImports,
} from './layoutRules';
import { parseSources, readPackageTexts } from './packageSources';

/**
 * The package's layout, checked mechanically (rules in layoutRules.ts): no node folder leans on another
 * node's folder, the API catalogue is the ground floor and the only place an iClosed path is written,
 * data flows one way inside the action node, and nothing imports in a circle.
 */
const TEXTS = readPackageTexts();
const SOURCES = parseSources(TEXTS);

/** The package with one more file, for showing that a rule catches what it is for. */
function withExtraFile(path: string, text: string) {
	return parseSources(new Map([...TEXTS, [path, text]]));
}

describe('Package layout', () => {
	it('reads every shipped source, each in a known home (node folder, nodes/shared, credentials)', () => {
		expect(SOURCES.size).toBeGreaterThan(100);
		expect(homeless(SOURCES)).toEqual([]);
		expect(SOURCES.has('credentials/IClosedApi.credentials.ts')).toBe(true);
	});

	it('no node folder imports another node’s folder; nodes/shared and the credential import none', () => {
		expect(siblingImports(SOURCES)).toEqual([]);
	});

	it('catches a sibling import (an injected one)', () => {
		const injected = withExtraFile(
			'nodes/IClosedPollingTrigger/injected.ts',
			"import { simplifyEvent } from '../IClosedTrigger/simplify';\nexport const x = simplifyEvent;\n",
		);
		expect(siblingImports(injected)).toEqual([
			'nodes/IClosedPollingTrigger/injected.ts → nodes/IClosedTrigger/simplify/index.ts',
		]);
		const fromShared = withExtraFile('nodes/shared/injected.ts', "export { CATALOGUE } from '../IClosed/router';\n");
		expect(siblingImports(fromShared)).toEqual(['nodes/shared/injected.ts → nodes/IClosed/router.ts']);
	});

	it('has no import cycle at run time', () => {
		expect(importCycles(SOURCES)).toEqual([]);
	});

	it('the catalogue imports nothing but the catalogue (and the event list its Webhook resource offers)', () => {
		expect(catalogueImports(SOURCES)).toEqual([]);
	});
});

describe('Every iClosed path written once, in the catalogue', () => {
	it('writes each /v1/ path in code once, in nodes/shared/catalogue/', () => {
		expect(pathPlaces(SOURCES).size).toBeGreaterThan(20);
		expect(strayPaths(SOURCES)).toEqual([]);
	});

	it('catches a stray path (an injected one), in a string or a template, but not in a comment', () => {
		const injected = withExtraFile(
			'nodes/IClosedTrigger/injected.ts',
			[
				'// GET /v1/contacts is fine in a comment',
				"export const list = { method: 'GET', path: '/v1/contacts' };",
				'export const message = (id: string) => `no such webhook: /v1/webhooks/${id}`;',
			].join('\n'),
		);
		expect(strayPaths(injected)).toEqual([
			expect.stringMatching(/^\/v1\/contacts in nodes\/shared\/catalogue\/contact\.ts, nodes\/IClosedTrigger\/injected\.ts$/),
			expect.stringMatching(/^\/v1\/webhooks\/ in nodes\/IClosedTrigger\/injected\.ts$/),
		]);
	});

	it('declares every endpoint with a path written in the catalogue', () => {
		const written = pathPlaces(SOURCES);
		const declared = CATALOGUE.flatMap((r) => r.operations).map((op) => op.path);
		expect(declared.filter((path) => !written.has(path))).toEqual([]);
	});
});

describe('Action node layout', () => {
	it('every file sits in a known layer', () => {
		expect(unlayered(SOURCES)).toEqual([]);
	});

	it('nothing imports upward: a file imports its own folder or a layer below', () => {
		expect(upwardImports(SOURCES)).toEqual([]);
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
