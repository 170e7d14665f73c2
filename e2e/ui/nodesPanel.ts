// Editor check code (never shipped): reading n8n's nodes panel and a node's option lists.
import type { Page } from './browser';
import { byTestId, clickText, visibleTexts, waitForText } from './browser';

export const NODE_CREATOR = byTestId('node-creator');
export const ITEM_NAMES = `${NODE_CREATOR} ${byTestId('node-creator-item-name')}`;

/** Opens the nodes panel from the canvas' "+", searches "iClosed"; returns the entries it lists. */
export async function searchIClosed(page: Page): Promise<string[]> {
	await page.click(byTestId('node-creator-plus-button'));
	await page.waitForSelector(byTestId('node-creator-search-bar'));
	await page.keyboard.type('iClosed');
	await waitForText(page, ITEM_NAMES, 'iClosed');
	return await visibleTexts(page, ITEM_NAMES);
}

/** Clicks an app found by searchIClosed and waits for its page; returns the page's text. */
export async function openApp(page: Page, app: string, waitFor: string): Promise<string> {
	await clickText(page, ITEM_NAMES, app);
	return await waitForText(page, NODE_CREATOR, waitFor);
}

/** The trigger entries on an app's page ("On call booked · …"), as listed. */
export async function triggerEntries(page: Page): Promise<string[]> {
	return (await visibleTexts(page, ITEM_NAMES)).filter((name) => name.startsWith('On '));
}

/** The number n8n shows in "Triggers (n)" on an app's page. */
export function triggerCount(pageText: string): number {
	return Number(/Triggers \((\d+)\)/.exec(pageText)?.[1]);
}

/** The names in the option list of the open node's parameter `name` (opened, read, closed again). */
export async function optionNames(page: Page, name: string): Promise<string[]> {
	await page.click(`${byTestId('ndv')} ${byTestId(`parameter-input-${name}`)}`);
	// Other selects of the node keep their (hidden) option lists in the page: wait for a visible one.
	await page.waitForFunction(() => Array.from(document.querySelectorAll('.el-select-dropdown__item')).some((e) => e.getClientRects().length > 0));
	const names = (await visibleTexts(page, '.el-select-dropdown__item')).map((text) => text.split('\n')[0].trim());
	await page.keyboard.press('Escape');
	return names;
}

/** The values shown as chosen (tags) in the open node's multi-select `name`. */
export async function chosenTags(page: Page, name: string): Promise<string[]> {
	const tags = await visibleTexts(page, `${byTestId('ndv')} ${byTestId(`parameter-input-${name}`)} .el-select__tags-text`);
	return [...new Set(tags)];
}
