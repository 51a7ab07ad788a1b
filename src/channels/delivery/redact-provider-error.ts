/**
 * Provider error texts sometimes quote the recipient ("The 'To' number +1555… is not valid"); they
 * are stored for staff and logged, so anything that looks like a phone number is masked first.
 */
export function redactProviderError(message: string | null | undefined): string | null {
  if (!message) return null;
  return message.replace(/(whatsapp:)?\+?\d[\d\s().-]{5,}\d/gi, '[number]').slice(0, 500);
}
