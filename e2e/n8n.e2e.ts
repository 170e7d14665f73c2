/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// End-to-end suite (never shipped): the packed package inside one real n8n; run by e2e/run.sh once per
// n8n version (node --test build/e2e/n8n.e2e.js). One n8n serves every scenario: starting it costs ~10 s.
import { after, before, describe } from 'node:test';

import { suiteConfigFromEnv } from './lib/suiteConfig';
import { SuiteContext } from './lib/suiteContext';
import { TriggerWorkflow } from './lib/triggerWorkflow';
import { addressChangeScenario } from './scenarios/addressChange';
import { aiToolScenario } from './scenarios/aiTool';
import { bookingFlowScenario } from './scenarios/bookingFlow';
import { examplesMatchNodesScenario } from './scenarios/examplesMatchNodes';
import { onErrorScenario } from './scenarios/onError';
import { packageLoadsScenario } from './scenarios/packageLoads';
import { pollingEditsScenario } from './scenarios/pollingEdits';
import { pollingTriggerScenario } from './scenarios/pollingTrigger';
import { returnAllScenario } from './scenarios/returnAll';
import { triggerDeliveriesScenario } from './scenarios/triggerDeliveries';
import { triggerLifecycleScenario } from './scenarios/triggerLifecycle';

const ctx = new SuiteContext(suiteConfigFromEnv());
const callsWorkflow = new TriggerWorkflow(ctx, 'call-booked-message.json');
const outcomesWorkflow = new TriggerWorkflow(ctx, 'outcome-deal-row.json');

describe(`n8n ${ctx.label} with n8n-nodes-iclosed`, { timeout: 1_500_000 }, () => {
	before(async () => await ctx.setUp(), { timeout: 240_000 });
	after(async () => await ctx.tearDown());

	packageLoadsScenario(ctx);
	if (ctx.durable) {
		// The durable poll engine changes how polls run, nothing else: its own run covers the polling trigger.
		pollingTriggerScenario(ctx);
		pollingEditsScenario(ctx);
		return;
	}
	examplesMatchNodesScenario(ctx);
	triggerDeliveriesScenario(ctx, callsWorkflow, outcomesWorkflow);
	triggerLifecycleScenario(ctx, callsWorkflow);
	pollingTriggerScenario(ctx);
	pollingEditsScenario(ctx);
	bookingFlowScenario(ctx);
	returnAllScenario(ctx);
	aiToolScenario(ctx);
	onErrorScenario(ctx);
	addressChangeScenario(ctx); // last: it moves n8n to another WEBHOOK_URL
});
