import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AvailabilityService } from './availability.service.js';
import { AvailabilityQueryDto } from './dto/availability-query.dto.js';
import { AvailabilityResponseDto } from './dto/availability-response.dto.js';
import { toAvailabilityResponse } from './availability.presenter.js';

@ApiTags('availability')
@Controller('api/v1/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @ApiOperation({ summary: 'Bookable slots for a service', description: 'Computed from the weekly rules, exceptions, booked appointments (with buffers), live holds, rooms, notice and advance limits. The server is the only authority on what can be booked.' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown service, malformed dates, `from` after `to`, a range over 62 days or past the advance window' })
  async find(@Query() query: AvailabilityQueryDto): Promise<AvailabilityResponseDto> {
    const serviceId = await this.availability.resolveServiceId(query.service, query.clinic);
    return toAvailabilityResponse(await this.availability.search({ ...query, serviceId, providerId: query.provider, locationId: query.location }));
  }
}
