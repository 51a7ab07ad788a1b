/**
 * Fails a queue operation that Redis has not answered within `ms`. A producer's connection fails fast
 * when Redis is down, but not while it is reconnecting; callers fall back (Postgres keeps the work)
 * instead of waiting on it.
 */
export function withQueueTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}
