/**
 * Side-by-side lanes for overlapping items in one column (several providers in a location's week
 * view, or a cancelled visit under its replacement). Greedy interval partitioning: each item takes
 * the first lane free at its start; `lanes` is the cluster's width, so blocks share it evenly.
 */
export interface Interval { start: number; end: number }
export interface Placed<T> { item: T; lane: number; lanes: number }

export function placeInLanes<T extends Interval>(items: T[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let clusterEnd = -Infinity;
  let laneEnds: number[] = [];
  const close = () => {
    const width = laneEnds.length;
    for (const p of cluster) p.lanes = width;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.start >= clusterEnd) {
      close();
      clusterEnd = -Infinity;
    }
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.end);
    } else {
      laneEnds[lane] = item.end;
    }
    const placed = { item, lane, lanes: 1 };
    cluster.push(placed);
    out.push(placed);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  close();
  return out;
}
