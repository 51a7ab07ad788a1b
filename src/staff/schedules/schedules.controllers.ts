import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { AvailabilityRuleInputDto, ScheduleExceptionInputDto } from './schedules.dto.js';
import { SchedulesService } from './schedules.service.js';

@ApiTags('staff: schedules')
@StaffAuth()
@Controller('api/v1/availability-rules')
export class AvailabilityRulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @ApiOperation({ summary: 'Weekly rules. filter: providerId, locationId, id' })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response) {
    return sendPage(res, 'availability-rules', await this.schedules.listRules(staff, query));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.getRule(staff, id);
  }

  @Post()
  @StaffAuth('admin')
  @ApiOkResponse({ description: 'Created; slot search shows it within ~5 s (schedule cache), bookings at once' })
  create(@Body() body: AvailabilityRuleInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.createRule(staff, body);
  }

  @Put(':id')
  @StaffAuth('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: AvailabilityRuleInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.updateRule(staff, id, body);
  }

  @Delete(':id')
  @StaffAuth('admin')
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.deleteRule(staff, id);
  }
}

@ApiTags('staff: schedules')
@StaffAuth()
@Controller('api/v1/schedule-exceptions')
export class ScheduleExceptionsController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @ApiOperation({ summary: 'Closed days, holidays, extra hours, staff blocks. filter: providerId, locationId, from, to (dates), id' })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response) {
    return sendPage(res, 'schedule-exceptions', await this.schedules.listExceptions(staff, query));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.getException(staff, id);
  }

  @Post()
  @StaffAuth('admin', 'receptionist')
  @ApiOperation({ summary: 'Receptionists: exceptions at their own locations only' })
  create(@Body() body: ScheduleExceptionInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.createException(staff, body);
  }

  @Put(':id')
  @StaffAuth('admin', 'receptionist')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: ScheduleExceptionInputDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.updateException(staff, id, body);
  }

  @Delete(':id')
  @StaffAuth('admin', 'receptionist')
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal) {
    return this.schedules.deleteException(staff, id);
  }
}
