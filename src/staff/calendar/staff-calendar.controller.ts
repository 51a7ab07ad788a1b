import { Controller, Get, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { StaffAppointmentDto } from '../appointments/dto/staff-appointment.dto.js';
import { AccessReason } from '../common/access-reason.decorator.js';
import { type CalendarView, StaffCalendarService } from './staff-calendar.service.js';

export class CalendarQueryDto {
  @ApiProperty({ example: '2026-11-23T05:00:00.000Z' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2026-11-24T05:00:00.000Z', description: 'At most 31 days after from' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() locationId?: string;
}

class CalendarHoldDto {
  @ApiProperty() providerId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() expiresAt!: string;
}

class CalendarViewDto {
  @ApiProperty({ type: [StaffAppointmentDto], description: 'Active appointments (not cancelled or moved away) overlapping the range' }) appointments!: StaffAppointmentDto[];
  @ApiProperty({ type: [CalendarHoldDto], description: 'Live holds (someone is mid-booking); who holds is not shown' }) holds!: CalendarHoldDto[];
  @ApiProperty({ description: 'false when Redis is unavailable, so holds could not be read' }) holdsAvailable!: boolean;
}

@ApiTags('staff: calendar')
@StaffAuth('admin', 'receptionist', 'provider')
@Controller('api/v1/calendar')
export class StaffCalendarController {
  constructor(private readonly calendar: StaffCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Appointments and live holds for a range, per provider or location (providers: their own calendar)' })
  @ApiHeader({ name: 'X-Access-Reason', required: false })
  @ApiOkResponse({ type: CalendarViewDto })
  view(@Query() query: CalendarQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null): Promise<CalendarView> {
    return this.calendar.view(staff, { from: new Date(query.from), to: new Date(query.to), providerId: query.providerId ?? null, locationId: query.locationId ?? null }, reason);
  }
}
