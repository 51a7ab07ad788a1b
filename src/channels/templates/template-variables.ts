/**
 * The named placeholders a template's body variables may use, filled when the message is sent. The
 * list is closed on purpose: a template is text Meta or Twilio stores and shows in their consoles, so
 * only what the patient is told in the chat anyway may go into it — never a date of birth or a phone.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'clinicName',
  /** First word of the name on file; a neutral word when there is none. */
  'patientFirstName',
  'serviceName',
  'providerName',
  /** "Thu 26 Nov, 2:30 pm" / "jue 26 nov, 14:30": the patient's language, the location's time zone. */
  'localDateTime',
  'locationName',
  'locationAddress',
] as const;

export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders a configured variable uses. */
export function placeholdersIn(variable: string): string[] {
  return [...variable.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function isTemplatePlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Fills `{name}` placeholders in configured variables ({{1}}, {{2}}… in order). A placeholder with
 * no value is left as written (settings validation keeps that from happening). Meta refuses template
 * parameters that are empty or contain new lines, tabs or runs of spaces (error 132018), so each
 * value is collapsed to one line and an empty one becomes "-".
 */
export function fillTemplateVariables(variables: readonly string[], values: Partial<TemplateValues>): string[] {
  return variables.map((variable) => {
    const filled = variable.replace(PLACEHOLDER, (whole, name: string) => (isTemplatePlaceholder(name) && values[name] !== undefined ? values[name] : whole));
    return filled.replace(/\s+/g, ' ').trim() || '-';
  });
}
