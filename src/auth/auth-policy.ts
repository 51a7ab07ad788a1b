/** How long sign-ins last and how hard guessing is made (docs/staff-api.md states the same numbers). */
export const AUTH_POLICY = {
  accessTokenSeconds: 15 * 60,
  /** A session ends when it has not been refreshed for this long. */
  sessionIdleMs: 30 * 60_000,
  /** …and in any case this long after sign-in. */
  sessionMaxMs: 12 * 3_600_000,
  /** Consecutive wrong passwords that lock an account, and for how long. */
  lockAfterFailures: 5,
  lockMs: 15 * 60_000,
  /** Failed sign-ins per email address (known or not) and per IP address within the window. */
  accountFailureLimit: 5,
  ipFailureLimit: 20,
  failureWindowSeconds: 15 * 60,
  minPasswordLength: 12,
} as const;
