/**
 * Patient data must never reach the logs. Request logs keep the method, a sanitised path and ids;
 * bodies are never logged, query strings are dropped and anything that looks like a phone number
 * in the path is masked (e.g. /api/v1/simulator/conversations/+12125550199).
 */
export function redactPath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0]!;
  return path.replace(/(%2B|\+)?\d{6,}/gi, '[redacted]');
}

/** Header and field paths pino must censor wherever they appear in a log record. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-api-key"]',
  '*.phone', '*.name', '*.dob', '*.body', '*.text', '*.password',
];
