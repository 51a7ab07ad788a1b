import fc from 'fast-check';
import { mergeIntervals, subtractSorted } from './intervals.js';
import type { Interval } from './types.js';

fc.configureGlobal({ seed: 4242, numRuns: 200 });

const covered = (list: readonly Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);
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
        for (let t = 0; t <= 121; t++) expect(covered(merged, t)).toBe(covered(list, t));
        merged.forEach((m, i) => {
          expect(m.end).toBeGreaterThan(m.start);
          if (i > 0) expect(m.start).toBeGreaterThan(merged[i - 1]!.end);
        });
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
        for (let t = 0; t <= 121; t++) {
          const expected = base.start <= t && t < base.end && !covered(removals, t);
          expect(covered(pieces, t)).toBe(expected);
        }
        pieces.forEach((p, i) => {
          expect(p.end).toBeGreaterThan(p.start);
          if (i > 0) expect(p.start).toBeGreaterThan(pieces[i - 1]!.end);
        });
      }),
    );
  });
});
