// End-to-end test code (never shipped): webhook deliveries to n8n, as iClosed sends them.
import { request } from 'undici';

import type { DeliveryResult } from '../../test/fake-iclosed';

/** Sends the very same bytes and headers again, as iClosed's retries do (§3.4). Returns the HTTP status. */
export async function resendDelivery(delivery: Pick<DeliveryResult, 'url' | 'sentBody' | 'sentHeaders'>): Promise<number> {
	const res = await request(delivery.url, { method: 'POST', headers: delivery.sentHeaders, body: delivery.sentBody, reset: true });
	await res.body.text();
	return res.statusCode;
}

/** The one payload item a delivery carried (deliveries are JSON arrays of one item, §3.2). */
export function sentItem(delivery: DeliveryResult): Record<string, unknown> {
	const parsed = JSON.parse(delivery.sentBody) as unknown;
	return (Array.isArray(parsed) ? parsed[0] : parsed) as Record<string, unknown>;
}
