// Test code (never shipped): the shape of one kind of adversarial delivery, and helpers its makers share.
import type { SignOptions } from '../../fake-iclosed';
import type { Random } from './random';

export type Payload = Record<string, unknown>;

/** One delivery before signing: the bytes, how to sign them, and what the trigger must answer. */
export interface Build {
	kind: string;
	body: string | Buffer;
	/** Default application/json; `undefined` sends no Content-Type. */
	contentType?: string;
	/** 'valid': signed with the subscription's secret; an object: signed that way; 'none': unsigned. */
	sign?: 'valid' | SignOptions | 'none';
	headers?: Record<string, string>;
	/** What n8n must answer: 422 = n8n's own body parser refused it before the trigger ran. */
	expectStatus: number;
	/** Items the execution must carry (0 = no execution). */
	expectItems: number;
}

/** What every maker of a kind gets. */
export interface KindContext {
	rnd: Random;
	secret: string;
	nowSeconds: number;
	policy: 'require' | 'whenSigned';
	/** A selected event nobody sent before (its uuid makes it distinct), with `extra` fields on top. */
	fresh(extra?: Payload): Payload;
	/** Deliveries built so far (to repeat one). */
	sent: Build[];
}

/** A kind: its name, how many of the 1,000 it makes, and how to make one. */
export type Kind = [name: string, weight: number, make: () => Build];

export const json = (value: unknown): string => JSON.stringify(value);

/** `depth` levels of objects or arrays around a leaf, as JSON text (JSON.stringify would overflow the stack). */
export function nestedJson(depth: number, leaf: string, asArray: boolean): string {
	return asArray
		? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`
		: `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/** One event's JSON with an extra first field spliced in as text (for values JSON.stringify cannot make). */
export function withRawField(eventJson: string, key: string, rawValue: string): string {
	return eventJson.replace(/^\{/, `{${JSON.stringify(key)}:${rawValue},`);
}
