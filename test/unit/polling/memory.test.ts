import { decodeKnown, decodeSeen, digestOf, encodeKnown, encodeSeen } from '../../../nodes/IClosedPollingTrigger/memory';
import type { Known, Seen } from '../../../nodes/IClosedPollingTrigger/memory';

/** The memories' compact form in static data gives back exactly what was stored (memory.ts). */
describe('polling memory in static data', () => {
	it('seen: ids in any order, non-numeric ids, values below and above the base, round-trip exactly', () => {
		const seen: Seen = new Map([
			['2850007', 1_796_000_000_123],
			['2850001', 1_796_000_000_000],
			['17', 1_796_000_060_000],
			['call_ab/c,d', 1_795_999_999_999],
		]);
		const stored = JSON.parse(JSON.stringify(encodeSeen(seen)));
		expect(decodeSeen(stored)).toEqual(seen);
		expect(encodeSeen(new Map())).toBeUndefined();
		expect(decodeSeen(undefined).size).toBe(0);
		expect(decodeSeen({ base: 'x', entries: 1 }).size).toBe(0);
	});

	it('known: states by day and digest round-trip, the newest day wins for an id stored twice', () => {
		const known: Known = new Map([
			['1001', { digest: digestOf('cancelled'), day: 20_428 }],
			['1002', { digest: digestOf('cancelled'), day: 20_428 }],
			['999999', { digest: digestOf('WON|||Paid'), day: 20_430 }],
			['x:y;z', { digest: digestOf('QUALIFIED'), day: 20_430 }],
		]);
		const stored = JSON.parse(JSON.stringify(encodeKnown(known)));
		expect(decodeKnown(stored)).toEqual(known);
		const id = (1000).toString(36);
		const twice = { '20428': `${digestOf('a')}:${id}`, '20431': `${digestOf('b')}:${id}` };
		expect(decodeKnown(twice).get('1000')).toEqual({ digest: digestOf('b'), day: 20_431 });
	});

	it('stays small: 2,000 consecutive ids seen cost about 6 bytes each; 10,000 statuses about 2', () => {
		const seen: Seen = new Map(Array.from({ length: 2_000 }, (_, i) => [String(2_850_000 + i), 1_796_000_000_000 + i * 37]));
		expect(JSON.stringify(encodeSeen(seen)).length / 2_000).toBeLessThan(8);
		const known: Known = new Map(Array.from({ length: 10_000 }, (_, i) => [String(2_850_000 + i), { digest: digestOf(i % 3 === 0 ? 'QUALIFIED' : 'POTENTIAL'), day: 20_430 }]));
		expect(JSON.stringify(encodeKnown(known)).length / 10_000).toBeLessThan(3);
	});
});
