import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SimulatorMessageDto, SimulatorResponseDto } from './dto/simulator.dto.js';
import { SimulatorEnabledGuard } from './simulator-enabled.guard.js';
import { SimulatorService } from './simulator.service.js';

@ApiTags('simulator')
@UseGuards(SimulatorEnabledGuard)
@Controller('api/v1/simulator')
export class SimulatorController {
  constructor(private readonly simulator: SimulatorService) {}

  @Post('messages')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message as a patient and get every reply the bot produced for it', description: 'Off in production unless SIMULATOR_ENABLED=true.' })
  @ApiOkResponse({ type: SimulatorResponseDto })
  send(@Body() body: SimulatorMessageDto): Promise<SimulatorResponseDto> {
    return this.simulator.send(body);
  }

  @Get('conversations/:phone')
  @ApiOperation({ summary: 'The transcript of a phone number’s conversations' })
  @ApiNotFoundResponse({ description: 'No conversation with this number' })
  transcript(@Param('phone') phone: string) {
    return this.simulator.transcript(phone);
  }
}
