/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test and benchmark code, never shipped */
// Benchmark code (never shipped): webhook deliveries fired at a fixed rate (open loop: a slow answer
// does not slow the sender, as with iClosed), with the time each one took to be acknowledged.
import { Agent, request } from 'undici';

export interface Delivery {
	body: string;
	headers: Record<string, string>;
}

export interface Ack {
	sentAt: number;
	/** Time from sending to the complete answer; NaN when the connection failed. */
	ackMs: number;
	status: number;
}

const agent = new Agent({ connections: 512, keepAliveTimeout: 30_000 });

async function sleepUntil(at: number): Promise<void> {
	const wait = at - Date.now();
	if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** POSTs every delivery to `url`, `rate` per second, and resolves when all have been answered. */
export async function fireAtRate(
	url: string,
	deliveries: Delivery[],
	rate: number,
): Promise<Ack[]> {
	const t0 = Date.now() + 50;
	const pending: Array<Promise<Ack>> = [];
	for (const [i, d] of deliveries.entries()) {
		await sleepUntil(t0 + (i * 1000) / rate);
		const sentAt = Date.now();
		pending.push(
			request(url, { method: 'POST', headers: d.headers, body: d.body, dispatcher: agent }).then(
				async (res) => {
					await res.body.text();
					return { sentAt, ackMs: Date.now() - sentAt, status: res.statusCode };
				},
				() => ({ sentAt, ackMs: Number.NaN, status: 0 }),
			),
		);
	}
	return await Promise.all(pending);
}

export async function closeDeliveryAgent(): Promise<void> {
	await agent.close();
}
