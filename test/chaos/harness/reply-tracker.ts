import type pg from 'pg';
import type { FakeGraph } from '../../support/fakes/fake-meta-graph-api.js';
import type { FakeTwilio } from '../../support/fakes/fake-twilio-api.js';

export interface Choice { id: string; label: string }
/** What the patient saw in answer to one message: the texts as they reached the provider fakes, and the choices offered. */
export interface Answer { texts: string[]; choices: Choice[]; list: boolean }

interface Waiting { resolve(answer: Answer | null): void; deadline: number }

/**
 * Tells each simulated patient what the bot answered to a message, the way a phone would: once the
 * inbound message is processed and every reply has left (sent, or given up), the replies' texts are
 * read from what the provider fakes received. One query per tick for all waiting patients keeps the
 * load on Postgres small. The harness reads the database directly, not through the faulty proxy.
 */
export class ReplyTracker {
  private readonly waiting = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly db: pg.Client, private readonly twilio: FakeTwilio, private readonly graph: FakeGraph) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      void this.poll().catch(() => undefined).finally(() => { if (!this.stopped) this.timer = setTimeout(tick, 400); });
    };
    tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const w of this.waiting.values()) w.resolve(null);
    this.waiting.clear();
  }

  /** Resolves with the answer, or null when none came within `timeoutMs`. */
  answerTo(providerMessageId: string, timeoutMs: number): Promise<Answer | null> {
    return new Promise((resolve) => this.waiting.set(providerMessageId, { resolve, deadline: Date.now() + timeoutMs }));
  }

  private async poll(): Promise<void> {
    const now = Date.now();
    for (const [id, w] of this.waiting) if (w.deadline < now) { this.waiting.delete(id); w.resolve(null); }
    if (this.waiting.size === 0) return;
    const { rows } = await this.db.query<{ pmid: string; processed: boolean; rsid: string | null; rstatus: string | null; choices: { neutral?: Choice[] } | null }>(
      `SELECT i.provider_message_id AS pmid, i.processed_at IS NOT NULL AS processed, r.provider_message_id AS rsid, r.status AS rstatus, r.choices
         FROM messages i LEFT JOIN messages r ON r.reply_to_id = i.id
        WHERE i.direction = 'inbound' AND i.provider_message_id = ANY($1) ORDER BY i.provider_message_id, r.seq`,
      [[...this.waiting.keys()]],
    );
    const byInbound = new Map<string, typeof rows>();
    for (const row of rows) byInbound.set(row.pmid, [...(byInbound.get(row.pmid) ?? []), row]);
    const texts = this.sentTexts();
    for (const [pmid, replies] of byInbound) {
      if (!replies[0]!.processed) continue;
      const real = replies.filter((r) => r.rstatus !== null);
      if (real.some((r) => r.rstatus === 'queued' || (r.rstatus === 'sent' && (!r.rsid || !texts.has(r.rsid))))) continue;
      const sent = real.filter((r) => r.rsid && texts.has(r.rsid));
      const last = real.filter((r) => (r.choices?.neutral?.length ?? 0) > 0).at(-1);
      const answer: Answer = {
        texts: sent.map((r) => texts.get(r.rsid!)!.text),
        choices: last?.choices?.neutral ?? [],
        list: sent.some((r) => texts.get(r.rsid!)!.list),
      };
      const w = this.waiting.get(pmid);
      this.waiting.delete(pmid);
      w?.resolve(answer);
    }
  }

  private sentTexts(): Map<string, { text: string; list: boolean }> {
    const map = new Map<string, { text: string; list: boolean }>();
    for (const s of this.twilio.sends) if (s.sid) map.set(s.sid, { text: s.params.Body ?? '', list: false });
    for (const s of this.graph.sends) if (s.id) map.set(s.id, graphText(s.body));
    return map;
  }
}

/** The visible text of a Graph API message body (text, interactive buttons or list, template). */
export function graphText(body: Record<string, any>): { text: string; list: boolean } {
  if (body.type === 'text') return { text: String(body.text?.body ?? ''), list: false };
  if (body.type === 'interactive') return { text: String(body.interactive?.body?.text ?? ''), list: body.interactive?.type === 'list' };
  return { text: `[template ${body.template?.name ?? '?'}]`, list: false };
}
