import { Controller, ForbiddenException, Get, Header, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { MetaSignatureGuard } from './meta-signature.guard.js';
import { MetaWebhookService } from './meta-webhook.service.js';

/**
 * Meta's WhatsApp Cloud API webhook: the GET verification handshake and the signed POST of messages
 * and statuses. The POST is answered once its messages are stored; turns run on a worker.
 */
@ApiExcludeController()
@Controller('webhooks/whatsapp')
export class MetaWebhookController {
  constructor(private readonly service: MetaWebhookService) {}

  @Get()
  @Header('Content-Type', 'text/plain')
  verify(@Query('hub.mode') mode: string, @Query('hub.verify_token') token: string, @Query('hub.challenge') challenge: string): string {
    const answer = this.service.verifySubscription(mode, token, challenge);
    if (answer === null) throw new ForbiddenException('Verification failed');
    return answer;
  }

  @Post()
  @HttpCode(200)
  @UseGuards(MetaSignatureGuard)
  async receive(@Req() req: Request): Promise<void> {
    await this.service.receive(req.body);
  }
}
