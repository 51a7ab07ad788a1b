/** Form validators shared by the schedule editors; messages are translation keys. */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export const timeOfDay = (value: unknown) => (value && !HHMM.test(String(value)) ? 'app.validation.time_format' : undefined);

export function endAfterStart(startField: string, endField: string) {
  return (values: Record<string, unknown>) => {
    const start = values[startField];
    const end = values[endField];
    if (start === undefined || start === null || start === '' || end === undefined || end === null || end === '') return {};
    const later = typeof start === 'number' && typeof end === 'number' ? end > start : String(end) > String(start);
    if (!later && !(Number.isNaN(start) || Number.isNaN(end))) return { [endField]: 'app.validation.end_after_start' };
    return {};
  };
}

export const positive = (value: unknown) => (value !== undefined && value !== null && value !== '' && Number(value) <= 0 ? 'app.validation.positive' : undefined);

/** Text with something other than spaces (the API refuses blank names). */
export const notBlank = (value: unknown) => (typeof value === 'string' && value.length > 0 && !value.trim() ? 'app.validation.not_blank' : undefined);
