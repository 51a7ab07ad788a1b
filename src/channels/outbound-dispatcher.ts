import { Injectable } from '@nestjs/common';

/**
 * Hands stored outbound messages (status `queued`) to their channel for delivery. The conversation
 * runtime calls it after a turn is saved; the channel module provides the implementation that
 * queues provider sends (see channels/README or the channel module).
 */
@Injectable()
export abstract class OutboundDispatcher {
  abstract dispatch(messageIds: string[]): Promise<void>;
}
