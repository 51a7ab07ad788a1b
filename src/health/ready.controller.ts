import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type ReadinessReport, ReadinessService } from './readiness.service.js';

@ApiTags('operations')
@Controller('ready')
export class ReadyController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @ApiOkResponse({ description: 'Postgres and Redis answer, every migration of this build is applied and every queue has a worker.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; the body says what is missing.' })
  async get(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.readiness.check();
    res.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}
