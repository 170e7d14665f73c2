/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/// <reference lib="dom" />
// Editor check code (never shipped): headless Chromium (Debian's package, or UI_CHROMIUM) driven by
// puppeteer-core, and the few page helpers the editor checks share. Everything waits on elements and
// text, never on time or pixels.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer from 'puppeteer-core';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';

export type { Page };

/**
 * Chromium on a closed network: without the background-networking flags it keeps opening
 * connections (component updates, sync, QUIC probes) that are refused, and pages stall.
 */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export async function launchChromium(executablePath: string): Promise<{ browser: Browser; page: Page }> {
	const profile = mkdtempSync(join(tmpdir(), 'iclosed-ui-'));
	const browser = await puppeteer.launch({
		executablePath,
		headless: true,
		args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
		defaultViewport: { width: 1280, height: 800 },
	});
	const page = await browser.newPage();
	page.setDefaultTimeout(30_000);
	return { browser, page };
}

export const byTestId = (id: string) => `[data-test-id="${id}"]`;

/** The visible elements matching `selector` whose text (trimmed) is exactly `text`. */
export async function visibleWithText(page: Page, selector: string, text: string): Promise<ElementHandle[]> {
	const all = await page.$$(selector);
	const found: ElementHandle[] = [];
	for (const el of all) {
		const match = await el.evaluate((e, t) => e.getClientRects().length > 0 && (e.textContent ?? '').trim() === t, text);
		if (match) found.push(el);
	}
	return found;
}

/**
 * Clicks the first visible element of `selector` reading `text`, waiting for it to appear and to take
 * the click (a dropdown that is still fading in is "not clickable" for a moment).
 */
export async function clickText(page: Page, selector: string, text: string, timeoutMs = 15_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		const [el] = await visibleWithText(page, selector, text);
		if (el) {
			try {
				return await el.click();
			} catch (error) {
				lastError = error;
			}
		}
		if (Date.now() > end) {
			const why = lastError instanceof Error ? `: ${lastError.message}` : '';
			throw new Error(`no clickable ${selector} reading "${text}" after ${timeoutMs} ms${why}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * Picks `option` in the dropdown opened by clicking `input`, until `shown` appears. n8n's option list
 * fades in and grows while it opens, so a click can land on the option's old position and select
 * nothing (seen once in CI): the list is reopened and the option clicked again, three times at most.
 */
export async function chooseOption(page: Page, input: string, option: string, shown: string): Promise<void> {
	const options = '[data-test-id="parameter-input-item"] .option-headline';
	for (let attempt = 1; ; attempt++) {
		// Open the list unless it is still open from a click that missed.
		if ((await visibleWithText(page, options, option)).length === 0) await page.click(input);
		await clickText(page, options, option);
		const appeared = await page.waitForSelector(shown, { timeout: attempt < 3 ? 5_000 : 30_000 }).then(
			() => true,
			() => attempt >= 3 && Promise.reject(new Error(`choosing "${option}" never showed ${shown}`)),
		);
		if (appeared) return;
	}
}

/** The inner text of every visible element matching `selector`, in document order. */
export async function visibleTexts(page: Page, selector: string): Promise<string[]> {
	return await page.$$eval(selector, (els) =>
		els.filter((e) => e.getClientRects().length > 0).map((e) => (e as HTMLElement).innerText.trim()),
	);
}

/** Waits until the page's visible text under `selector` contains `text`; returns that text. */
export async function waitForText(page: Page, selector: string, text: string, timeoutMs = 30_000): Promise<string> {
	await page.waitForFunction(
		(s, t) => Array.from(document.querySelectorAll(s)).some((e) => (e as HTMLElement).innerText.includes(t)),
		{ timeout: timeoutMs },
		selector,
		text,
	);
	return (await visibleTexts(page, selector)).join('\n');
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'networkidle2' });
	await page.type('input[type=email]', email);
	await page.type('input[type=password]', password);
	await page.keyboard.press('Enter');
	// The editor routes on the client: wait for it to leave the sign-in page rather than for a navigation.
	await page.waitForFunction(() => !location.pathname.includes('/signin'), { timeout: 30_000 }).catch(() => {
		throw new Error('signing in to the editor failed (still on /signin after 30 s)');
	});
}

/** Screenshots for the CI artifact (full viewport) and, clipped to `clip`, for the README. */
export class Screenshots {
	constructor(
		readonly dir: string,
		readonly readmeDir: string | undefined,
	) {
		mkdirSync(dir, { recursive: true });
	}

	async take(page: Page, name: string, readme?: { selector?: string; clip?: { x: number; y: number; width: number; height: number } }): Promise<void> {
		await page.screenshot({ path: join(this.dir, `${name}.png`) });
		if (!this.readmeDir || !readme) return;
		mkdirSync(this.readmeDir, { recursive: true });
		const path = join(this.readmeDir, `${name}.png`) as `${string}.png`;
		// Toasts and one-time hints ("You can pin this output…") cover what the picture is about.
		const hide = await page.addStyleTag({ content: '.el-notification, .el-popper[role="tooltip"] { visibility: hidden !important; }' });
		// captureBeyondViewport off: capturing "beyond" re-lays the page out and restarts fade-ins.
		if (readme.selector) {
			const el = await page.$(readme.selector);
			if (!el) throw new Error(`README screenshot ${name}: no ${readme.selector}`);
			await el.screenshot({ path, captureBeyondViewport: false });
		} else {
			await page.screenshot({ path, clip: readme.clip, captureBeyondViewport: false });
		}
		await hide.evaluate((style) => style.remove());
	}
}
