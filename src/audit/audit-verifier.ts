import { createHash } from 'node:crypto';

/**
 * Recomputes the audit log's hash chains (256 per clinic), independently of the database trigger that
 * builds it (prisma/migrations/20261121000000_init: audit_log_canonical / audit_log_chain), so a
 * row changed or removed behind the application's back — by anyone who can switch the append-only
 * triggers off — is found. Pure: it sees rows, never a database.
 */

/** One audit_log row as stored; `detailsText` is jsonb's own text form (`details::text`), which is what was hashed. */
export interface AuditChainRow {
  id: string;
  clinicId: string | null;
  /** Each clinic has 256 chains, chosen by entity (migrations 20261121080000_booking_throughput: 16, 20261121130000_audit_chains_256: 256); rows before the first are chain 0. */
  chain: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  reason: string | null;
  ip: string | null;
  detailsText: string;
  prevHash: string;
  hash: string;
}

/** The prev_hash of each clinic's first row. */
export const GENESIS_HASH = '0'.repeat(64);
const SEPARATOR = '\x1f';

/** Exactly the text audit_log_canonical() builds (NULLs as empty strings, `at` in UTC to the millisecond). */
export function canonicalText(row: AuditChainRow): string {
  return [
    row.prevHash, row.id, row.clinicId ?? '', row.at.toISOString(), row.actorType, row.actorId ?? '', row.action,
    row.entityType, row.entityId ?? '', row.patientId ?? '', row.reason ?? '', row.ip ?? '', row.detailsText,
  ].join(SEPARATOR);
}

export function rowHash(row: AuditChainRow): string {
  return createHash('sha256').update(canonicalText(row), 'utf8').digest('hex');
}

export interface BrokenLink {
  clinicId: string | null;
  chain: number;
  id: string;
  /** `prev_hash`: the row does not point at the clinic's previous row (one was removed, reordered or rewritten). `hash`: the row's content does not match its hash (it was edited). */
  field: 'prev_hash' | 'hash';
  expected: string;
  found: string;
}

export interface AuditVerification {
  rows: number;
  /** Chains seen: (clinic, chain) pairs. */
  chains: number;
  /** How many links are broken in all; only the first MAX_REPORTED are kept in `broken`. */
  brokenCount: number;
  broken: BrokenLink[];
}

const MAX_REPORTED = 100;

/**
 * Feeds rows in id order (the trigger draws ids under a per-clinic lock, so id order is chain order);
 * remembers only the last hash of each clinic, so the log can be streamed in batches.
 */
export class AuditChainVerifier {
  private readonly lastHash = new Map<string, string>();
  private rows = 0;
  private brokenCount = 0;
  private readonly broken: BrokenLink[] = [];

  check(row: AuditChainRow): void {
    this.rows++;
    const chainKey = `${row.clinicId ?? '-'}:${row.chain}`;
    const expectedPrev = this.lastHash.get(chainKey) ?? GENESIS_HASH;
    if (row.prevHash !== expectedPrev) {
      this.report({ clinicId: row.clinicId, chain: row.chain, id: row.id, field: 'prev_hash', expected: expectedPrev, found: row.prevHash });
    } else {
      const recomputed = rowHash(row);
      if (recomputed !== row.hash) this.report({ clinicId: row.clinicId, chain: row.chain, id: row.id, field: 'hash', expected: recomputed, found: row.hash });
    }
    // Continue from the stored hash so one edited row is one broken link, not a cascade to the end.
    this.lastHash.set(chainKey, row.hash);
  }

  result(): AuditVerification {
    return { rows: this.rows, chains: this.lastHash.size, brokenCount: this.brokenCount, broken: [...this.broken] };
  }

  private report(link: BrokenLink): void {
    this.brokenCount++;
    if (this.broken.length < MAX_REPORTED) this.broken.push(link);
  }
}

/** Where rows come from: a batch of rows with id greater than `afterId`, in id order. */
export interface AuditChainSource {
  readBatch(afterId: bigint, limit: number): Promise<AuditChainRow[]>;
}

/** Streams the whole log through the verifier in batches (keyset pagination on id; memory per clinic, not per row). */
export async function verifyAuditLog(source: AuditChainSource, batchSize = 2_000): Promise<AuditVerification> {
  const verifier = new AuditChainVerifier();
  let afterId = 0n;
  for (;;) {
    const batch = await source.readBatch(afterId, batchSize);
    for (const row of batch) verifier.check(row);
    if (batch.length < batchSize) return verifier.result();
    afterId = BigInt(batch[batch.length - 1]!.id);
  }
}

/** A human-readable report; the first broken link first. */
export function describeVerification(result: AuditVerification): string {
  const head = `audit_log: ${result.rows} row(s) in ${result.chains} chain(s) checked`;
  if (result.brokenCount === 0) return `${head}; every link is intact.`;
  const lines = result.broken.map((b) =>
    `  clinic ${b.clinicId ?? '(none)'} chain ${b.chain}, row ${b.id}: ${b.field} expected ${b.expected}, found ${b.found}`);
  const more = result.brokenCount > result.broken.length ? [`  … and ${result.brokenCount - result.broken.length} more`] : [];
  return [`${head}; ${result.brokenCount} BROKEN link(s), first one first:`, ...lines, ...more].join('\n');
}
