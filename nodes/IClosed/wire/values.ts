import type { IDataObject } from 'n8n-workflow';

import { parseDateTime, toIClosedDateTime, toTimeZone } from '../../shared/dates';
import { IClosedInputError } from '../../shared/inputError';
import type { FieldDeclaration } from '../../shared/catalogue/types';

/**
 * Plain conversions of one parameter value to what iClosed accepts (no requests). `undefined` means
 * "not set": iClosed rejects empty strings (§2.1), so unset values are left out rather than sent empty.
 */

export function isUnset(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

export function toInteger(value: unknown, label: string): number {
	const n = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n;
	throw new IClosedInputError(
		`${label} must be a whole number, got ${JSON.stringify(value)?.slice(0, 60)}`,
		'iClosed IDs are numbers, e.g. 4711.',
	);
}

function toNumber(value: unknown, label: string): number {
	const n = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof n === 'number' && Number.isFinite(n)) return n;
	throw new IClosedInputError(
		`${label} must be a number, got ${JSON.stringify(value)?.slice(0, 60)}`,
		'Enter digits with a dot for decimals and no currency sign or thousands separator, e.g. 1500.50.',
	);
}

/** "1, 2,3", [1, "2"] or 7 → [1, 2, 3]. */
export function toIntegerList(value: unknown, label: string): number[] {
	const parts = Array.isArray(value) ? value : String(value).split(',');
	return parts
		.map((p) => (typeof p === 'string' ? p.trim() : p))
		.filter((p) => !isUnset(p))
		.map((p) => toInteger(p, label));
}

/** "a, b" or ["a", "b"] → ["a", "b"]. */
export function toStringList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value).split(',');
	return parts.map((p) => String(p).trim()).filter((p) => p !== '');
}

// A deliberately loose check: iClosed does the strict one; this catches typos and mapping slips.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function toEmail(value: unknown, label: string): string {
	const text = String(value).trim();
	if (EMAIL.test(text)) return text;
	throw new IClosedInputError(
		`${label} is not a valid email address: ${JSON.stringify(value)?.slice(0, 80)}`,
		'Use an address such as name@example.com.',
	);
}

/** iClosed wants `^\+?\d+$` (§2.1); people write "+1 (415) 555-0123". */
export function toPhone(value: unknown, label: string): string {
	const text = String(value).trim().replace(/[\s\-().]/g, '');
	if (/^\+?\d{4,19}$/.test(text)) return text;
	throw new IClosedInputError(
		`${label} is not a phone number iClosed accepts: ${JSON.stringify(value)?.slice(0, 40)}`,
		'Use digits with an optional leading +, ideally in E.164 form, e.g. +14155550123.',
	);
}

export function toDate(value: unknown, label: string, zone: string): string {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		// A plain calendar date stays that date, whatever the zone.
		const parsed = parseDateTime(value.trim(), 'utc');
		if (parsed) return value.trim();
	}
	const parsed = parseDateTime(value, zone);
	if (!parsed) {
		throw new IClosedInputError(
			`${label} is not a date: ${JSON.stringify(value)?.slice(0, 60)}`,
			'Use a date such as 2026-03-10 or an n8n date, e.g. {{ $today }}.',
		);
	}
	return parsed.toISODate() as string;
}

export function toJson(value: unknown, label: string): IDataObject | IDataObject[] {
	if (typeof value === 'object' && value !== null) return value as IDataObject;
	try {
		const parsed = JSON.parse(String(value)) as unknown;
		if (typeof parsed === 'object' && parsed !== null) return parsed as IDataObject;
	} catch {
		// fall through to the error below
	}
	throw new IClosedInputError(
		`${label} must be a JSON object, e.g. {"dateType": "DATE"}`,
		'Enter valid JSON in curly braces, with double quotes around names and text, or an expression that returns an object.',
	);
}

/** A scalar field's value as iClosed wants it; `zone` is the workflow's time zone for bare dates. */
export function convertScalar(field: FieldDeclaration, value: unknown, zone: string, where: string): unknown {
	const label = field.displayName;
	switch (field.kind) {
		case 'integer':
			return toInteger(value, label);
		case 'number':
			return toNumber(value, label);
		case 'boolean':
			return value === true || value === 'true';
		case 'email':
			return toEmail(value, label);
		case 'phone':
			return toPhone(value, label);
		case 'dateTime':
			return toIClosedDateTime(value, label, zone);
		case 'date':
			return toDate(value, label, zone);
		case 'timeZone':
			return toTimeZone(value, label);
		case 'idList': {
			const ids = toIntegerList(value, label);
			return where === 'query' || field.csvInBody ? ids.join(',') : ids;
		}
		case 'csv':
		case 'multiOptions': {
			const list = toStringList(value);
			return where === 'query' || field.csvInBody ? list.join(',') : list;
		}
		case 'stringArray':
			return (Array.isArray(value) ? value : [value]).map((v) => String(v));
		case 'json':
			return toJson(value, label);
		case 'string':
		case 'text':
		case 'url':
			return typeof value === 'string' ? value.trim() : String(value);
		default:
			return value;
	}
}
