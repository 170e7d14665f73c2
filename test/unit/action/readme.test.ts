import { CATALOGUE } from '../../../nodes/shared/catalogue';
import {
	END,
	START,
	readReadme,
	renderOperationsTable,
	withOperationsTable,
} from '../../../scripts/generate-operations-table';

describe('README operations table', () => {
	const readme = readReadme();

	it('matches the declarations (run `npm run docs:operations` after changing the catalogue)', () => {
		expect(withOperationsTable(readme, renderOperationsTable())).toBe(readme);
	});

	it('lists every declared operation with its method and path', () => {
		const section = readme.slice(readme.indexOf(START), readme.indexOf(END));
		for (const resource of CATALOGUE) {
			for (const op of resource.operations) {
				expect(section).toContain(`| ${resource.name} | ${op.name} | \`${op.method} ${op.path}\` |`);
			}
		}
	});

	it('would notice a stale table', () => {
		const stale = withOperationsTable(readme, renderOperationsTable(CATALOGUE.slice(1)));
		expect(withOperationsTable(stale, renderOperationsTable())).not.toBe(stale);
	});
});
