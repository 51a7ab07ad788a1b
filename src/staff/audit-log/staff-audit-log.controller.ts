import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { type AuditLogEntry, StaffAuditLogService } from './staff-audit-log.service.js';

class AuditLogEntryDto {
  @ApiProperty({ description: 'The row id (a string: it is a 64-bit sequence)' }) id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['staff', 'patient', 'api', 'system'] }) actorType!: string;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ example: 'appointment.force_booked' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) patientId!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ type: Object }) details!: unknown;
  @ApiProperty({ description: 'Hash chain: sha256 over the row and prev_hash' }) hash!: string;
}

@ApiTags('staff: audit log')
@StaffAuth('admin', 'owner', 'receptionist')
@Controller('api/v1/audit-log')
export class StaffAuditLogController {
  constructor(private readonly auditLog: StaffAuditLogService) {}

  @Get()
  @ApiOperation({ summary: "Your clinic's audit log, newest first. filter: patientId (a patient's access history), actorId, action (or a prefix ending in *), entityType, entityId, from, to. Receptionists: only one appointment's history at their location (entityType=appointment and entityId)." })
  @ApiOkResponse({ type: [AuditLogEntryDto] })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<AuditLogEntry[]> {
    return sendPage(res, 'audit-log', await this.auditLog.list(staff, query));
  }
}
