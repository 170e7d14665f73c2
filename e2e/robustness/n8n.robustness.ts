/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never shipped */
// End-to-end robustness suite (never shipped): the packed package in one real n8n under hostile input,
// churn and restarts. Run by e2e/robustness/run.sh (npm run test:robustness:n8n) with node's test runner.
import { after, before, describe } from 'node:test';

import { suiteConfigFromEnv } from '../lib/suiteConfig';
import { SuiteContext } from '../lib/suiteContext';
import { activationCyclesScenario } from './activationCycles';
import { adversarialDeliveriesScenario } from './adversarialDeliveries';
import { restartsScenario } from './restarts';
import { newRobustnessRecord } from './robustnessRecord';
import { secretSearchScenario } from './secretSearch';

const ctx = new SuiteContext(suiteConfigFromEnv());
const record = newRobustnessRecord();

describe(`robustness in n8n ${ctx.version}`, { timeout: 1_500_000 }, () => {
	before(async () => await ctx.setUp(), { timeout: 240_000 });
	after(async () => await ctx.tearDown());

	adversarialDeliveriesScenario(ctx, record);
	activationCyclesScenario(ctx, record);
	restartsScenario(ctx, record);
	secretSearchScenario(ctx, record);
});
