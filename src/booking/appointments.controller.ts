import { Body, Controller, Get, Headers, HttpCode, Ip, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiGoneResponse, ApiHeader, ApiOkResponse, ApiTags,
  ApiUnauthorizedResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../audit/audit.repository.js';
import { ApiKeyGuard } from '../staff/api-key.guard.js';
import { AppointmentsService } from './appointments.service.js';
import { AppointmentDto, CancelDto, ChangeStatusDto, CreateAppointmentDto, RescheduleDto } from './dto/appointment.dto.js';

const API_ACTOR: Actor = { type: 'api', id: 'api-key' };

@ApiTags('booking')
@ApiHeader({ name: 'X-Api-Key', required: true })
@ApiUnauthorizedResponse({ description: 'Missing or wrong X-Api-Key' })
@ApiBadRequestResponse({ description: 'Malformed request' })
@UseGuards(ApiKeyGuard)
@Controller('api/v1/appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key books once; a replay answers 200 with the same appointment' })
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiOkResponse({ type: AppointmentDto, description: 'Replay of an earlier request with the same Idempotency-Key' })
  @ApiConflictResponse({ description: 'SLOT_TAKEN: `details.alternatives` lists the next free slots' })
  @ApiGoneResponse({ description: 'HOLD_EXPIRED: the hold lapsed or is not yours' })
  @ApiUnprocessableEntityResponse({ description: 'POLICY_VIOLATION (outside hours, notice, new patients only) or IDEMPOTENCY_CONFLICT' })
  async create(@Body() body: CreateAppointmentDto, @Headers('idempotency-key') key: string | undefined, @Ip() ip: string, @Res({ passthrough: true }) res: Response): Promise<AppointmentDto> {
    const { appointment, replayed } = await this.appointments.create(body, { actor: API_ACTOR, idempotencyKey: key?.slice(0, 200) ?? null, ip });
    res.status(replayed ? 200 : 201);
    return appointment;
  }

  @Get(':id')
  @ApiOkResponse({ type: AppointmentDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AppointmentDto> {
    return this.appointments.get(id, API_ACTOR);
  }

  @Post(':id/reschedule')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AppointmentDto, description: 'The new appointment; the old one is now `rescheduled`' })
  @ApiConflictResponse({ description: 'SLOT_TAKEN or ILLEGAL_TRANSITION' })
  async reschedule(@Param('id', ParseUUIDPipe) id: string, @Body() body: RescheduleDto, @Headers('idempotency-key') key: string | undefined, @Ip() ip: string, @Res({ passthrough: true }) res: Response): Promise<AppointmentDto> {
    const { appointment, replayed } = await this.appointments.reschedule(id, body, { actor: API_ACTOR, idempotencyKey: key?.slice(0, 200) ?? null, ip });
    res.status(replayed ? 200 : 201);
    return appointment;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION (already cancelled, completed…)' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelDto, @Ip() ip: string): Promise<AppointmentDto> {
    return this.appointments.cancel(id, body.reason, { actor: API_ACTOR, ip });
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION' })
  changeStatus(@Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeStatusDto, @Ip() ip: string): Promise<AppointmentDto> {
    return this.appointments.changeStatus(id, body.status, body.reason ?? null, { actor: API_ACTOR, ip });
  }
}
