import { z } from 'zod';

/**
 * Non-secret settings of one clinic number (clinic_channels.settings, JSONB). Secrets never live
 * here: they come from the environment (docs/channels.md).
 *
 * ```json
 * { "reengagementTemplate": { "name": "reengage_reply_waiting", "language": "en_US",
 *                             "contentSid": "HX…", "variables": ["{clinicName}"] },
 *   "smsFallback": true }
 * ```
 */
const template = z.object({
  /** Meta template name (Cloud API). Twilio WhatsApp senders use contentSid instead. */
  name: z.string().min(1).max(512),
  /** Meta language/locale code of the approved translation. */
  language: z.string().min(2).max(15).default('en_US'),
  /** Twilio Content API template SID (HX + 32 hex) for Twilio WhatsApp senders. */
  contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/).optional(),
  /** Body variables {{1}}, {{2}}… in order; `{clinicName}` is replaced by the clinic's name. No patient data. */
  variables: z.array(z.string().max(200)).max(10).default([]),
});

export const channelSettingsSchema = z.object({
  /** Sent instead of a free-form reply outside WhatsApp's 24-hour window; without it such replies are skipped. */
  reengagementTemplate: template.optional(),
  /** Per patient language, overriding reengagementTemplate. */
  reengagementTemplateByLanguage: z.record(z.string(), template).optional(),
  /** When a WhatsApp message finally fails, send its text by SMS from the clinic's SMS number (default true). */
  smsFallback: z.boolean().default(true),
}).loose();

export type ChannelSettings = z.infer<typeof channelSettingsSchema>;
export type TemplateSetting = z.infer<typeof template>;

/** Parses stored settings; a malformed value falls back to the defaults rather than blocking sends. */
export function parseChannelSettings(value: unknown): { settings: ChannelSettings; problems: string[] } {
  const parsed = channelSettingsSchema.safeParse(value ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return { settings: channelSettingsSchema.parse({}), problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

export function reengagementTemplateFor(settings: ChannelSettings, language: string): TemplateSetting | null {
  return settings.reengagementTemplateByLanguage?.[language] ?? settings.reengagementTemplate ?? null;
}
