// Request validation with zod, answering 400 in iClosed's zod shape (§1.4) (test code, never shipped).
import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';

import type { Ctx } from './http';

export { z };

/** Thrown by `validate`; the server turns it into the 400 body the `validationShape` variant asks for. */
export class ValidationError extends Error {
	constructor(
		readonly fieldErrors: Record<string, string[]>,
		readonly formErrors: string[] = [],
	) {
		super('Validation failed');
	}
}

/** 400 body: `{message:{status,details:{formErrors,fieldErrors},endpoint,method}}` or the "standard" shape. */
export function validationBody(
	err: ValidationError,
	shape: 'zod' | 'standard',
	endpoint: string,
	method: string,
): unknown {
	if (shape === 'standard') {
		const errors: Record<string, string[]> = { ...err.fieldErrors };
		if (err.formErrors.length) errors._errors = err.formErrors;
		return { message: 'Invalid request', errors };
	}
	return {
		message: {
			status: 400,
			details: { formErrors: err.formErrors, fieldErrors: err.fieldErrors },
			endpoint,
			method,
		},
	};
}

/** Throws a 400 naming one field. */
export function fieldError(field: string, message: string): never {
	throw new ValidationError({ [field]: [message] });
}

type Check<T> = (value: T, ctx: z.RefinementCtx) => void;

/**
 * Validates `ctx.body` or `ctx.query` against an object shape. Unknown keys are refused when the
 * `unknownFields` variant is 'reject' (so a misspelled field in a node fails a test), else stripped.
 */
export function validate<S extends z.ZodRawShape>(
	ctx: Ctx,
	where: 'body' | 'query',
	shape: S,
	check?: Check<z.infer<z.ZodObject<S>>>,
): z.infer<z.ZodObject<S>> {
	const base = z.object(shape);
	const obj = ctx.variants.unknownFields === 'reject' ? base.strict() : base.strip();
	const schema = check ? obj.superRefine(check as Check<unknown>) : obj;
	const input = where === 'query' ? ctx.query : (ctx.body ?? {});
	const result = schema.safeParse(input);
	if (!result.success) {
		const flat = result.error.flatten();
		throw new ValidationError(flat.fieldErrors as Record<string, string[]>, flat.formErrors);
	}
	return result.data as z.infer<z.ZodObject<S>>;
}

// ---- body field types -------------------------------------------------------------------------

/** §4: request date-times are ISO-8601 UTC ending in `Z`; offsets are rejected. */
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/;
export const isoZ = () =>
	z
		.string()
		.min(1)
		.regex(
			ISO_Z,
			'Invalid datetime: expected ISO 8601 in UTC ending in Z (e.g. 2026-02-27T12:00:00.000Z)',
		)
		.refine((s) => !Number.isNaN(Date.parse(s)), 'Invalid datetime');

export const timeZone = () =>
	z
		.string()
		.min(1)
		.refine((s) => IANAZone.isValidZone(s), 'Invalid IANA time zone');

export const email = () => z.string().min(1).max(255).email('Invalid email format');

export const phone = () =>
	z
		.string()
		.min(1)
		.max(20)
		.regex(/^\+?\d+$/, 'Invalid phone number format');

/** Non-empty string with a max length (empty strings fail, §2.1). */
export const str = (max = 1000) => z.string().min(1).max(max);

export const id = () => z.number().int().positive();

export const ymd = () =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'Invalid date: expected YYYY-MM-DD')
		.refine((s) => DateTime.fromISO(s).isValid, 'Invalid date');

// ---- query field types (query values arrive as strings) --------------------------------------

export const qInt = () =>
	z.string().regex(/^\d+$/, 'Expected a non-negative integer').transform(Number);

export const qPage = () => qInt().optional();

/** `limit`: 1..max (above max → 400, §1.5). */
export const qLimit = (max = 100) =>
	z
		.string()
		.regex(/^\d+$/, 'Expected an integer')
		.transform(Number)
		.pipe(z.number().int().min(1).max(max))
		.optional();

/** Comma-separated integers (§1.5: CSV, not repeated keys). */
export const qIds = () =>
	z
		.string()
		.regex(/^\d+(,\d+)*$/, 'Expected comma-separated positive integers')
		.transform((s) => s.split(',').map(Number));

export const qCsvEnum = <T extends string>(values: readonly [T, ...T[]]) =>
	z
		.string()
		.min(1)
		.transform((s) => s.split(',').map((v) => v.trim()))
		.pipe(z.array(z.enum(values)));

export const qCsv = () =>
	z
		.string()
		.min(1)
		.transform((s) =>
			s
				.split(',')
				.map((v) => v.trim())
				.filter(Boolean),
		);

export const qBool = () => z.enum(['true', 'false']).transform((s) => s === 'true');

/** ISO-8601 date or date-time filter bound (query filters are not restricted to `Z`). */
export const qIso = () =>
	z
		.string()
		.min(1)
		.refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid, 'Invalid ISO 8601 date')
		.transform((s) => DateTime.fromISO(s, { zone: 'utc' }).toMillis());

export const orderBy = () => z.enum(['asc', 'desc']);

/** `orderColumn` and `orderBy` must be sent together (§1.5). */
export function sortedTogether(
	v: { orderColumn?: string; orderBy?: string },
	ctx: z.RefinementCtx,
): void {
	if (!!v.orderColumn !== !!v.orderBy) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [v.orderColumn ? 'orderBy' : 'orderColumn'],
			message: 'orderColumn and orderBy must be sent together',
		});
	}
}
