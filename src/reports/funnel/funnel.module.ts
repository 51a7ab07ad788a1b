import { Module } from '@nestjs/common';
import { FunnelRecorder } from './funnel.recorder.js';
import { FunnelRepository } from './funnel.repository.js';

/** Funnel recording only, so the conversation module can use it without the reports API. */
@Module({
  providers: [FunnelRepository, FunnelRecorder],
  exports: [FunnelRecorder],
})
export class FunnelModule {}
