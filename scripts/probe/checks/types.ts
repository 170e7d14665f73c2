import type { ProbeContext } from '../context';

/** One step of the probe. `answers`: the assumption ids it may judge (a test holds it to them). */
export interface Check {
	name: string;
	answers: string[];
	/** Makes records in iClosed: runs only with --write. */
	writes?: boolean;
	run(probe: ProbeContext): Promise<void>;
}
