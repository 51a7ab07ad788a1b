/**
 * Runs `task` every `everyMs`, counted from the end of the previous run, so two runs never overlap
 * however long one takes; a failed run is reported and the next one still comes. `stop()` ends it
 * (a run in progress finishes; none is started after).
 */
export function repeatAfter(everyMs: number, task: () => Promise<unknown>, onError: (error: Error) => void): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    void task().catch(onError).finally(() => { if (!stopped) timer = setTimeout(tick, everyMs); });
  };
  timer = setTimeout(tick, everyMs);
  return { stop: () => { stopped = true; clearTimeout(timer); } };
}
