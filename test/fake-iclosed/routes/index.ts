// Every route of the fake, in one table (test code, never shipped).
import type { Route } from '../http';
import { contactRoutes } from './contacts';
import { dealRoutes } from './deals';
import { eventCallRoutes } from './eventCalls';
import { eventRoutes } from './events';
import { fieldRoutes } from './fields';
import { outcomeRoutes } from './outcomes';
import { productRoutes } from './products';
import { sandboxRoutes } from './sandbox';
import { transactionRoutes } from './transactions';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';

export const ROUTES: Route[] = [
	...contactRoutes,
	...eventCallRoutes,
	...outcomeRoutes,
	...eventRoutes,
	...dealRoutes,
	...productRoutes,
	...transactionRoutes,
	...fieldRoutes,
	...userRoutes,
	...webhookRoutes,
	...sandboxRoutes,
];

/** Finds the route for a method + path; `:name` template segments capture path parameters. */
export function matchRoute(
	method: string,
	path: string,
): { route: Route; params: Record<string, string> } | undefined {
	const parts = path.split('/');
	for (const route of ROUTES) {
		if (route.method !== method) continue;
		const tpl = route.path.split('/');
		if (tpl.length !== parts.length) continue;
		const params: Record<string, string> = {};
		const ok = tpl.every((seg, i) => {
			if (seg.startsWith(':')) {
				params[seg.slice(1)] = decodeURIComponent(parts[i]);
				return parts[i].length > 0;
			}
			return seg === parts[i];
		});
		if (ok) return { route, params };
	}
	return undefined;
}
