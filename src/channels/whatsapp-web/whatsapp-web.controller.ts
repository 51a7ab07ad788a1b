import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../../staff/api-key.guard.js';
import { type WhatsAppWebStatus, WhatsAppWebSession } from './whatsapp-web.session.js';

@ApiTags('channels')
@ApiSecurity('X-Api-Key')
@UseGuards(ApiKeyGuard)
@Controller('api/v1/channels/whatsapp-web')
export class WhatsAppWebController {
  constructor(private readonly session: WhatsAppWebSession) {}

  @Get('qr')
  @ApiOperation({ summary: 'State of the WhatsApp Web session and, while it waits for a scan, the QR code to scan with the clinic phone' })
  @ApiOkResponse({ description: '{ enabled, state, qr, updatedAt, reconnectAttempts }; qr is the raw QR payload (render it as a QR code)' })
  qr(): Promise<WhatsAppWebStatus> {
    return this.session.status();
  }
}
