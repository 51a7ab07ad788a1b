import { Clock } from '../../src/common/clock.js';

/** A clock tests move by hand: days of schedule in seconds, no sleeping. */
export class FakeClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(+this.current + ms);
  }
}
