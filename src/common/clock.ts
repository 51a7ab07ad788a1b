import { type DynamicModule, Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for time-dependent logic, so tests can move time instead of sleeping.
 * Pure code (engine, dialog) never asks for the time: callers pass clock.now() in.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({})
export class ClockModule {
  static forRoot(clock?: Clock): DynamicModule {
    const provider = clock ? { provide: Clock, useValue: clock } : Clock;
    return { module: ClockModule, providers: [provider], exports: [Clock] };
  }
}
