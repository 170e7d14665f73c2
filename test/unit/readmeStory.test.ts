/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Test code (never shipped): what a newcomer reads in the README agrees with the package: the nodes Installation
// promises, the examples Quick start and Examples describe, the Node.js version, and the first run's surprises.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { allOperations } from '../../nodes/shared/catalogue';
import { IClosed } from '../../nodes/IClosed/IClosed.node';
import { IClosedPollingTrigger } from '../../nodes/IClosedPollingTrigger/IClosedPollingTrigger.node';
import { IClosedTrigger } from '../../nodes/IClosedTrigger/IClosedTrigger.node';
import packageJson from '../../package.json';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The text of the README section under `## title`, up to the next `## `. */
function section(title: string, text = README): string {
	const start = text.indexOf(`\n## ${title}\n`);
	if (start < 0) throw new Error(`README has no "## ${title}"`);
	const end = text.indexOf('\n## ', start + 1);
	return text.slice(start, end < 0 ? undefined : end);
}

interface Example {
	file: string;
	name: string;
	nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
}
const examples: Example[] = readdirSync(join(ROOT, 'examples'))
	.filter((f) => f.endsWith('.json'))
	.map((file) => ({ file, ...(JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as Omit<Example, 'file'>) }));

/** "**Resource → Operation**" as the README writes an action node step, e.g. **Contact → Get**. */
function namedOperations(text: string): Array<{ resource: string; operation: string }> {
	return [...text.matchAll(/\*\*([A-Z][A-Za-z ]*?) → ([A-Z][A-Za-z ]*?)\*\*/g)].map((m) => ({ resource: m[1], operation: m[2] }));
}

function usesOperation(example: Example, resource: string, operation: string): boolean {
	const declaration = allOperations().find((op) => op.name === operation && op.resource.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() === resource.toLowerCase());
	if (!declaration) throw new Error(`no operation ${resource} → ${operation} in the catalogue`);
	return example.nodes.some((n) => n.parameters.resource === declaration.resource && n.parameters.operation === declaration.value);
}

describe('the README tells the same story as the package', () => {
	it('Installation names every node and the two entries n8n’s nodes panel shows for them', () => {
		const installation = section('Installation');
		const nodes: INodeType[] = [new IClosed(), new IClosedTrigger(), new IClosedPollingTrigger()];
		expect(packageJson.n8n.nodes).toHaveLength(nodes.length);
		for (const node of nodes) expect(installation).toContain(`**${node.description.displayName}**`);
		// The panel merges the trigger into the action node's entry ("iClosed"); a trigger alone is listed
		// without "Trigger" in its name ("iClosed Polling").
		for (const entry of ['**iClosed**', '**iClosed Polling**']) expect(installation).toContain(entry);
	});

	it('counts the examples right wherever it counts them, and links each one', () => {
		const count = NUMBERS[examples.length];
		const counted = [...README.matchAll(new RegExp(`\\b(${NUMBERS.join('|')})\\b(?= \\[?examples| workflows in)`, 'gi'))].map((m) => m[1].toLowerCase());
		expect(counted.length).toBeGreaterThanOrEqual(2);
		expect(counted).toEqual(counted.map(() => count));
		const table = section('Examples');
		for (const { file } of examples) expect(table.split(`(examples/${file})`)).toHaveLength(2);
	});

	it('marks the examples table once', () => {
		expect(README.split('<!-- examples:start -->')).toHaveLength(2);
		expect(README.split('<!-- examples:end -->')).toHaveLength(2);
	});

	it('sends the Quick start tour to one example, by a name no other example shares', () => {
		const [, name] = /open \*\*(iClosed: [^*]+)\*\*/.exec(section('Quick start')) ?? [];
		expect(examples.filter((e) => e.name === name)).toHaveLength(1);
		expect(examples.filter((e) => e.name !== name && (e.name.includes(name) || name.includes(e.name)))).toEqual([]);
	});

	it('describes each example with the iClosed steps it really has', () => {
		const rows = section('Examples')
			.split('\n')
			.filter((line) => line.startsWith('| ['));
		expect(rows).toHaveLength(examples.length);
		for (const row of rows) {
			const file = /\(examples\/([^)]+)\)/.exec(row)![1];
			const example = examples.find((e) => e.file === file)!;
			const [, , whatItDoes] = row.split('|');
			for (const { resource, operation } of namedOperations(whatItDoes)) {
				expect({ file, step: `${resource} → ${operation}`, present: usesOperation(example, resource, operation) }).toEqual({
					file,
					step: `${resource} → ${operation}`,
					present: true,
				});
			}
		}
		// The check itself: the booking tour names Call → Book, and the polling example has no Contact → Get.
		const tour = examples.find((e) => e.file === 'book-first-free-slot.json')!;
		expect(usesOperation(tour, 'Call', 'Book')).toBe(true);
		expect(usesOperation(examples.find((e) => e.file === 'polled-call-booked-message.json')!, 'Contact', 'Get')).toBe(false);
	});

	it('asks for the Node.js version the package needs', () => {
		const minimum = /^>=(\d+\.\d+)$/.exec(packageJson.engines.node)![1];
		for (const [file, text] of [['README.md', README], ['CONTRIBUTING.md', readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')]]) {
			const asked = [...text.matchAll(/Node\.js (\d+(?:\.\d+)?)(\+| or later)/g)].map((m) => m[1]);
			expect({ file, asked: asked.length > 0 && asked.every((v) => v === minimum) }).toEqual({ file, asked: true });
		}
	});

	it('warns about the first run: a silent npm ci, the size of n8n’s cache and how to remove it, the skipped tests', () => {
		const quickStart = section('Quick start');
		expect(quickStart).toMatch(/`npm ci`[^.]*prints nothing/);
		expect(quickStart).toMatch(/~\/\.cache\/n8n-e2e`[\s\S]{0,200}?\d+(\.\d+)? GB/);
		expect(quickStart).toContain('rm -rf ~/.cache/n8n-e2e');
		// Tests that only `npm run test:robustness` runs show up as skipped in `npm test`: the README says why.
		const skipping = readdirSync(join(ROOT, 'test', 'robustness')).some((f) => /\bit\.skip\b/.test(readFileSync(join(ROOT, 'test', 'robustness', f), 'utf8')));
		expect(skipping).toBe(true);
		expect(quickStart).toMatch(/skipped[^.]*`npm run test:robustness`/);
	});
});
