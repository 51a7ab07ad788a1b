import { Module } from '@nestjs/common';
import { WaitlistRepository } from './waitlist.repository.js';

@Module({ providers: [WaitlistRepository], exports: [WaitlistRepository] })
export class WaitlistModule {}
