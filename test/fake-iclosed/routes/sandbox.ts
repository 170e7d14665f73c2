// Sandbox control, not part of iClosed's API (test code, never shipped): `npm run sandbox:event` asks the
// running sandbox to send an event to the n8n triggers subscribed to it, as iClosed would.
import { deliver } from '../deliveries';
import { SANDBOX_EVENTS } from '../hookTypes';
import { badRequest, reply } from '../http';
import type { Ctx, Route } from '../http';
import { str, validate, z } from '../validation';

export const SANDBOX_EVENTS_PATH = '/sandbox/events';

/** Why the sandbox will not send `event`, or undefined when it will: the one check behind every way to ask. */
export function unknownSandboxEvent(event: string): string | undefined {
	if (SANDBOX_EVENTS.includes(event)) return undefined;
	return `Unknown event "${event}". The sandbox sends: ${SANDBOX_EVENTS.join(', ')}.`;
}

/** How a person sends one, as the sandbox and `npm start` print it. */
export function sandboxEventCommand(port: number): string {
	const env = port === 4010 ? '' : `SANDBOX_PORT=${port} `;
	return `${env}npm run sandbox:event -- call.booked   (or another event; without one it lists them)`;
}

async function sendEvent(ctx: Ctx) {
	const b = validate(ctx, 'body', { event: str(100), url: z.string().url('Invalid url').optional() });
	const unknown = unknownSandboxEvent(b.event);
	if (unknown) badRequest(unknown);
	// Signed with each subscription's secret, as the trigger expects from iClosed.
	const results = await deliver(ctx.state, b.event, { sign: true, ...(b.url ? { url: b.url } : {}) });
	return reply({ event: b.event, deliveries: results.map((r) => ({ url: r.url, status: r.status, body: r.body.slice(0, 300) })) }, 200);
}

export const sandboxRoutes: Route[] = [{ method: 'POST', path: SANDBOX_EVENTS_PATH, handler: sendEvent }];
