import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  updatedAt: number | null;
  refresh: () => Promise<void>;
}

/**
 * Loads `load()` now, whenever `key` changes, and every `intervalMs` while the tab is visible, so a
 * booking made in a chat shows up without a reload. A slow answer for an old key never overwrites a
 * newer one.
 */
export function usePolling<T>(key: string, load: (signal: AbortSignal) => Promise<T>, intervalMs = 5_000): Polled<T> {
  const [state, setState] = useState<{ key: string; data?: T; error: unknown; updatedAt: number | null }>({ key, error: null, updatedAt: null });
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    const controller = new AbortController();
    try {
      const data = await loadRef.current(controller.signal);
      if (mine === generation.current) setState({ key, data, error: null, updatedAt: Date.now() });
    } catch (error) {
      if (mine === generation.current && (error as Error).name !== 'AbortError') setState((s) => ({ ...s, key, error }));
    }
  }, [key]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);

  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : null, loading: !current || (state.data === undefined && !state.error), updatedAt: state.updatedAt, refresh };
}
