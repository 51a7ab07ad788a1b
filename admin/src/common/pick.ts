/**
 * Only the fields a write accepts: react-admin sends the whole record back, and the API rejects
 * unknown properties (whitelist validation). Empty strings become null (cleared optional fields).
 */
export function pick(fields: readonly string[]) {
  return (record: Record<string, unknown>) =>
    Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f] === '' ? null : record[f]]));
}
