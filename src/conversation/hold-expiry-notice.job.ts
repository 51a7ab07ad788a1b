import { Injectable } from '@nestjs/common';
import { ConversationRuntime } from './conversation.runtime.js';
import type { HoldExpiryNoticeJobData } from './hold-expiry-notices.js';

/**
 * A patient's hold lapsed before they confirmed. The dialog is told which hold lapsed; it answers
 * only if that hold is still the one the patient is about to book (if they booked, chose another
 * time or moved on, it stays quiet), politely, offering to try for the same time again.
 */
@Injectable()
export class HoldExpiryNoticeJob {
  constructor(private readonly runtime: ConversationRuntime) {}

  async run(data: HoldExpiryNoticeJobData): Promise<'told' | 'quiet'> {
    const { replyIds } = await this.runtime.notifyDialog(data.conversationId, { type: 'HOLD_EXPIRED', holdToken: data.holdToken });
    return replyIds.length > 0 ? 'told' : 'quiet';
  }
}
