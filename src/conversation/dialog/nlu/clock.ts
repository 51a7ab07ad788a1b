/**
 * Clock times in patient messages ("2:30", "2:30 pm", "14:30", "3pm", "15h"). Without am/pm, 1–6 mean
 * afternoon: nobody books a clinic visit at 3 in the morning.
 */

export function toMinutes(hourText: string, minuteText: string | undefined, meridiem: string | undefined): number | null {
  let hour = Number(hourText);
  const minute = minuteText ? Number(minuteText) : 0;
  if (!Number.isInteger(hour) || hour > 23 || minute > 59) return null;
  const m = meridiem?.replace(/\./g, '').toLowerCase();
  if (m === 'pm' || m === 'p') {
    if (hour < 12) hour += 12;
  } else if (m === 'am' || m === 'a') {
    if (hour === 12) hour = 0;
  } else if (hour >= 1 && hour <= 6) {
    hour += 12;
  }
  return hour * 60 + minute;
}

const CLOCK = /(?<![\d/])(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|h|hs|hrs)?(?![\d/])/gi;

/**
 * The first clock time in `text` that is written like one: with minutes ("2:30") or a marker ("3pm",
 * "15h"). A bare "2" is a choice number, not a time.
 */
export function findClock(text: string): { minutes: number; index: number; length: number } | null {
  for (const match of text.matchAll(CLOCK)) {
    const [whole, hour, minute, marker] = match;
    if (minute === undefined && marker === undefined) continue;
    const m = marker && /^[ap]/i.test(marker) ? marker : undefined;
    const minutes = toMinutes(hour!, minute, m);
    if (minutes !== null) return { minutes, index: match.index, length: whole.length };
  }
  return null;
}

/** A clock time right after one of `prefixes` ("after 2", "después de las 15:00"); bare hours allowed. */
export function findClockAfter(text: string, prefixes: readonly string[]): { minutes: number; index: number; length: number } | null {
  for (const prefix of prefixes) {
    const pattern = new RegExp(`(?:^|\\s)${prefix.replace(/\s+/g, '\\s+')}\\s+(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?=$|[\\s,.!?;])`, 'i');
    const match = pattern.exec(text);
    if (!match) continue;
    const minutes = toMinutes(match[1]!, match[2], match[3]);
    if (minutes !== null) return { minutes, index: match.index, length: match[0].length };
  }
  return null;
}
