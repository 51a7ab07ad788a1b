import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { AccessReason } from '../common/access-reason.decorator.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { StaffNotificationDto } from './staff-notification.dto.js';
import { StaffNotificationsService } from './staff-notifications.service.js';

@ApiTags('staff: notifications')
@StaffAuth('admin', 'receptionist', 'provider')
@Controller('api/v1/notifications')
export class StaffNotificationsController {
  constructor(private readonly notifications: StaffNotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Notifications of appointments in your scope. filter: appointmentId, patientId, kind, status, from, to (sendAt)' })
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOkResponse({ type: [StaffNotificationDto] })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null, @Res({ passthrough: true }) res: Response): Promise<StaffNotificationDto[]> {
    return sendPage(res, 'notifications', await this.notifications.list(staff, query, reason));
  }
}
