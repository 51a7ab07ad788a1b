import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalises a phone number as patients and providers write it ("(212) 555-0199", "whatsapp:+1212…",
 * "12125550199") to E.164, or null when it is not a plausible number. The E.164 form is what the
 * blind index covers, so every look-up must go through here.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): string | null {
  // Parsing costs more than the rest of a simple chat turn's bookkeeping, and the same few numbers
  // (a clinic's own, a chatting patient's) arrive again and again: remember recent answers.
  const key = `${defaultCountry}|${input}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  if (recent.size >= RECENT_LIMIT) recent.clear();
  const normalized = parse(input, defaultCountry);
  recent.set(key, normalized);
  return normalized;
}

const RECENT_LIMIT = 10_000;
const recent = new Map<string, string | null>();

function parse(input: string, defaultCountry: CountryCode): string | null {
  const cleaned = input.trim().replace(/^(whatsapp|sms|tel):/i, '');
  if (!/\d/.test(cleaned) || cleaned.length > 40) return null;
  // WhatsApp ids (wa_id) are international numbers without the plus sign.
  const candidate = /^\d{11,15}$/.test(cleaned) ? `+${cleaned}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  return parsed && parsed.isPossible() ? parsed.number : null;
}
