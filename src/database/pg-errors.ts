/**
 * Reads the Postgres error behind a Prisma 7 driver-adapter error, so callers can turn constraint
 * violations into domain answers (a double booking attempt becomes SlotTaken, not a 500).
 */
interface DriverCause { originalCode?: string; originalMessage?: string; constraint?: { index?: string } }

function causeOf(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | null)?.meta;
  return meta?.driverAdapterError?.cause;
}

export function pgErrorCode(error: unknown): string | undefined {
  return causeOf(error)?.originalCode;
}

/** The violated constraint's name, when the error is a constraint violation. */
export function violatedConstraint(error: unknown): string | undefined {
  const cause = causeOf(error);
  return cause?.constraint?.index ?? /constraint "([^"]+)"/.exec(cause?.originalMessage ?? '')?.[1];
}

export const PG = { exclusionViolation: '23P01', uniqueViolation: '23505' } as const;
