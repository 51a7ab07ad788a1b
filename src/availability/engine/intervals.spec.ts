import fc from 'fast-check';
import { mergeIntervals, subtractSorted } from './intervals.js';
import type { Interval } from './types.js';

fc.configureGlobal({ seed: 4242, numRuns: 200 });

const covered = (list: readonly Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);
const points = Array.from({ length: 122 }, (_, t) => t);
/** Non-empty, sorted, and separated by gaps. */
const isSortedDisjoint = (list: readonly Interval[]) =>
  list.every((x, i) => x.end > x.start && (i === 0 || x.start > list[i - 1]!.end));
const intervalArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 }))
  .map(([start, len]) => ({ start, end: start + len }));

describe('mergeIntervals', () => {
  it('sorts, joins overlapping and touching intervals, and drops empty ones', () => {
    expect(
      mergeIntervals([
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 5, end: 7 },
        { start: 15, end: 30 },
        { start: 40, end: 40 },
      ]),
    ).toEqual([
      { start: 0, end: 7 },
      { start: 10, end: 30 },
    ]);
  });

  it('covers exactly the same points, as sorted disjoint non-touching intervals', () => {
    fc.assert(
      fc.property(fc.array(intervalArb, { maxLength: 12 }), (list) => {
        const merged = mergeIntervals(list);
        const wrongPoints = points.filter((t) => covered(merged, t) !== covered(list, t));
        expect(wrongPoints).toEqual([]);
        expect(isSortedDisjoint(merged)).toBe(true);
      }),
    );
  });
});

describe('subtractSorted', () => {
  const subtract = (start: number, end: number, removals: Interval[]) => {
    const out: Interval[] = [];
    subtractSorted(start, end, removals, (a, b) => out.push({ start: a, end: b }));
    return out;
  };

  it('cuts holes and trims ends', () => {
    expect(
      subtract(0, 100, [
        { start: -10, end: 5 },
        { start: 20, end: 30 },
        { start: 90, end: 120 },
      ]),
    ).toEqual([
      { start: 5, end: 20 },
      { start: 30, end: 90 },
    ]);
    expect(subtract(0, 10, [{ start: 0, end: 10 }])).toEqual([]);
    expect(subtract(0, 10, [])).toEqual([{ start: 0, end: 10 }]);
  });

  it('leaves exactly the points of the interval that no removal covers', () => {
    fc.assert(
      fc.property(intervalArb, fc.array(intervalArb, { maxLength: 8 }), (base, raw) => {
        const removals = mergeIntervals(raw);
        const pieces = subtract(base.start, base.end, removals);
        const inBase = (t: number) => base.start <= t && t < base.end;
        const wrongPoints = points.filter((t) => covered(pieces, t) !== (inBase(t) && !covered(removals, t)));
        expect(wrongPoints).toEqual([]);
        expect(isSortedDisjoint(pieces)).toBe(true);
      }),
    );
  });
});
