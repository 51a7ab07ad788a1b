import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../../auth/staff-auth.decorator.js';
import { type WhatsAppWebStatus, WhatsAppWebSession } from './whatsapp-web.session.js';

@ApiTags('channels')
/** The QR code logs the clinic's WhatsApp number in: clinic admins only. */
@StaffAuth('admin')
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
