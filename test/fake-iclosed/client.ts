/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers */
// A tiny HTTP client for tests that talk to the fake directly (test code, never shipped).
import type { FakeIClosed } from './types';

export interface FakeCallOptions {
	query?: Record<string, string | number | boolean>;
	body?: unknown;
	/** API key; default the fake's first valid key. `null` sends no Authorization header. */
	key?: string | null;
	headers?: Record<string, string>;
}

export interface FakeResponse<T = any> {
	status: number;
	body: T;
	headers: Headers;
}

/** Calls the fake over real HTTP and parses the JSON answer. */
export async function callFake<T = any>(
	fake: Pick<FakeIClosed, 'baseUrl' | 'apiKey'>,
	method: string,
	path: string,
	opts: FakeCallOptions = {},
): Promise<FakeResponse<T>> {
	const url = new URL(fake.baseUrl + path);
	for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
	const key = opts.key === undefined ? fake.apiKey : opts.key;
	const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
	if (key !== null) headers.authorization = `Bearer ${key}`;
	if (opts.body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(url, {
		method,
		headers,
		body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
	});
	const text = await res.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON: keep the text
	}
	return { status: res.status, body: body as T, headers: res.headers };
}
