import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffAuth } from '../auth/staff-auth.decorator.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { AccessReason } from '../staff/common/access-reason.decorator.js';
import { ListQueryDto } from '../staff/common/list-query.dto.js';
import { sendPage } from '../staff/common/list-response.js';
import {
  CreateWaitlistEntryDto, OfferSlotDto, UpdateWaitlistEntryDto, WaitlistEntryDetailDto, WaitlistEntryDto, WaitlistOfferDto,
} from './dto/waitlist-entry.dto.js';
import { WaitlistStaffService } from './waitlist-staff.service.js';

@ApiTags('staff: waitlist')
@ApiHeader({ name: 'X-Access-Reason', required: false, description: 'Why you open patient data (audited)' })
@ApiNotFoundResponse({ description: 'No such entry (or patient, service, provider, location) in your clinic' })
@StaffAuth('admin', 'receptionist')
@Controller('api/v1/waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistStaffService) {}

  @Get()
  @ApiOperation({ summary: 'Waitlist entries in your scope. filter: status, serviceId, providerId, locationId, patientId. Sort: urgency (default, DESC), createdAt, earliestDate, latestDate, status' })
  @ApiOkResponse({ type: [WaitlistEntryDto], description: 'Content-Range: waitlist 0-24/40' })
  async list(@Query() query: ListQueryDto, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null, @Res({ passthrough: true }) res: Response): Promise<WaitlistEntryDto[]> {
    return sendPage(res, 'waitlist', await this.waitlist.list(staff, query, reason));
  }

  @Get(':id')
  @ApiOkResponse({ type: WaitlistEntryDetailDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal, @AccessReason() reason: string | null): Promise<WaitlistEntryDetailDto> {
    return this.waitlist.get(staff, id, reason);
  }

  @Post()
  @ApiOperation({ summary: 'Add a patient to the waitlist' })
  @ApiCreatedResponse({ type: WaitlistEntryDto })
  create(@Body() body: CreateWaitlistEntryDto, @CurrentStaff() staff: StaffPrincipal): Promise<WaitlistEntryDto> {
    return this.waitlist.create(staff, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change urgency, dates, provider, location or notes' })
  @ApiOkResponse({ type: WaitlistEntryDto })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateWaitlistEntryDto, @CurrentStaff() staff: StaffPrincipal): Promise<WaitlistEntryDto> {
    return this.waitlist.update(staff, id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Take the patient off the waitlist (status removed; a pending offer passes to the next patient)' })
  @ApiOkResponse({ type: WaitlistEntryDto })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<WaitlistEntryDto> {
    return this.waitlist.remove(staff, id);
  }

  @Post(':id/offer')
  @ApiOperation({ summary: 'Offer a chosen slot to this patient now: held for the claim window and sent to their chat' })
  @ApiCreatedResponse({ type: WaitlistOfferDto })
  @ApiConflictResponse({ description: 'SLOT_TAKEN (booked or held for someone else) or ENTRY_NOT_WAITING' })
  @ApiUnprocessableEntityResponse({ description: 'POLICY_VIOLATION: outside hours, notice, new patients only, or the patient cannot be reached' })
  offer(@Param('id', ParseUUIDPipe) id: string, @Body() body: OfferSlotDto, @CurrentStaff() staff: StaffPrincipal): Promise<WaitlistOfferDto> {
    return this.waitlist.offer(staff, id, body);
  }
}
