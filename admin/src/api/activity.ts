/**
 * When the user last did something (key, click, touch). The API ends a session after 30 minutes
 * without a token refresh; the console refreshes only for someone who is actually using it, so a
 * console left open on a desk still logs itself out (polling alone must not keep a session alive).
 */
export const INACTIVITY_LIMIT_MS = 30 * 60_000;

let lastInteraction = Date.now();

export function trackActivity(target: Window = window): void {
  const mark = () => {
    lastInteraction = Date.now();
  };
  for (const event of ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const) {
    target.addEventListener(event, mark, { passive: true, capture: true });
  }
}

export function recentlyActive(now = Date.now()): boolean {
  return now - lastInteraction < INACTIVITY_LIMIT_MS;
}

export function markActive(): void {
  lastInteraction = Date.now();
}
