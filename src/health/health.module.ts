import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { ALL_QUEUES, allQueuesProvider } from './queue-list.js';
import { ReadinessRepository } from './readiness.repository.js';
import { ReadinessService } from './readiness.service.js';
import { ReadyController } from './ready.controller.js';

@Module({
  controllers: [HealthController, ReadyController],
  providers: [HealthService, ReadinessService, ReadinessRepository, allQueuesProvider],
  exports: [ALL_QUEUES],
})
export class HealthModule {}
