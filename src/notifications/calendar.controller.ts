import { Controller, ForbiddenException, Get, Header, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarService } from './calendar.service.js';

@ApiTags('patients')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':id.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @ApiOperation({ summary: 'The appointment as a calendar file (the signed link sent to the patient; no login)' })
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiForbiddenResponse({ description: 'Missing or wrong signature' })
  async ics(@Param('id', ParseUUIDPipe) id: string, @Query('sig') sig: string | undefined): Promise<string> {
    if (!sig || !this.calendar.verify(id, sig)) throw new ForbiddenException('This link is not valid.');
    const ics = await this.calendar.ics(id);
    if (!ics) throw new NotFoundException();
    return ics;
  }
}
