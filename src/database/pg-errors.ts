/**
 * Reads the Postgres error behind a Prisma 7 driver-adapter error — or a plain node-postgres error
 * from the hot-path statements (sql-pool.ts) — so callers can turn constraint violations into domain
 * answers (a double booking attempt becomes SlotTaken, not a 500).
 */
interface DriverCause { originalCode?: string; originalMessage?: string; constraint?: { index?: string } }

function causeOf(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta;
  if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
  // node-postgres' DatabaseError: the SQLSTATE in `code`, the constraint by name.
  const plain = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (typeof plain?.code === 'string' && /^[0-9A-Z]{5}$/.test(plain.code)) {
    return { originalCode: plain.code, originalMessage: String(plain.message ?? ''), constraint: typeof plain.constraint === 'string' ? { index: plain.constraint } : undefined };
  }
  return undefined;
}

export function pgErrorCode(error: unknown): string | undefined {
  // Typed queries carry the driver's cause; raw queries (P2010) carry the SQLSTATE in meta.code.
  const rawCode = (error as { meta?: { code?: unknown } } | null)?.meta?.code;
  return causeOf(error)?.originalCode ?? (typeof rawCode === 'string' && /^[0-9A-Z]{5}$/.test(rawCode) ? rawCode : undefined);
}

/**
 * Runs a write that Postgres may abort as a deadlock victim, and retries it. Two concurrent inserts
 * of overlapping appointments can each wait for the other through the EXCLUDE constraint; Postgres
 * then aborts one. Retried, the victim finds the winner committed and is refused (SlotTaken) or,
 * if nobody won, books: either way a clear answer instead of a 500.
 */
export async function retryOnDeadlock<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (pgErrorCode(error) !== PG.deadlock || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** The violated constraint's name, when the error is a constraint violation. */
export function violatedConstraint(error: unknown): string | undefined {
  const cause = causeOf(error);
  return cause?.constraint?.index ?? /constraint "([^"]+)"/.exec(cause?.originalMessage ?? '')?.[1];
}

export const PG = { exclusionViolation: '23P01', uniqueViolation: '23505', deadlock: '40P01' } as const;
