// End-to-end robustness code (never shipped): everything the scenarios saw, for the final secret search.
import type { Execution } from '../lib/n8nClient';
import type { RobustnessWorkflow } from './robustnessWorkflow';

export interface RobustnessRecord {
	workflows: RobustnessWorkflow[];
	/** Every HTTP answer body n8n gave a delivery. */
	texts: string[];
	executions: Execution[];
}

export function newRobustnessRecord(): RobustnessRecord {
	return { workflows: [], texts: [], executions: [] };
}
