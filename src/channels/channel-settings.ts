import { z } from 'zod';
import { TEMPLATE_PURPOSES, type TemplatePurpose } from './templates/message-purpose.js';
import { TEMPLATE_PLACEHOLDERS, isTemplatePlaceholder, placeholdersIn } from './templates/template-variables.js';

/**
 * Non-secret settings of one clinic number (clinic_channels.settings, JSONB). Secrets never live
 * here: they come from the environment (docs/channels.md).
 *
 * ```json
 * { "templates": {
 *     "appointment_reminder": { "name": "appointment_reminder", "language": "en_US", "contentSid": "HX…",
 *       "variables": ["{providerName}", "{serviceName}", "{localDateTime}", "{locationName}"], "quickReplyButtons": 3,
 *       "byLanguage": { "es": { "name": "appointment_reminder", "language": "es", "variables": […], "quickReplyButtons": 3 } } },
 *     "reengagement": { "name": "reengage_reply_waiting", "variables": ["{clinicName}"] } },
 *   "smsFallback": true }
 * ```
 * The older `reengagementTemplate` / `reengagementTemplateByLanguage` keys are still read.
 */
const variable = z.string().max(200).refine((v) => placeholdersIn(v).every(isTemplatePlaceholder), {
  message: `unknown placeholder; allowed: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
});

const template = z.object({
  /** Meta template name (Cloud API). Twilio WhatsApp senders use contentSid instead. */
  name: z.string().min(1).max(512),
  /** Meta language/locale code of the approved translation. */
  language: z.string().min(2).max(15).default('en_US'),
  /** Twilio Content API template SID (HX + 32 hex) for Twilio WhatsApp senders. */
  contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/).optional(),
  /** Body variables {{1}}, {{2}}… in order, each text with placeholders from templates/template-variables.ts. */
  variables: z.array(variable).max(10).default([]),
  /**
   * How many quick-reply buttons the approved template has (Meta). Their payloads are set per message:
   * the ids of the message's own choices, in order (a reminder: confirm, change, cancel), so a tap is
   * the same answer as the button or number inside the window.
   */
  quickReplyButtons: z.number().int().min(0).max(3).default(0),
});

const purposeTemplate = template.extend({
  /** Per patient language (`en`, `es`), overriding the fields above. */
  byLanguage: z.record(z.string(), template).optional(),
});

export const channelSettingsSchema = z.object({
  /** Approved templates by purpose, sent when WhatsApp's 24-hour window is closed (docs/channels.md). */
  templates: z.partialRecord(z.enum(TEMPLATE_PURPOSES), purposeTemplate).optional(),
  /** Sent instead of a free-form reply outside WhatsApp's 24-hour window; superseded by templates.reengagement. */
  reengagementTemplate: template.optional(),
  /** Per patient language, overriding reengagementTemplate. */
  reengagementTemplateByLanguage: z.record(z.string(), template).optional(),
  /** When a WhatsApp message finally fails, send its text by SMS from the clinic's SMS number (default true). */
  smsFallback: z.boolean().default(true),
}).loose().superRefine((settings, ctx) => {
  // A re-engagement message belongs to no appointment: only the clinic's name can fill it.
  const reengagement = [settings.templates?.reengagement, ...Object.values(settings.templates?.reengagement?.byLanguage ?? {}),
    settings.reengagementTemplate, ...Object.values(settings.reengagementTemplateByLanguage ?? {})];
  if (reengagement.some((t) => t?.variables.some((v) => placeholdersIn(v).some((p) => p !== 'clinicName')))) {
    ctx.addIssue({ code: 'custom', path: ['templates', 'reengagement'], message: 're-engagement variables may only use {clinicName}' });
  }
});

export type ChannelSettings = z.infer<typeof channelSettingsSchema>;
export type TemplateSetting = z.infer<typeof template>;

/** Parses stored settings; a malformed value falls back to the defaults rather than blocking sends. */
export function parseChannelSettings(value: unknown): { settings: ChannelSettings; problems: string[] } {
  const parsed = channelSettingsSchema.safeParse(value ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return { settings: channelSettingsSchema.parse({}), problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** The approved template for a purpose in the patient's language, or null when none is configured. */
export function templateFor(settings: ChannelSettings, purpose: TemplatePurpose, language: string): TemplateSetting | null {
  const configured = settings.templates?.[purpose];
  if (configured) {
    const { byLanguage, ...base } = configured;
    return byLanguage?.[language] ?? base;
  }
  if (purpose !== 'reengagement') return null;
  return settings.reengagementTemplateByLanguage?.[language] ?? settings.reengagementTemplate ?? null;
}
