import { Injectable } from '@nestjs/common';
import { type PreparedStatement, SqlPool } from '../../database/sql-pool.js';
import type { Channel } from '../../generated/prisma/enums.js';
import type { TurnSignals } from './funnel-signals.js';

/** What one turn adds to its session: stages first reached at `at`, and what it was about. */
export interface SessionTurn {
  clinicId: string; conversationId: string; channel: Channel; arrivedAt: Date; at: Date; language: string; signals: TurnSignals;
}

/** The chat sessions of a conversation, one row each (see the conversation_funnels migration). */
@Injectable()
export class FunnelRepository {
  constructor(private readonly sql: SqlPool) {}

  /**
   * Records the turn on the conversation's latest session if that session is still open (its last
   * activity at most `gapMs` before the message arrived), else on a new session starting at the
   * message's arrival. One statement, because it runs after every turn.
   */
  async recordTurn(turn: SessionTurn, gapMs: number): Promise<void> {
    const s = turn.signals;
    await this.sql.query(RECORD_TURN, [
      turn.conversationId, turn.arrivedAt, gapMs, turn.at, turn.language,
      s.intentUnderstood, s.slotsShown, s.slotHeld, s.detailsGiven, s.booked.length > 0, s.handedOff, s.optedOut,
      s.intent, s.booked.length, s.booked[0] ?? null,
      s.serviceId !== undefined, s.serviceId ?? null, s.providerId !== undefined, s.providerId ?? null, s.locationId !== undefined, s.locationId ?? null,
      turn.clinicId, turn.channel,
    ]);
  }
}

/**
 * The session is the latest one while open, else a new one keyed by the message's arrival; a new
 * row starts with what this turn reached, an existing one keeps the first time each stage was
 * reached. A booking intent outranks whatever the session asked before (a patient who checked
 * their appointments and then booked came to book).
 */
const RECORD_TURN: PreparedStatement = {
  name: 'funnel-record-turn',
  text: `
    INSERT INTO conversation_funnels AS f (clinic_id, conversation_id, channel, language, started_at, last_activity_at,
      intent_at, slots_shown_at, slot_held_at, details_at, booked_at, handoff_at, opted_out_at,
      intent, bookings, appointment_id, service_id, provider_id, location_id)
    SELECT $22::uuid, $1::uuid, $23::channel, $5, COALESCE(open.started_at, $2::timestamptz), GREATEST($2::timestamptz, $4::timestamptz),
      CASE WHEN $6 THEN $4::timestamptz END, CASE WHEN $7 THEN $4::timestamptz END, CASE WHEN $8 THEN $4::timestamptz END,
      CASE WHEN $9 THEN $4::timestamptz END, CASE WHEN $10 THEN $4::timestamptz END, CASE WHEN $11 THEN $4::timestamptz END,
      CASE WHEN $12 THEN $4::timestamptz END,
      $13::text, $14, $15::uuid, CASE WHEN $16 THEN $17::uuid END, CASE WHEN $18 THEN $19::uuid END, CASE WHEN $20 THEN $21::uuid END
    FROM (SELECT 1) one LEFT JOIN (
      SELECT started_at, last_activity_at FROM conversation_funnels WHERE conversation_id = $1::uuid ORDER BY started_at DESC LIMIT 1
    ) open ON $2::timestamptz - open.last_activity_at <= $3 * interval '1 millisecond'
    ON CONFLICT (conversation_id, started_at) DO UPDATE SET
      language = $5, last_activity_at = GREATEST(f.last_activity_at, $4::timestamptz),
      intent_at = COALESCE(f.intent_at, CASE WHEN $6 THEN $4::timestamptz END),
      slots_shown_at = COALESCE(f.slots_shown_at, CASE WHEN $7 THEN $4::timestamptz END),
      slot_held_at = COALESCE(f.slot_held_at, CASE WHEN $8 THEN $4::timestamptz END),
      details_at = COALESCE(f.details_at, CASE WHEN $9 THEN $4::timestamptz END),
      booked_at = COALESCE(f.booked_at, CASE WHEN $10 THEN $4::timestamptz END),
      handoff_at = COALESCE(f.handoff_at, CASE WHEN $11 THEN $4::timestamptz END),
      opted_out_at = COALESCE(f.opted_out_at, CASE WHEN $12 THEN $4::timestamptz END),
      intent = CASE WHEN $13::text IS NOT NULL AND (f.intent IS NULL OR ($13 = 'book' AND f.intent <> 'book')) THEN $13 ELSE f.intent END,
      bookings = f.bookings + $14, appointment_id = COALESCE(f.appointment_id, $15::uuid),
      service_id = CASE WHEN $16 THEN $17::uuid ELSE f.service_id END,
      provider_id = CASE WHEN $18 THEN $19::uuid ELSE f.provider_id END,
      location_id = CASE WHEN $20 THEN $21::uuid ELSE f.location_id END`,
};
