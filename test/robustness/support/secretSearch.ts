// Test code (never shipped): looking for secrets where they must never appear (outputs, errors, logs).

/** The secrets found in `text`, each named by its label (never printed itself). */
export function leakedSecrets(text: string, secrets: Record<string, string>): string[] {
	return Object.entries(secrets)
		.filter(([, secret]) => secret.length >= 8 && text.includes(secret))
		.map(([label]) => label);
}

/** Everything an error carries that a user or a log could see. */
export function errorText(error: unknown): string {
	if (!error) return '';
	const e = error as {
		message?: unknown;
		description?: unknown;
		stack?: unknown;
		context?: unknown;
		cause?: unknown;
	};
	return [e.message, e.description, e.stack, safeJson(e.context), safeJson(e.cause)]
		.map(String)
		.join('\n');
}

export function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		return String(value);
	}
}
