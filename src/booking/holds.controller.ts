import { Body, Controller, Delete, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { StaffAuth } from '../auth/staff-auth.decorator.js';
import { HoldDto, PlaceHoldDto } from './dto/hold.dto.js';
import { HoldService } from './hold.service.js';

@ApiTags('booking')
@StaffAuth('admin', 'receptionist')
@Controller('api/v1/holds')
export class HoldsController {
  constructor(private readonly holds: HoldService) {}

  @Post()
  @ApiCreatedResponse({ type: HoldDto, description: 'The slot is held for the clinic’s hold time (default 5 minutes)' })
  @ApiConflictResponse({ description: 'Someone else holds or booked it; `details.alternatives` lists the next free slots' })
  @ApiServiceUnavailableResponse({ description: 'Redis is unavailable, so no hold can be placed' })
  async place(@Body() body: PlaceHoldDto): Promise<HoldDto> {
    const hold = await this.holds.place({ ...body, start: new Date(body.start) });
    return { token: hold.token, providerId: hold.providerId, start: new Date(hold.start).toISOString(), end: new Date(hold.end).toISOString(), expiresAt: new Date(hold.expiresAt).toISOString() };
  }

  @Delete(':token')
  @HttpCode(204)
  async release(@Param('token') token: string, @Query('providerId') providerId: string): Promise<void> {
    await this.holds.release(providerId, token);
  }
}
