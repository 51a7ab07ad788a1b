import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { AccessReason } from '../common/access-reason.decorator.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { ClearNoShowFlagDto, CreatePatientDto, StaffPatientDetailDto, StaffPatientDto, UpdatePatientDto } from './dto/staff-patient.dto.js';
import { StaffPatientsService } from './staff-patients.service.js';

@ApiTags('staff: patients')
@ApiHeader({ name: 'X-Access-Reason', required: false, description: 'Why you open patient data (audited)' })
@ApiNotFoundResponse({ description: 'No such patient in your clinic' })
@StaffAuth('admin', 'receptionist', 'provider')
@Controller('api/v1/patients')
export class StaffPatientsController {
  constructor(private readonly patients: StaffPatientsService) {}

  @Get()
  @ApiOperation({ summary: 'Patients in your scope. filter: q (phone, or words of the name), phone (E.164), id (list), flagged. Sort: createdAt, updatedAt, noShowCount' })
  @ApiOkResponse({ type: [StaffPatientDto], description: 'Content-Range: patients 0-24/80' })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null, @Res({ passthrough: true }) res: Response): Promise<StaffPatientDto[]> {
    return sendPage(res, 'patients', await this.patients.list(staff, query, reason));
  }

  @Get(':id')
  @ApiOkResponse({ type: StaffPatientDetailDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null): Promise<StaffPatientDetailDto> {
    return this.patients.get(staff, id, reason);
  }

  @Post()
  @StaffAuth('admin', 'receptionist')
  @ApiCreatedResponse({ type: StaffPatientDto, description: 'Created, or the existing patient with that phone (if in your scope)' })
  create(@Body() body: CreatePatientDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffPatientDto> {
    return this.patients.create(staff, body);
  }

  @Post(':id/clear-no-show-flag')
  @StaffAuth('admin', 'receptionist')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the no-show flag (chat bookings no longer wait for approval); the reason is audited' })
  @ApiOkResponse({ type: StaffPatientDto })
  clearNoShowFlag(@Param('id', ParseUUIDPipe) id: string, @Body() body: ClearNoShowFlagDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffPatientDto> {
    return this.patients.clearNoShowFlag(staff, id, body.reason);
  }

  @Put(':id')
  @StaffAuth('admin', 'receptionist')
  @ApiOkResponse({ type: StaffPatientDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePatientDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffPatientDto> {
    return this.patients.update(staff, id, body);
  }
}
