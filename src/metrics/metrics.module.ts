import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { HealthModule } from '../health/health.module.js';
import { HttpMetrics, HttpMetricsMiddleware } from './http-metrics.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsService } from './metrics.service.js';

@Module({
  imports: [HealthModule],
  controllers: [MetricsController],
  providers: [HttpMetrics, MetricsRepository, MetricsService],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
