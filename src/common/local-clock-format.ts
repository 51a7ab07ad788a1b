import { IANAZone } from 'luxon';

/**
 * Formats many instants in one IANA zone quickly. Asking luxon for a zone offset costs an Intl call;
 * offsets only change at DST transitions, so it is asked once per six-hour window (at both ends) and
 * per instant only inside a window that contains a transition.
 */
const WINDOW_MS = 6 * 3_600_000;

export interface LocalParts { date: string; time: string; iso: string }

const byZone = new Map<string, LocalClockFormat>();

export class LocalClockFormat {
  /** Offsets never change for a given instant, so one formatter per zone serves the whole process. */
  static for(zoneName: string): LocalClockFormat {
    let format = byZone.get(zoneName);
    if (!format) {
      format = new LocalClockFormat(zoneName);
      byZone.set(zoneName, format);
    }
    return format;
  }

  private readonly zone: IANAZone;
  private readonly windows = new Map<number, number | null>();

  constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
    if (!this.zone.isValid) throw new RangeError(`Unknown time zone: ${zoneName}`);
  }

  /** Offset from UTC in minutes at `ms`. */
  offset(ms: number): number {
    const window = Math.floor(ms / WINDOW_MS);
    let known = this.windows.get(window);
    if (known === undefined) {
      // Bounded: about 12,000 windows (eight years) per zone before it starts over.
      if (this.windows.size > 12_000) this.windows.clear();
      const start = this.zone.offset(window * WINDOW_MS);
      known = start === this.zone.offset((window + 1) * WINDOW_MS - 1) ? start : null;
      this.windows.set(window, known);
    }
    return known ?? this.zone.offset(ms);
  }

  parts(ms: number): LocalParts {
    const offset = this.offset(ms);
    const shifted = new Date(ms + offset * 60_000).toISOString();
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const suffix = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return { date: shifted.slice(0, 10), time: shifted.slice(11, 16), iso: `${shifted.slice(0, 23)}${suffix}` };
  }
}
