import { withTimeout } from '../common/with-timeout.js';

/**
 * Fails a queue operation that Redis has not answered within `ms`. A producer's connection fails fast
 * when Redis is down, but not while it is reconnecting; callers fall back (Postgres keeps the work)
 * instead of waiting on it.
 */
export function withQueueTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return withTimeout(promise, ms, `queue did not answer within ${ms} ms`);
}
