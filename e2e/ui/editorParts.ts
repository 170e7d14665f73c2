// Editor check code (never shipped): reading the node details view.
import type { Page } from './browser';
import { byTestId } from './browser';

/** The labels of the open node's visible parameters, top to bottom (without the Fixed/Expression toggle). */
export async function parameterLabels(page: Page): Promise<string[]> {
	return await page.$$eval(`${byTestId('ndv')} ${byTestId('node-parameters')} ${byTestId('input-label')}`, (els) =>
		els.filter((e) => e.getClientRects().length > 0).map((e) => (e as HTMLElement).innerText.split('\n')[0].trim()),
	);
}

/** A rectangle around the visible elements of `selectors`, with a margin, inside the viewport. */
export async function clipAround(page: Page, selectors: string[], margin = 12): Promise<{ x: number; y: number; width: number; height: number }> {
	const boxes = await page.$$eval(selectors.join(', '), (els) =>
		els
			.filter((e) => e.getClientRects().length > 0)
			.map((e) => {
				const r = e.getBoundingClientRect();
				return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
			}),
	);
	if (boxes.length === 0) throw new Error(`nothing visible to crop around: ${selectors.join(', ')}`);
	const viewport = page.viewport() ?? { width: 1280, height: 800 };
	const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - margin);
	const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - margin);
	const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.right)) + margin);
	const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.bottom)) + margin);
	return { x: left, y: top, width: right - left, height: bottom - top };
}
