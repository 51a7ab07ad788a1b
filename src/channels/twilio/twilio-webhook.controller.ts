import { Controller, Header, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TWILIO_PARAMS, type TwilioRequest, TwilioSignatureGuard } from './twilio-signature.guard.js';
import { TwilioWebhookService } from './twilio-webhook.service.js';

/** An empty TwiML answer: the bot replies through the REST API (queued), never inline. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's webhooks: incoming SMS/WhatsApp messages and delivery status callbacks. The guard checks
 * X-Twilio-Signature; the answer comes as soon as the message is stored (the turn runs on a worker).
 */
@ApiExcludeController()
@UseGuards(TwilioSignatureGuard)
@Controller('webhooks/twilio')
export class TwilioWebhookController {
  constructor(private readonly service: TwilioWebhookService) {}

  @Post('messages')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async message(@Req() req: TwilioRequest): Promise<string> {
    await this.service.receiveMessage(req[TWILIO_PARAMS]!);
    return EMPTY_TWIML;
  }

  @Post('status')
  @HttpCode(204)
  async status(@Req() req: TwilioRequest, @Query('messageId') messageId?: string): Promise<void> {
    await this.service.receiveStatus(req[TWILIO_PARAMS]!, messageId);
  }
}
