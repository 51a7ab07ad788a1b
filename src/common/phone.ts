import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalises a phone number as patients and providers write it ("(212) 555-0199", "whatsapp:+1212…",
 * "12125550199") to E.164, or null when it is not a plausible number. The E.164 form is what the
 * blind index covers, so every look-up must go through here.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const cleaned = input.trim().replace(/^(whatsapp|sms|tel):/i, '');
  if (!/\d/.test(cleaned) || cleaned.length > 40) return null;
  // WhatsApp ids (wa_id) are international numbers without the plus sign.
  const candidate = /^\d{11,15}$/.test(cleaned) ? `+${cleaned}` : cleaned;
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  return parsed && parsed.isPossible() ? parsed.number : null;
}
