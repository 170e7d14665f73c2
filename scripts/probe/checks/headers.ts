// What every answer of the run said in its headers (§1.3, §6.5): rate-limit headers, the Date header
// and how far iClosed's clock is from this machine's. Runs last, over all answers.
import { median, plural, seconds } from '../shapes';
import type { Check } from './types';

const RATE_LIMIT_HEADERS = 'ref.rate-limit.headers';
const DATE_HEADER = 'poll.server.date-header';

const RATE_LIMIT = /^(x-)?ratelimit-/i;

/** How a reset value is written, never the value: "an ISO date", "seconds", "a Unix time". */
function resetForm(value: string): string {
	if (/^\d+$/.test(value)) return Number(value) > 1e9 ? 'a Unix time' : 'seconds';
	return Number.isFinite(Date.parse(value)) ? 'a date' : 'an unknown form';
}

export const headersCheck: Check = {
	name: 'headers',
	answers: [RATE_LIMIT_HEADERS, DATE_HEADER],
	async run(probe) {
		const answered = probe.session.answers.filter((a) => a.status > 0);
		if (answered.length === 0) {
			probe.findings.skip(RATE_LIMIT_HEADERS, 'no answer came');
			probe.findings.skip(DATE_HEADER, 'no answer came');
			return;
		}
		const names = [...new Set(answered.flatMap((a) => Object.keys(a.headers).filter((h) => RATE_LIMIT.test(h))))].sort();
		const retryAfter = answered.some((a) => 'retry-after' in a.headers);
		if (names.length > 0) {
			const sample = answered.find((a) => Object.keys(a.headers).some((h) => RATE_LIMIT.test(h)))?.headers ?? {};
			const shown = names.map((n) => (/reset/i.test(n) ? `${n} (${resetForm(sample[n] ?? '')})` : `${n}: ${sample[n] ?? '—'}`));
			probe.findings.confirm(RATE_LIMIT_HEADERS, `${shown.join(', ')} on ${answered.filter((a) => Object.keys(a.headers).some((h) => RATE_LIMIT.test(h))).length} of ${plural(answered.length, 'answer')}`);
		} else {
			probe.findings.refute(RATE_LIMIT_HEADERS, `no RateLimit-* or X-RateLimit-* header on any of ${plural(answered.length, 'answer')}${retryAfter ? ' (Retry-After seen)' : ''}`);
		}
		const ok = answered.filter((a) => a.ok);
		const dated = ok.filter((a) => Number.isFinite(Date.parse(a.headers.date ?? '')));
		if (dated.length === 0) return probe.findings.refute(DATE_HEADER, `no Date header on any of ${plural(ok.length, 'successful answer')}`);
		// A Date header counts whole seconds: its middle is half a second on, compared with the middle of the request.
		const skews = dated.map((a) => Date.parse(a.headers.date) + 500 - (a.sentAt + a.answeredAt) / 2);
		const skew = median(skews);
		const clock = `iClosed's clock is ${seconds(Math.abs(skew))} ${skew >= 0 ? 'ahead of' : 'behind'} this machine's (median of ${dated.length}, ±0.5 s)`;
		if (dated.length === ok.length) probe.findings.confirm(DATE_HEADER, `a Date header on all ${plural(ok.length, 'successful answer')}; ${clock}`);
		else probe.findings.refute(DATE_HEADER, `a Date header on only ${dated.length} of ${plural(ok.length, 'successful answer')}; ${clock}`);
	},
};
