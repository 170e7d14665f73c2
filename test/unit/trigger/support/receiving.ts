import type { INodeParameters } from 'n8n-workflow';

import { ICLOSED_WEBHOOK_EVENTS } from '../../../../nodes/shared/events/eventList';
import type { FakeIClosed } from '../../../fake-iclosed';
import { startFakeIClosed } from '../../../fake-iclosed';
import { TriggerWorkflow, captureLogs } from '../../../harness/hooks';
import type { WebhookReceiver } from '../../../harness/webhookReceiver';
import { startWebhookReceiver } from '../../../harness/webhookReceiver';

export const ALL_EVENTS = ICLOSED_WEBHOOK_EVENTS.map((e) => e.value);

/** A fake iClosed, a stand-in for n8n's webhook endpoint, and a way to put a trigger behind it. */
export interface ReceivingWorld {
	fake: FakeIClosed;
	receiver: WebhookReceiver;
	/** Everything the trigger logged (captured, so test output stays quiet). */
	logs: ReturnType<typeof captureLogs>;
	trigger(parameters: INodeParameters): TriggerWorkflow;
	close(): Promise<void>;
}

export async function startReceivingWorld(): Promise<ReceivingWorld> {
	const fake = await startFakeIClosed({ seed: 'demo' });
	const receiver = await startWebhookReceiver();
	const logs = captureLogs();
	return {
		fake,
		receiver,
		logs,
		trigger(parameters) {
			const workflow = new TriggerWorkflow({
				parameters,
				credentials: { apiKey: fake.apiKey, baseUrl: fake.baseUrl },
				n8nBaseUrl: receiver.baseUrl,
			});
			receiver.attach(workflow);
			return workflow;
		},
		async close() {
			logs.restore();
			await receiver.close();
			await fake.close();
		},
	};
}

/** POSTs arbitrary bytes to a URL, as a misbehaving sender would. */
export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, text: await response.text() };
}
