import { Injectable } from '@nestjs/common';
import { ConversationRuntime } from '../../conversation/conversation.runtime.js';

export const PROCESS_CONVERSATION_JOB = 'process-conversation';

/** Payload of a `process-conversation` job (queue inbound-turns, id `turn-<inboundId>`). */
export interface ProcessConversationJobData {
  conversationId: string;
  /** The stored inbound message that caused the job (correlation id for logs). */
  inboundId: string;
}

/**
 * Runs the conversation's pending turns after a webhook stored a message. The runtime's drain takes
 * the conversation's advisory lock and processes every unprocessed inbound message in arrival order,
 * so the job is idempotent: when it runs, the message may already have been handled by an earlier
 * job of the same conversation, and then it does nothing. Errors throw, so BullMQ retries.
 */
@Injectable()
export class ProcessConversationJob {
  constructor(private readonly runtime: ConversationRuntime) {}

  async run(data: ProcessConversationJobData): Promise<void> {
    await this.runtime.drain(data.conversationId);
  }
}
