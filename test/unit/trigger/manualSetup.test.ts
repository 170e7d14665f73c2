import type { INode } from 'n8n-workflow';

import { manualSteps, webhooksApiUnavailableError } from '../../../nodes/IClosedTrigger/manualSetup';
import { isPublicHttpsUrl } from '../../../nodes/IClosedTrigger/reachableUrl';
import { WEBHOOK_BETA } from '../../../nodes/shared/plans';

const NODE = { id: 'n', name: 'iClosed Trigger', type: 'n8n-nodes-iclosed.iClosedTrigger', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const PUBLIC = 'https://n8n.example.com/webhook/5b2c4a8e/webhook';

describe('what the trigger tells users about setting iClosed up', () => {
	it.each([
		[PUBLIC, true],
		['http://n8n.example.com/webhook/x/webhook', false],
		['https://localhost:5678/webhook/x/webhook', false],
		['https://127.0.0.1/webhook/x/webhook', false],
		['https://192.168.1.20/webhook/x/webhook', false],
		['https://10.0.0.5/webhook/x/webhook', false],
		['https://172.20.0.2/webhook/x/webhook', false],
		['https://n8n.internal/webhook/x/webhook', false],
		['https://172.40.0.2/webhook/x/webhook', true],
		['https://169.254.10.1/webhook/x/webhook', false],
		['https://100.70.1.2/webhook/x/webhook', false],
		['https://[::1]/webhook/x/webhook', false],
		['https://[fe80::1]/webhook/x/webhook', false],
		['https://[::ffff:10.0.0.1]/webhook/x/webhook', false],
		['https://[2001:db8::1]/webhook/x/webhook', true],
		['https://app.localhost/webhook/x/webhook', false],
		['https://n8n/webhook/x/webhook', false],
		['https://n8n.home.arpa/webhook/x/webhook', false],
		['https://10.example.com/webhook/x/webhook', true],
		['not a url', false],
	])('%s is a public HTTPS URL iClosed can deliver to: %s', (url, expected) => {
		expect(isPublicHttpsUrl(url)).toBe(expected);
	});

	it('warns in the manual steps when iClosed could not reach the URL, and only then', () => {
		expect(manualSteps('http://127.0.0.1:5678/webhook/x/webhook', ['call.booked'])).toContain('iClosed cannot deliver to');
		expect(manualSteps(PUBLIC, ['call.booked'])).not.toContain('iClosed cannot deliver to');
	});

	it('names the plan, the Super Admin, support and the one-URL limit in the manual steps', () => {
		const steps = manualSteps(PUBLIC, ['call.booked', 'contact.created']);
		for (const words of ['Super Admin', 'iClosed support', WEBHOOK_BETA, 'only one URL', 'Call Booked, Contact Created', PUBLIC]) {
			expect(steps).toContain(words);
		}
	});

	it('points accounts without webhooks to the polling trigger when the webhook API is refused', () => {
		const error = webhooksApiUnavailableError(NODE, PUBLIC, ['call.booked'], '403');
		expect(error.message).toContain('is not allowed to manage webhooks');
		expect(error.message).toContain('iClosed Polling Trigger');
		expect(error.description).toContain('no redirect');
	});
});
