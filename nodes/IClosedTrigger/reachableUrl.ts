import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Whether iClosed, out on the internet, can deliver to a webhook URL n8n hands the trigger. iClosed
 * delivers only to public HTTPS addresses (iclosed-api.md §3.5: no plain http, no self-signed
 * certificates; a redirect loses the POST). A URL on this machine, on a private network or behind a
 * name only the local network knows never receives anything: better to say so when publishing than
 * to wait for deliveries that never come.
 */

function ipv4Parts(host: string): number[] | undefined {
	const parts = host.split('.');
	if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
	const numbers = parts.map(Number);
	return numbers.every((n) => n <= 255) ? numbers : undefined;
}

function ipv4Reason([a, b]: number[]): string | undefined {
	if (a === 127 || a === 0) return 'a loopback address (this machine)';
	if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private network address';
	if (a === 169 && b === 254) return 'a link-local address';
	if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address';
	return undefined;
}

function ipv6Reason(host: string): string | undefined {
	// An IPv4 address written as IPv6 (URL parsing turns ::ffff:10.0.0.1 into ::ffff:a00:1).
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
	if (mapped) {
		const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
		return ipv4Reason([high >> 8, high & 255, low >> 8, low & 255]);
	}
	if (host === '::1' || host === '::') return 'a loopback address (this machine)';
	if (/^f[cd][0-9a-f]{0,2}:/.test(host)) return 'a private network address';
	if (/^fe[89ab][0-9a-f]?:/.test(host)) return 'a link-local address';
	return undefined;
}

const LOCAL_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp', '.localdomain'];

/** Why iClosed cannot deliver to `url`, in a few words, or undefined when it can. */
export function unreachableReason(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		return 'it is not a valid URL';
	}
	const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return `its host ${host} is this machine`;
	const v4 = ipv4Parts(host);
	const ipReason = v4 ? ipv4Reason(v4) : host.includes(':') ? ipv6Reason(host) : undefined;
	if (ipReason) return `its host ${host} is ${ipReason}`;
	if (!v4 && !host.includes(':') && (!host.includes('.') || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix)))) {
		return `its host ${host} is a name only your own network knows`;
	}
	if (parsed.protocol !== 'https:') return 'it is plain http: iClosed delivers only to https:// addresses';
	return undefined;
}

export function isPublicHttpsUrl(url: string): boolean {
	return unreachableReason(url) === undefined;
}

/** What to change so iClosed can reach n8n: one sentence, shared by the activation error and the manual steps. */
export const PUBLIC_ADDRESS_ADVICE =
	"Set n8n's WEBHOOK_URL to the public https:// address iClosed can reach (for example your domain behind a reverse proxy, or an HTTPS tunnel without redirects), restart n8n and publish the workflow again (activate it on n8n 1.x).";

/**
 * The activation error for Automatic registration with a real iClosed (Production or Development)
 * and an address it cannot reach. Nothing is registered. The local sandbox (a Custom base URL) is
 * not refused: it runs beside n8n and reaches it.
 */
export function unreachableUrlError(node: INode, url: string, reason: string): NodeOperationError {
	// n8n's activation dialog shows only the message of a NodeOperationError: the advice goes in it too.
	return new NodeOperationError(node, `iClosed cannot deliver to this workflow's webhook URL ${url}: ${reason}. Nothing was registered. ${PUBLIC_ADDRESS_ADVICE}`, {
		description: `${PUBLIC_ADDRESS_ADVICE} Trying the package's local sandbox instead? Point the iClosed API credential at it with Environment "Custom".`,
	});
}
