/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Test code (never shipped): reads README.md to check the documentation links point at real sections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

import { IClosedApi } from '../../credentials/IClosedApi.credentials';
import actionCodex from '../../nodes/IClosed/IClosed.node.json';
import { IClosed } from '../../nodes/IClosed/IClosed.node';
import { withArticle } from '../../nodes/IClosed/locators/locator';
import pollingCodex from '../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node.json';
import { IClosedPollingTrigger } from '../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node';
import triggerCodex from '../../nodes/IClosedTrigger/IClosedTrigger.node.json';
import { IClosedTrigger } from '../../nodes/IClosedTrigger/IClosedTrigger.node';
import packageJson from '../../package.json';

/**
 * n8n's UX guidelines for verified community nodes (docs.n8n.io: "UX guidelines" and "Node UI design" under
 * Creating nodes), checked on every parameter of both nodes and the credential, plus the codex files and
 * documentation links.
 */

const ROOT = join(__dirname, '..', '..');
const action = new IClosed().description;
const trigger = new IClosedTrigger().description;
const polling = new IClosedPollingTrigger().description;
const credential: ICredentialType = new IClosedApi();

/** Lower-case words Title Case leaves alone, and brand names spelled the vendor's way. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'per', 'the', 'to', 'via', 'with']);
const BRANDS = /^(iClosed|iScore)\b/;

function isTitleCase(text: string): boolean {
	return text
		.split(/\s+/)
		.every((word, i) => !/^[a-z]/.test(word) || BRANDS.test(word) || (i > 0 && SMALL_WORDS.has(word)));
}

interface Visited {
	where: string;
	property: INodeProperties;
}

/** Every parameter, nested ones included, with a path for failure messages. */
function allProperties(properties: INodeProperties[], where = ''): Visited[] {
	const found: Visited[] = [];
	for (const property of properties) {
		const path = `${where}${property.name}`;
		found.push({ where: path, property });
		for (const option of (property.options ?? []) as Array<INodeProperties | INodePropertyCollection | INodePropertyOptions>) {
			if ('type' in option && 'displayName' in option) found.push(...allProperties([option as INodeProperties], `${path}.`));
			if ('values' in option) found.push(...allProperties((option as INodePropertyCollection).values, `${path}.${option.name}.`));
		}
	}
	return found;
}

function plainOptions(property: INodeProperties): INodePropertyOptions[] {
	return ((property.options ?? []) as Array<INodePropertyOptions | INodeProperties | INodePropertyCollection>).filter(
		(o): o is INodePropertyOptions => 'value' in o,
	);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const README_ANCHORS = new Set([...README.matchAll(/^#{1,6} (.+)$/gm)].map((m) => githubAnchor(m[1])));
const REPO_URL = packageJson.homepage.replace(/#.*$/, '');

function expectReadmeSection(url: string | undefined): void {
	expect(url).toMatch(new RegExp(`^${REPO_URL.replace(/[.]/g, '\\.')}#`));
	const anchor = (url ?? '').split('#')[1];
	expect([...README_ANCHORS]).toContain(anchor);
}

describe.each([
	['iClosed', action.properties],
	['iClosed Trigger', trigger.properties],
	['iClosed Polling Trigger', polling.properties],
	['iClosed API credential', credential.properties],
])('%s parameters follow n8n’s UX guidelines', (_name, properties) => {
	const visited = allProperties(properties);

	it('names parameters and options in Title Case', () => {
		const wrong = visited.flatMap(({ where, property }) => [
			...(property.type !== 'notice' && !isTitleCase(property.displayName) ? [`${where}: ${property.displayName}`] : []),
			...plainOptions(property)
				.filter((o) => !isTitleCase(o.name))
				.map((o) => `${where}=${String(o.value)}: ${o.name}`),
		]);
		expect(wrong).toEqual([]);
	});

	it('writes actions in sentence case (brand names and acronyms keep their capitals)', () => {
		const actions = visited.flatMap(({ property }) => plainOptions(property).flatMap((o) => (o.action ? [o.action] : [])));
		const kept = /\b(iClosed|iScore|API|ID|URL)\b/g;
		for (const text of actions) expect(text.replace(kept, 'x')).toMatch(/^[A-Z][^A-Z]*$/);
		expect('On call booked · needs webhooks switched on by iClosed'.replace(kept, 'x')).toMatch(/^[A-Z][^A-Z]*$/);
		expect('On Call Booked'.replace(kept, 'x')).not.toMatch(/^[A-Z][^A-Z]*$/);
	});

	it('puts the right article in placeholders ("Select an event...", "Select a user...")', () => {
		const placeholders = visited.flatMap(({ where, property }) => [
			...(property.placeholder ? [`${where}: ${property.placeholder}`] : []),
			...(property.modes ?? []).flatMap((m) => (m.placeholder ? [`${where}.${m.name}: ${m.placeholder}`] : [])),
		]);
		expect(placeholders.filter((p) => /\ba [aeio]\w|\ban [^aeiou\s]\w/i.test(p))).toEqual([]);
		expect(['event', 'user', 'contact'].map(withArticle)).toEqual(['an event', 'a user', 'a contact']);
	});

	it('starts placeholders with "e.g." (collections say what they add, lists what to select)', () => {
		const placeholders = visited.flatMap(({ where, property }) => [
			...(property.placeholder ? [[where, property.placeholder]] : []),
			...(property.modes ?? []).flatMap((m) => (m.placeholder ? [[`${where}.${m.name}`, m.placeholder]] : [])),
		]);
		for (const [where, text] of placeholders) {
			expect(`${where}: ${text}`).toMatch(/^[\w.]+: (e\.g\. |Add |Select |name@email\.com$)/);
		}
	});

	it('describes booleans with "Whether …"', () => {
		for (const { where, property } of visited) {
			if (property.type === 'boolean') expect(`${where}: ${property.description}`).toMatch(/^[\w.]+: Whether /);
		}
	});

	it('starts descriptions and hints with a capital letter', () => {
		for (const { where, property } of visited) {
			for (const text of [property.description, property.hint]) {
				if (text) expect(`${where}: ${text.replace(BRANDS, 'X')}`).toMatch(/^[\w.]+: [^a-z]/);
			}
		}
	});

	it('defaults resource locators to "From list"', () => {
		for (const { property } of visited) {
			if (property.type === 'resourceLocator') expect(property.default).toEqual({ mode: 'list', value: '' });
		}
	});
});

describe('documentation links and codex files', () => {
	it.each([
		['iClosed', action, actionCodex],
		['iClosed Trigger', trigger, triggerCodex],
		['iClosed Polling Trigger', polling, pollingCodex],
	] as Array<[string, INodeTypeDescription, typeof actionCodex]>)('%s links a README section from the node and its codex', (_name, description, codex) => {
		expectReadmeSection(description.documentationUrl);
		expect(codex).toMatchObject({
			node: `${packageJson.name}.${description.name}`,
			nodeVersion: `${String(description.version)}.0`,
			codexVersion: '1.0',
			resources: {
				primaryDocumentation: [{ url: description.documentationUrl }],
				credentialDocumentation: [{ url: credential.documentationUrl }],
			},
		});
	});

	it('files every node under Sales, findable by booking, calendar, CRM and appointment', () => {
		const allowed = [
			'Data & Storage',
			'Finance & Accounting',
			'Marketing & Content',
			'Productivity',
			'Miscellaneous',
			'Sales',
			'Development',
			'Analytics',
			'Communication',
			'Utility',
		];
		for (const codex of [actionCodex, triggerCodex, pollingCodex]) {
			expect(codex.categories[0]).toBe('Sales');
			for (const category of codex.categories) expect(allowed).toContain(category);
			expect(codex.alias).toEqual(expect.arrayContaining(['booking', 'calendar', 'CRM', 'appointment']));
		}
	});

	it('links the credential to the README’s Credentials section', () => {
		expectReadmeSection(credential.documentationUrl);
		expect(credential.documentationUrl).toMatch(/#credentials$/);
	});

	it('shows the resource and operation, or the selected events, in the subtitle', () => {
		expect(action.subtitle).toEqual(expect.stringContaining('$parameter["operation"]'));
		expect(action.subtitle).toEqual(expect.stringContaining('$parameter["resource"]'));
		expect(trigger.subtitle).toEqual(expect.stringContaining('$parameter["events"]'));
		expect(polling.subtitle).toEqual(expect.stringContaining('$parameter["events"]'));
	});
});
