/** The few words the renderer adds itself (a list's button, the overflow row, the SMS hint). */
export interface RenderLabels {
  listButton: string;
  more: string;
  replyWithNumber: string;
}

export const RENDER_LABELS: Record<'en' | 'es', RenderLabels> = {
  en: { listButton: 'Choose', more: 'More', replyWithNumber: 'Reply with a number:' },
  es: { listButton: 'Elegir', more: 'Más', replyWithNumber: 'Responde con un número:' },
};
