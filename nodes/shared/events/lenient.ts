import { z } from 'zod';

/**
 * Building blocks for webhook payload schemas that never reject an event: iClosed's payloads are
 * documented only by truncated examples (iclosed-api.md §3.2), so every field is optional, a value of
 * an unexpected type reads as missing (`.catch`), and unknown fields are kept (`.passthrough()`).
 */

/** Text; numbers are accepted as their decimal form (ids arrive as both, §4). */
export const text = z
	.union([z.string(), z.number().transform(String)])
	.nullish()
	.catch(undefined);

/** A number, also from a numeric string (`"duration": "15"`). */
export const number = z
	.union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/).transform(Number)])
	.nullish()
	.catch(undefined);

/** A flag, also from "true"/"false" (`"primary": "true"`). */
export const flag = z
	.union([z.boolean(), z.enum(['true', 'false', 'TRUE', 'FALSE']).transform((v) => v.toLowerCase() === 'true')])
	.nullish()
	.catch(undefined);

/** An id as iClosed sends it: a number, or a numeric/preview string. */
export const id = z.union([z.number(), z.string()]).nullish().catch(undefined);

export const anyRecord = z.record(z.unknown()).nullish().catch(undefined);

export const anyList = z.array(z.unknown()).nullish().catch(undefined);

/** An object, or plain text (`assigned_to` is a map, a person or just a name, §3.5). */
export const recordOrText = z
	.union([z.record(z.unknown()), z.string(), z.number().transform(String)])
	.nullish()
	.catch(undefined);

/** An object or a list (custom-field answers keyed by identifier, or as rows). */
export const recordOrList = z
	.union([z.record(z.unknown()), z.array(z.unknown())])
	.nullish()
	.catch(undefined);

export function lenientObject<T extends z.ZodRawShape>(shape: T) {
	return z.object(shape).passthrough().nullish().catch(undefined);
}

/** The top level of a payload: any object parses. */
export function payloadObject<T extends z.ZodRawShape>(shape: T) {
	return z.object(shape).passthrough();
}
