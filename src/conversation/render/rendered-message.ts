/** What a channel adapter sends. WhatsApp limits (Cloud API): ≤ 3 buttons with titles ≤ 20 characters; lists ≤ 10 rows, titles ≤ 24, descriptions ≤ 72. */
export type RenderedMessage =
  | { kind: 'text'; text: string }
  | { kind: 'buttons'; text: string; buttons: { id: string; title: string }[] }
  | { kind: 'list'; text: string; buttonText: string; rows: { id: string; title: string; description?: string }[] };

export const WHATSAPP_LIMITS = {
  buttons: 3,
  buttonTitle: 20,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButtonText: 20,
  interactiveBody: 1024,
  text: 4096,
} as const;
