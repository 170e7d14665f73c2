/* eslint-disable no-console -- test and benchmark code, never shipped */
// Benchmark code (never shipped): figures printed as Markdown tables, ready to paste into BENCHMARKS.md.

export function printTable(
	title: string,
	header: string[],
	rows: Array<Array<string | number>>,
): void {
	const cells = [header, ...rows.map((row) => row.map(String))];
	const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
	const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	console.log(`\n### ${title}\n`);
	console.log(line(header));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of cells.slice(1)) console.log(line(row));
	console.log('');
}

export function note(text: string): void {
	console.log(text);
}

/** Goal check for a table cell: "yes" / "NO". */
export function met(ok: boolean): string {
	return ok ? 'yes' : 'NO';
}
