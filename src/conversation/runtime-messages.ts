/** The few texts the runtime itself sends (everything else comes from the dialog's catalog). */
export const RUNTIME_TEXT = {
  en: {
    unsupported: 'Sorry, I can only read text messages here. Please type what you need — for example "book a follow-up".',
    apology: 'Sorry, something went wrong on our side. Please send that again in a moment.',
  },
  es: {
    unsupported: 'Lo siento, aquí solo puedo leer mensajes de texto. Escríbeme lo que necesitas, por ejemplo "quiero una cita".',
    apology: 'Lo siento, algo falló de nuestro lado. Vuelve a enviarlo en un momento, por favor.',
  },
} as const;
