import type { PersistedDialog } from '../types.js';

/** "active.booking.slots" from a persisted dialog's state value, for readable test expectations. */
export function statePath(persisted: PersistedDialog): string {
  const state = persisted.state as { value?: unknown };
  const walk = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (value && typeof value === 'object') {
      const [key, child] = Object.entries(value)[0] ?? [];
      return key === undefined ? [] : [key, ...walk(child)];
    }
    return [];
  };
  return walk(state?.value).join('.');
}
