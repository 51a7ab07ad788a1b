import { Injectable } from '@nestjs/common';
import { type PreparedStatement, SqlPool } from '../../database/sql-pool.js';
import type { Channel } from '../../generated/prisma/enums.js';
import type { TurnSignals } from './funnel-signals.js';

/** What one turn adds to its session: stages first reached at `at`, and what it was about. */
export interface SessionAdvance { conversationId: string; arrivedAt: Date; at: Date; language: string; signals: TurnSignals }

/** The chat sessions of a conversation, one row each (see the conversation_funnels migration). */
@Injectable()
export class FunnelRepository {
  constructor(private readonly sql: SqlPool) {}

  /** A new session starting at the message's arrival (a concurrent start of the same session is the same row). */
  async startSession(data: { clinicId: string; conversationId: string; channel: Channel; language: string; startedAt: Date }): Promise<void> {
    await this.sql.query(START_SESSION, [data.clinicId, data.conversationId, data.channel, data.language, data.startedAt]);
  }

  /**
   * Records the turn on the conversation's latest session, if that session is still open (its last
   * activity at most `gapMs` before the message arrived); false when a new session must start first.
   * One statement, because it runs after every turn.
   */
  async advanceOpenSession(turn: SessionAdvance, gapMs: number): Promise<boolean> {
    const s = turn.signals;
    const rows = await this.sql.query(ADVANCE_OPEN_SESSION, [
      turn.conversationId, turn.arrivedAt, gapMs, turn.at, turn.language,
      s.intentUnderstood, s.slotsShown, s.slotHeld, s.detailsGiven, s.booked.length > 0, s.handedOff, s.optedOut,
      s.intent, s.booked.length, s.booked[0] ?? null,
      s.serviceId !== undefined, s.serviceId ?? null, s.providerId !== undefined, s.providerId ?? null, s.locationId !== undefined, s.locationId ?? null,
    ]);
    return rows.length === 1;
  }
}

const START_SESSION: PreparedStatement = {
  name: 'funnel-start-session',
  text: `
    INSERT INTO conversation_funnels (clinic_id, conversation_id, channel, language, started_at, last_activity_at)
    VALUES ($1::uuid, $2::uuid, $3::channel, $4, $5, $5)
    ON CONFLICT (conversation_id, started_at) DO NOTHING`,
};

/**
 * Each stage keeps the first time it was reached. A booking intent outranks whatever the session
 * asked before (a patient who checked their appointments and then booked came to book).
 */
const ADVANCE_OPEN_SESSION: PreparedStatement = {
  name: 'funnel-advance-open-session',
  text: `
    UPDATE conversation_funnels f SET
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
      location_id = CASE WHEN $20 THEN $21::uuid ELSE f.location_id END
    FROM (SELECT id FROM conversation_funnels WHERE conversation_id = $1::uuid ORDER BY started_at DESC LIMIT 1) latest
    WHERE f.id = latest.id AND $2::timestamptz - f.last_activity_at <= $3 * interval '1 millisecond'
    RETURNING f.id`,
};
