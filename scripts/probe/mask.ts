// Keeps what could identify a person or an account out of the report: the API key, any secret, the
// values of personal fields seen in answers, and anything shaped like an email, URL, phone or token.
import { isSecretFieldName } from '../../nodes/shared/secretFields';
import { isObject } from './shapes';

/** Fields whose values identify a person or an account (their names are kept, their values never). */
const PERSONAL_FIELD = /name|mail|phone|url|link|address|ipaddress|note|description|answer|question|statement|utm|token|uuid|previewid|prefix|company|website|referrer|reason|secret|key/i;

/** Enum values (`NO_SALE`), numbers and timestamps say nothing about a person: masking them would garble evidence. */
const ENUM_OR_TIME = /^(?:[A-Z0-9_]+|[\d.:TZ+ -]+)$/;

/** ISO dates and times look like phone numbers to the pattern below; they are kept. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

const PATTERNS: Array<[RegExp, (match: string) => string]> = [
	[/iclosed[_-][A-Za-z0-9_-]+/gi, () => '[key]'],
	[/Bearer\s+(?!\[)\S+/gi, () => 'Bearer [key]'],
	[/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, () => '[email]'],
	[/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi, () => '[url]'],
	[/\b[A-Za-z0-9_-]{32,}\b/g, () => '[token]'],
	[/\+?\d[\d\s().-]{7,}\d/g, (match) => (DATE_LIKE.test(match) ? match : '[phone]')],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Masker {
	private readonly learned = new Set<string>();

	/**
	 * `secrets`: always replaced (the API key). `own`: values the probe made itself (its test records'
	 * names, its unreachable webhook URLs), kept readable so the user can find and check them.
	 */
	constructor(
		private readonly secrets: string[],
		private readonly own: string[] = [],
	) {}

	/** Notes the personal values of an answer (any depth), so that they are masked wherever they turn up. */
	learn(body: unknown, field = ''): void {
		if (Array.isArray(body)) body.forEach((value) => this.learn(value, field));
		else if (isObject(body)) for (const [key, value] of Object.entries(body)) this.learn(value, key);
		else if (typeof body === 'string' && (PERSONAL_FIELD.test(field) || isSecretFieldName(field))) {
			const value = body.trim();
			if (value.length >= 3 && !ENUM_OR_TIME.test(value) && !this.own.includes(value)) this.learned.add(value);
		}
	}

	/** Field names are the API's own words, never a person's: only the key and secret patterns apply. */
	fieldName(name: string): string {
		let out = name;
		for (const secret of this.secrets) if (secret) out = out.split(secret).join('[api key]');
		return out.replace(/iclosed[_-][A-Za-z0-9_-]+/gi, '[key]');
	}

	text(input: string): string {
		let out = input;
		for (const secret of this.secrets) if (secret) out = out.split(secret).join('[api key]');
		// The probe's own values go out of the way of the patterns, and come back afterwards.
		const kept = this.own.filter((value) => value && out.includes(value));
		kept.forEach((value, i) => (out = out.split(value).join(`\u0000${i}\u0000`)));
		// Whole words only: a first name must not eat the middle of a field name.
		const learned = [...this.learned].sort((a, b) => b.length - a.length);
		for (const value of learned) out = out.replace(new RegExp(`(?<![\\w-])${escape(value)}(?![\\w-])`, 'g'), '[masked]');
		for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace);
		kept.forEach((value, i) => (out = out.split(`\u0000${i}\u0000`).join(value)));
		return out;
	}
}
