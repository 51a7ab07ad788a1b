// Bad schedule data must fail loudly: a silently wrong availability answer double-books patients.

export function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${what}: expected a finite number, got ${String(value)}`);
  }
}

export function assertInteger(value: number, what: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${what}: expected an integer >= ${min}, got ${String(value)}`);
  }
}

export function assertNonNegative(value: number, what: string): void {
  assertFinite(value, what);
  if (value < 0) throw new RangeError(`${what}: expected a number >= 0, got ${String(value)}`);
}
