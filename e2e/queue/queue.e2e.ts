/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Queue-mode suite (never shipped): the packed package in n8n main + a worker + two webhook processors on
// Postgres and Redis; run by e2e/queue/run.sh (npm run test:queue). Scenario numbers follow the README.
import { after, before, describe } from 'node:test';

import { suiteConfigFromEnv } from '../lib/suiteConfig';
import { TriggerWorkflow } from '../lib/triggerWorkflow';
import { QueueContext, queueConfigFrom } from './queueContext';
import { actionOnWorkerScenario } from './scenarios/actionOnWorker';
import { deactivationScenario } from './scenarios/deactivation';
import { deliveriesScenario } from './scenarios/deliveries';
import { pollingScenario } from './scenarios/polling';
import { sameInstantScenario } from './scenarios/sameInstant';
import { twoWorkersScenario } from './scenarios/twoWorkers';

const ctx = new QueueContext(queueConfigFrom(suiteConfigFromEnv()));
const calls = new TriggerWorkflow(ctx, 'call-booked-message.json');

describe(`n8n ${ctx.version} in queue mode with n8n-nodes-iclosed`, { timeout: 900_000 }, () => {
	before(async () => await ctx.setUp(), { timeout: 300_000 });
	after(async () => await ctx.tearDown());

	deliveriesScenario(ctx, calls); // 1 and 2
	sameInstantScenario(ctx, calls); // 4, while the workflow is active
	deactivationScenario(ctx, calls); // 3
	actionOnWorkerScenario(ctx); // 5
	pollingScenario(ctx); // 6
	twoWorkersScenario(ctx); // 7, last: it leaves two workers taking one execution at a time
});
