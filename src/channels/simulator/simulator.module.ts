import { Module } from '@nestjs/common';
import { ConversationModule } from '../../conversation/conversation.module.js';
import { SimulatorController } from './simulator.controller.js';
import { SimulatorService } from './simulator.service.js';

@Module({ imports: [ConversationModule], controllers: [SimulatorController], providers: [SimulatorService] })
export class SimulatorModule {}
