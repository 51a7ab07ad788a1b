import { placeInLanes } from './lanes';

const at = (start: number, end: number, id: string) => ({ start, end, id });

describe('placeInLanes (side-by-side overlapping appointments)', () => {
  it('keeps non-overlapping items full width', () => {
    const placed = placeInLanes([at(0, 10, 'a'), at(10, 20, 'b')]);
    expect(placed.map((p) => [p.item.id, p.lane, p.lanes])).toEqual([['a', 0, 1], ['b', 0, 1]]);
  });

  it('splits overlapping items into lanes and reuses a lane once it is free', () => {
    const placed = placeInLanes([at(0, 30, 'long'), at(0, 10, 'x'), at(10, 20, 'y'), at(40, 50, 'later')]);
    const byId = Object.fromEntries(placed.map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(byId).toEqual({ long: [0, 2], x: [1, 2], y: [1, 2], later: [0, 1] });
  });

  it('never puts two overlapping items in the same lane', () => {
    const items = Array.from({ length: 40 }, (_, i) => at((i * 7) % 60, ((i * 7) % 60) + 5 + (i % 4) * 10, `i${i}`));
    const placed = placeInLanes(items);
    for (const a of placed) {
      for (const b of placed) {
        if (a !== b && a.lane === b.lane) expect(a.item.start < b.item.end && b.item.start < a.item.end).toBe(false);
      }
      expect(a.lane).toBeLessThan(a.lanes);
    }
  });
});
