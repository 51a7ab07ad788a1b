import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse, ApiCreatedResponse, ApiGoneResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../../auth/staff-principal.js';
import { CancelDto, ChangeStatusDto, CreateAppointmentDto, RescheduleDto } from '../../booking/dto/appointment.dto.js';
import { AccessReason } from '../common/access-reason.decorator.js';
import { ListQueryDto } from '../common/list-query.dto.js';
import { sendPage } from '../common/list-response.js';
import { ChangeProviderDto, StaffAppointmentDto, WalkInDto } from './dto/staff-appointment.dto.js';
import { StaffAppointmentsService } from './staff-appointments.service.js';

const CONFLICT = 'SLOT_TAKEN: `details.blocking` is the appointment in the way (id, time, provider; patientName only if you may see that patient) or `details.blockedBy` = "hold_or_room"; `details.alternatives` lists free slots';
const key = (k: string | undefined) => k?.slice(0, 200) ?? null;

@ApiTags('staff: appointments')
@ApiHeader({ name: 'X-Access-Reason', required: false, description: 'Why you open patient data (audited)' })
@ApiNotFoundResponse({ description: 'No such appointment in your clinic' })
@StaffAuth('admin', 'receptionist')
@Controller('api/v1/appointments')
export class StaffAppointmentsController {
  constructor(private readonly appointments: StaffAppointmentsService) {}

  @Get()
  @StaffAuth('admin', 'receptionist', 'provider')
  @ApiOperation({ summary: 'Appointments in your scope. filter: from, to (ISO), providerId, locationId, serviceId, status (one or a list), patientId, patientPhone (E.164), id (list)' })
  @ApiOkResponse({ type: [StaffAppointmentDto], description: 'Content-Range: appointments 0-24/319' })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null, @Res({ passthrough: true }) res: Response): Promise<StaffAppointmentDto[]> {
    return sendPage(res, 'appointments', await this.appointments.list(staff, query, reason));
  }

  @Get(':id')
  @StaffAuth('admin', 'receptionist', 'provider')
  @ApiOkResponse({ type: StaffAppointmentDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null): Promise<StaffAppointmentDto> {
    return this.appointments.get(staff, id, reason);
  }

  @Post()
  @ApiOperation({ summary: 'Book, or force-book with `override.reason` (outside hours, inside the notice window, new-patient-only for a returning patient)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key books once; a replay answers 200 with the same appointment' })
  @ApiCreatedResponse({ type: StaffAppointmentDto, description: '`overrides` names the rules the override set aside' })
  @ApiOkResponse({ type: StaffAppointmentDto, description: 'Replay of an earlier request with the same Idempotency-Key' })
  @ApiConflictResponse({ description: CONFLICT })
  @ApiGoneResponse({ description: 'HOLD_EXPIRED' })
  @ApiUnprocessableEntityResponse({ description: 'POLICY_VIOLATION with details.rule (send override.reason to book anyway)' })
  async create(@Body() body: CreateAppointmentDto, @Headers('idempotency-key') idem: string | undefined, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<StaffAppointmentDto> {
    const { appointment, replayed } = await this.appointments.create(staff, body, key(idem));
    res.status(replayed ? 200 : 201);
    return appointment;
  }

  @Post('walk-in')
  @ApiOperation({ summary: 'A patient who is here now: booked from this minute (override of the notice rule, with the reason) and checked in' })
  @ApiCreatedResponse({ type: StaffAppointmentDto })
  @ApiConflictResponse({ description: CONFLICT })
  walkIn(@Body() body: WalkInDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffAppointmentDto> {
    return this.appointments.walkIn(staff, body);
  }

  @Post([':id/move', ':id/reschedule'])
  @ApiOperation({ summary: 'Move (reschedule): the old appointment becomes `rescheduled`, a new one links back; `override.reason` to move outside the rules' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StaffAppointmentDto, description: 'The new appointment' })
  @ApiConflictResponse({ description: `${CONFLICT}; or ILLEGAL_TRANSITION` })
  async move(@Param('id', ParseUUIDPipe) id: string, @Body() body: RescheduleDto, @Headers('idempotency-key') idem: string | undefined, @CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) res: Response): Promise<StaffAppointmentDto> {
    const { appointment, replayed } = await this.appointments.move(staff, id, body, key(idem));
    res.status(replayed ? 200 : 201);
    return appointment;
  }

  @Post(':id/provider')
  @ApiOperation({ summary: 'Same time with another provider (a move; the reason is required and audited)' })
  @ApiCreatedResponse({ type: StaffAppointmentDto, description: 'The new appointment' })
  @ApiConflictResponse({ description: CONFLICT })
  changeProvider(@Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeProviderDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffAppointmentDto> {
    return this.appointments.changeProvider(staff, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffAppointmentDto })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION (already cancelled, completed…)' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffAppointmentDto> {
    return this.appointments.cancel(staff, id, body.reason);
  }

  @Post(':id/status')
  @HttpCode(200)
  @StaffAuth('admin', 'receptionist', 'provider')
  @ApiOperation({ summary: 'Check in, complete, mark a no-show (providers: their own appointments), confirm, cancel — through the one status table' })
  @ApiOkResponse({ type: StaffAppointmentDto })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION' })
  changeStatus(@Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeStatusDto, @CurrentStaff() staff: StaffPrincipal): Promise<StaffAppointmentDto> {
    return this.appointments.changeStatus(staff, id, body.status, body.reason ?? null);
  }
}
