// End-to-end test code (never shipped): reading a node's output from an execution n8n saved.
import type { Execution } from './n8nClient';

/** Every output item (main output 0) of a node in an execution's run data. */
export function outputsOf(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	const run = execution.data?.resultData.runData[nodeName]?.[0];
	const items = run?.data?.main[0];
	if (!items) {
		const error = execution.data?.resultData.error?.message ?? '';
		throw new Error(`node "${nodeName}" produced no output in execution ${execution.id} (status ${execution.status}) ${error}`);
	}
	return items.map((item) => item.json);
}

/** The first output item of a node. */
export function outputOf(execution: Execution, nodeName: string): Record<string, unknown> {
	const [first] = outputsOf(execution, nodeName);
	if (!first) throw new Error(`node "${nodeName}" returned no items in execution ${execution.id}`);
	return first;
}

/** The error n8n recorded for a failed execution, for assertion messages. */
export function failureOf(execution: Execution): string {
	return execution.data?.resultData.error?.message ?? `(execution ${execution.id}: ${execution.status})`;
}
