import type { PackageSource } from './packageSources';

/**
 * The package's layout as rules over its sources (packageSources.ts), each returning what breaks it, so a
 * test can show the rule on the real package and on an injected violation alike.
 *
 * Homes: each node has its folder; what several of them use lives in `nodes/shared/` (the API catalogue,
 * the event model, the transport); the credential in `credentials/`. A node folder imports its own files
 * and `nodes/shared/` only, never another node's folder; `nodes/shared/` and the credential import no
 * node folder. Inside the action node, data flows one way (ACTION_LAYERS). The catalogue is the ground
 * floor: data that imports nothing but itself and the event list.
 */
export const NODE_FOLDERS = ['nodes/IClosed', 'nodes/IClosedTrigger', 'nodes/IClosedPollingTrigger'];
export const SHARED = 'nodes/shared';
export const CATALOGUE = 'nodes/shared/catalogue/';
/** The one file outside the catalogue it may import: the event names its Webhook resource offers. */
export const EVENT_LIST = 'nodes/shared/events/eventList.ts';

export function homeOf(path: string): string | undefined {
	if (path.startsWith('credentials/')) return 'credentials';
	return [...NODE_FOLDERS, SHARED].find((home) => path.startsWith(`${home}/`));
}

const isNodeFolder = (home: string | undefined) => home !== undefined && NODE_FOLDERS.includes(home);

/** Files in no known home (a new top-level folder under nodes/ has to be placed first). */
export function homeless(sources: Map<string, PackageSource>): string[] {
	return [...sources.keys()].filter((path) => homeOf(path) === undefined);
}

/** `a → b` for every import that reaches into another node's folder. */
export function siblingImports(sources: Map<string, PackageSource>): string[] {
	return [...sources.values()].flatMap((source) => {
		const from = homeOf(source.path);
		return source.imports
			.filter((target) => isNodeFolder(homeOf(target)) && homeOf(target) !== from)
			.map((target) => `${source.path} → ${target}`);
	});
}

/** The action node's layers; lower runs first: a file imports its own folder or a folder ranked below. */
const ACTION = 'nodes/IClosed/';
const ACTION_LAYERS: Array<[string, number]> = [
	['IClosed.node.ts', 0],
	['router.ts', 1],
	['operations/', 2],
	['methods/', 2],
	['description/', 3],
	['execution/', 3],
	['locators/', 4],
	['wire/', 5],
];

export function actionLayerOf(path: string): { folder: string; rank: number } | undefined {
	const file = path.slice(ACTION.length);
	const found = ACTION_LAYERS.find(([prefix]) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix));
	return found ? { folder: found[0], rank: found[1] } : undefined;
}

/** Action node files in no layer. */
export function unlayered(sources: Map<string, PackageSource>): string[] {
	return [...sources.keys()].filter((path) => path.startsWith(ACTION) && !actionLayerOf(path));
}

/** Imports inside the action node that go up a layer (or sideways into another folder of its rank). */
export function upwardImports(sources: Map<string, PackageSource>): string[] {
	return [...sources.values()]
		.filter((source) => source.path.startsWith(ACTION))
		.flatMap((source) => {
			const from = actionLayerOf(source.path);
			return source.imports
				.filter((target) => target.startsWith(ACTION))
				.filter((target) => {
					const to = actionLayerOf(target);
					return from && to && to.folder !== from.folder && to.rank <= from.rank;
				})
				.map((target) => `${source.path} → ${target}`);
		});
}

/** Catalogue files importing anything but the catalogue and the event list. */
export function catalogueImports(sources: Map<string, PackageSource>): string[] {
	return [...sources.values()]
		.filter((source) => source.path.startsWith(CATALOGUE))
		.flatMap((source) =>
			source.imports
				.filter((target) => !target.startsWith(CATALOGUE) && target !== EVENT_LIST)
				.map((target) => `${source.path} → ${target}`),
		);
}

/**
 * Import cycles at run time, each as `a → b → … → a` (`import type` is erased on compilation, so a
 * cycle through it does not exist when the package loads).
 */
export function importCycles(sources: Map<string, PackageSource>): string[] {
	const cycles: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const visit = (file: string, trail: string[]): void => {
		if (state.get(file) === 'done') return;
		if (state.get(file) === 'open') {
			cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
			return;
		}
		state.set(file, 'open');
		for (const target of sources.get(file)?.valueImports ?? []) visit(target, [...trail, file]);
		state.set(file, 'done');
	};
	for (const file of sources.keys()) visit(file, []);
	return cycles;
}

/** Every iClosed path (`/v1/…`) written in code, with the files writing it (once per string). */
export function pathPlaces(sources: Map<string, PackageSource>): Map<string, string[]> {
	const places = new Map<string, string[]>();
	for (const source of sources.values()) {
		for (const text of source.strings) {
			for (const [path] of text.matchAll(/\/v1\/[^\s'"`?#),;]*/g)) {
				places.set(path, [...(places.get(path) ?? []), source.path]);
			}
		}
	}
	return places;
}

/** Paths written outside the catalogue, or more than once. */
export function strayPaths(sources: Map<string, PackageSource>): string[] {
	return [...pathPlaces(sources)]
		.filter(([, files]) => files.length !== 1 || !files[0].startsWith(CATALOGUE))
		.map(([path, files]) => `${path} in ${files.join(', ')}`);
}
