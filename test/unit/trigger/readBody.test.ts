import { MAX_NESTING, nestsDeeperThan, rawBodyOf, readEvents } from '../../../nodes/IClosedTrigger/readBody';

function nested(depth: number): unknown {
	let value: unknown = 'leaf';
	for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { next: value } : [value];
	return value;
}

describe('reading a delivery body', () => {
	it('counts nesting without recursion, even 100,000 levels deep', () => {
		expect(nestsDeeperThan(nested(3), 3)).toBe(false);
		expect(nestsDeeperThan(nested(4), 3)).toBe(true);
		expect(nestsDeeperThan(nested(100_000), MAX_NESTING)).toBe(true);
		expect(nestsDeeperThan('text', 0)).toBe(false);
	});

	it(`accepts events nested up to ${MAX_NESTING} levels and refuses deeper ones with a reason`, () => {
		const ok = { hookType: 'Call booked', extra: nested(MAX_NESTING - 1) };
		expect(readEvents([ok], undefined)).toEqual({ events: [ok] });
		const deep = { hookType: 'Call booked', extra: nested(MAX_NESTING) };
		expect(readEvents([deep], undefined)).toEqual({ error: expect.stringContaining(`more than ${MAX_NESTING} levels`) });
		const text = `[{"hookType":"Call booked","extra":${'['.repeat(20_000)}${']'.repeat(20_000)}}]`;
		expect(readEvents(text, undefined)).toEqual({ error: expect.stringContaining('levels deep') });
	});

	it('gives an empty body for the signature when a parsed body is too deep to serialise again', () => {
		expect(rawBodyOf(undefined, nested(200_000)).length).toBe(0);
		expect(rawBodyOf(undefined, { a: 1 }).toString()).toBe('{"a":1}');
	});
});
