import type { Catalog, SlotsHeader } from './catalog.js';

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "el Dr. García", "la Dra. Khan"; names without a title stay as they are. */
function provider(shortName: string): string {
  if (/^dra\.?\s/i.test(shortName)) return `la ${shortName}`;
  if (/^(dr|doctor)\.?\s/i.test(shortName)) return `el ${shortName}`;
  return shortName;
}

function dayPhrase(day: { relative: 'today' | 'tomorrow' | null; day: string }): string {
  if (day.relative === 'today') return `hoy, ${day.day}`;
  if (day.relative === 'tomorrow') return `mañana, ${day.day}`;
  return `el ${day.day}`;
}

function slotsHeader(h: SlotsHeader): string {
  const where = h.video ? ' por video' : h.place ? ` en ${h.place}` : '';
  const service = h.service.toLowerCase();
  const withProvider = h.provider ? ` con ${h.provider}` : '';
  switch (h.kind) {
    case 'day':
      return h.provider
        ? `${cap(h.provider)} tiene estos horarios ${h.day ? dayPhrase(h.day) : ''}${where}:`
        : `Horarios de ${service} ${h.day ? dayPhrase(h.day) : ''}${where}:`;
    case 'nearest':
      return `Los horarios más cercanos de ${service}${withProvider}${where}:`;
    case 'fallback':
      return `No hay nada libre ${h.wish ?? 'entonces'}. Los horarios más cercanos${withProvider} son:`;
    case 'more':
      return `Más horarios de ${service}${withProvider}${where}:`;
    case 'taken':
      return `Lo siento, alguien acaba de reservar esa hora. Estos siguen libres${withProvider}:`;
  }
}

export const es: Catalog = {
  lang: 'es',
  format: {
    weekdays: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
    months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
    clock: '24h',
    am: '',
    pm: '',
    dateOfBirth: (day, month, year) => `${day} ${month} ${year}`,
    list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`),
  },
  vocab: {
    yes: ['si', 'claro', 'vale', 'dale', 'de acuerdo', 'ok', 'okey', 'perfecto', 'por supuesto', 'correcto', 'adelante',
      'esta bien', 'bueno', 'sip', 'si por favor', 'reservala', 'hazlo', 'afirmativo', 'va', 'sale'],
    no: ['no', 'no gracias', 'para nada', 'nel', 'todavia no', 'ahora no'],
    greetings: ['hola', 'buenas', 'buenos dias', 'buenas tardes', 'buenas noches', 'que tal', 'saludos', 'ola'],
    thanks: ['gracias', 'muchas gracias', 'adios', 'chao', 'hasta luego', 'mil gracias', 'nos vemos'],
    help: ['ayuda', 'informacion', 'que puedes hacer', 'como funciona'],
    human: ['persona', 'humano', 'agente', 'recepcion', 'recepcionista', 'hablar con alguien', 'hablar con una persona',
      'persona real', 'hablar con recepcion', 'un humano', 'una persona', 'alguien', 'llamenme', 'llamame',
      'hablar con el personal'],
    menu: ['menu', 'empezar de nuevo', 'volver a empezar', 'inicio', 'opciones', 'reiniciar', 'empezar otra vez'],
    back: ['atras', 'volver', 'regresar', 'anterior', 'volver atras'],
    abandon: ['olvidalo', 'olvidelo', 'dejalo', 'no importa', 'cancela eso', 'mejor no', 'olvida eso', 'dejalo asi'],
    book: ['cita', 'reservar', 'agendar', 'pedir cita', 'turno', 'consulta', 'quiero ver', 'ver al doctor',
      'ver a la doctora', 'necesito ver', 'visita', 'reserva', 'hora', 'citas disponibles', 'pedir hora'],
    appointments: ['mis citas', 'mi cita', 'mis reservas', 'cuando es mi', 'tengo cita', 'tengo alguna cita',
      'proxima cita', 'proximas citas', 'a que hora es mi'],
    reschedule: ['cambiar', 'reprogramar', 'mover', 'aplazar', 'otra hora', 'cambiar la hora', 'cambiar mi cita',
      'posponer', 'cambio', 'cambiarla', 'moverla'],
    cancel: ['cancelar', 'anular', 'cancela', 'cancelo', 'cancelacion', 'anula', 'cancelar mi cita', 'cancelarla'],
    confirm: ['confirmo', 'confirmar', 'confirmada', 'confirmado', 'alli estare', 'ahi estare', 'si confirmo', 'alli nos vemos'],
    cantMakeIt: ['no puedo ir', 'no podre ir', 'no puedo asistir', 'no voy a poder', 'no podre asistir', 'no puedo venir',
      'no podre venir', 'no llego'],
    late: ['llego tarde', 'llegare tarde', 'voy tarde', 'voy a llegar tarde', 'retraso', 'me retraso', 'retrasado',
      'retrasada', 'unos minutos tarde'],
    anyProvider: ['cualquiera', 'el primero disponible', 'primero disponible', 'me da igual', 'da igual', 'quien sea',
      'cualquier doctor', 'cualquier medico', 'sin preferencia', 'el que sea', 'cualquier doctora'],
    moreTimes: ['mas horarios', 'otros horarios', 'mas', 'otras horas', 'mas tarde', 'ninguno', 'ninguna',
      'otras opciones', 'otro horario', 'mas temprano'],
    anotherDay: ['otro dia', 'otra fecha', 'dia diferente', 'otro dia diferente', 'fecha diferente'],
    waitlist: ['lista de espera', 'en lista de espera'],
    correction: ['mejor', 'en realidad', 'prefiero', 'cambia a', 'y si', 'que tal', 'mas bien', 'no espera',
      'quise decir', 'en vez de', 'en lugar de', 'mejor con'],
    ordinals: [['primero', 'primera', '1ro', '1ra', 'uno', 'una', '1o', '1a'], ['segundo', 'segunda', '2do', '2da', 'dos'],
      ['tercero', 'tercera', 'tercer', '3ro', '3ra', 'tres'], ['cuarto', 'cuarta', 'cuatro'], ['quinto', 'quinta', 'cinco'],
      ['sexto', 'sexta', 'seis'], ['septimo', 'septima', 'siete'], ['octavo', 'octava', 'ocho'], ['noveno', 'novena', 'nueve'],
      ['decimo', 'decima', 'diez']],
    last: ['ultimo', 'ultima', 'el ultimo', 'la ultima'],
    fillers: ['el', 'la', 'lo', 'opcion', 'numero', 'por', 'favor', 'quiero', 'de', 'una', 'uno', 'me', 'quedo', 'con', 'elijo'],
    languageNames: ['espanol', 'spanish', 'in spanish', 'en espanol', 'castellano'],
    markers: ['hola', 'quiero', 'necesito', 'cita', 'para', 'con', 'el', 'la', 'los', 'las', 'mi', 'una', 'por', 'favor',
      'gracias', 'manana', 'tarde', 'de', 'que', 'es', 'buenos', 'buenas', 'dias', 'lunes', 'martes', 'miercoles', 'jueves',
      'viernes', 'sabado', 'domingo', 'si', 'hijo', 'hija', 'puedo', 'tengo', 'cuando', 'donde', 'semana', 'y', 'del',
      'al', 'mejor', 'hoy', 'quisiera', 'podria'],
    services: {
      'new-patient': ['primera vez', 'primera visita', 'primera consulta', 'paciente nuevo', 'nuevo paciente', 'soy nuevo',
        'soy nueva', 'nunca he ido', 'paciente nueva'],
      'follow-up': ['seguimiento', '~revision', '~control', 'consulta de seguimiento', 'resultados', 'revisar resultados'],
      'annual-physical': ['chequeo', 'chequeo anual', 'examen fisico', 'examen anual', 'revision anual',
        'reconocimiento medico', 'chequeo general', 'examen fisico anual'],
      vaccination: ['vacuna', 'vacunas', 'vacunar', 'vacunacion', 'vacunarse', 'vacunarme', 'inyeccion', 'refuerzo',
        'vacuna de la gripe'],
      'skin-check': ['piel', 'lunar', 'lunares', 'mancha', 'manchas', 'dermatologo', 'dermatologa', 'dermatologia',
        'sarpullido', 'acne', 'revision de la piel', 'revision de piel'],
      telehealth: ['video', 'videollamada', 'videoconsulta', 'en linea', 'online', 'telemedicina', 'virtual', 'a distancia',
        'consulta por video'],
      physio: ['fisio', 'fisioterapia', 'fisioterapeuta', 'dolor de espalda', 'rehabilitacion', 'lesion', 'dolor de rodilla'],
    },
    titles: ['dr', 'dra', 'doctor', 'doctora', 'doc'],
    partsOfDay: {
      morning: ['por la manana', 'en la manana', 'de la manana', 'a la manana', 'temprano', 'mananas', 'por las mananas'],
      afternoon: ['por la tarde', 'en la tarde', 'de la tarde', 'a la tarde', 'tarde', 'tardes', 'por las tardes'],
      evening: ['por la noche', 'en la noche', 'de la noche', 'noche'],
    },
    todayParts: { morning: ['esta manana'], afternoon: ['esta tarde'], evening: ['esta noche'] },
    after: ['despues de las', 'despues de la', 'despues del', 'despues de', 'a partir de las', 'a partir de la', 'a partir de',
      'desde las', 'desde la', 'mas tarde de las'],
    asap: ['lo antes posible', 'cuanto antes', 'lo mas pronto', 'cualquier dia', 'lo primero disponible', 'pronto',
      'cuando sea', 'lo mas pronto posible'],
    nextWeek: ['la semana que viene', 'la proxima semana', 'proxima semana', 'semana que viene', 'la semana proxima'],
    thisWeek: ['esta semana'],
    weekend: ['fin de semana', 'el finde', 'finde'],
    dayAfterTomorrow: ['pasado manana'],
    greetingTimes: ['buenos dias', 'buenas tardes', 'buenas noches'],
    months: [['ene', 'enero'], ['feb', 'febrero'], ['mar', 'marzo'], ['abr', 'abril'], ['may', 'mayo'], ['jun', 'junio'],
      ['jul', 'julio'], ['ago', 'agosto'], ['sep', 'sept', 'septiembre', 'setiembre'], ['oct', 'octubre'], ['nov', 'noviembre'],
      ['dic', 'diciembre']],
    namePrefixes: ['me llamo', 'mi nombre es', 'mi nombre completo es', 'soy', 'nombre'],
  },

  provider,
  dayPhrase,
  partOfDay: (part) => ({ morning: 'por la mañana', afternoon: 'por la tarde', evening: 'por la noche' })[part],
  after: (time) => `después de las ${time}`,

  greeting: (firstName) => (firstName ? `¡Hola ${firstName}! ` : '¡Hola! '),
  menuPrompt: (firstName, greet) => `${greet ? (firstName ? `¡Hola ${firstName}! ` : '¡Hola! ') : ''}¿En qué puedo ayudarte hoy?`,
  menu: { book: 'Pedir cita', appointments: 'Mis citas', reschedule: 'Cambiar cita', cancel: 'Cancelar cita', staff: 'Hablar con recepción' },
  anythingElse: '¿Algo más en lo que pueda ayudarte?',
  welcomeBack: (firstName) => `Hola${firstName ? ` ${firstName}` : ''}, ¡ya estoy de vuelta! ¿En qué puedo ayudarte?`,
  notUnderstood: 'Perdona, no te he entendido.',
  notUnderstoodMenu: 'Perdona, no te he entendido. Puedo pedir, cambiar o cancelar citas.',
  lostTrack: 'Perdona, perdí el hilo de nuestra conversación — empecemos de nuevo.',
  apology: 'Perdona, algo ha fallado por mi parte. ¿Puedes repetirlo?',
  somethingWrong: (phone) => `Perdona, algo ha fallado por nuestra parte. Inténtalo de nuevo en un momento o llámanos al ${phone}.`,
  youreWelcome: '¡De nada! Escríbeme cuando quieras.',
  okay: '¡Vale! Escríbeme cuando quieras.',
  dropped: 'Vale, lo dejamos.',
  help: (clinic, phone) =>
    `Soy el asistente de ${clinic}. Puedo pedir, cambiar o cancelar citas — dime qué necesitas. ` +
    `Para hablar con una persona, escribe "recepción" o llama al ${phone}. Responde STOP o BAJA para no recibir más mensajes.`,
  handoff: (phone) => `Le pido a alguien de recepción que te ayude — te responderán aquí en breve. También puedes llamarnos al ${phone}.`,
  optedOut: (clinic) => `No recibirás más mensajes de ${clinic}. Responde START o INICIO para volver a recibirlos.`,
  optedIn: (clinic) => `¡Bienvenido de nuevo! Volverás a recibir mensajes de ${clinic}. ¿En qué puedo ayudarte?`,
  languageSwitched: 'Claro, seguimos en español.',

  askService: (forProvider) => (forProvider ? `¿Para qué es la cita con ${forProvider}?` : '¿Para qué es la cita?'),
  somethingElse: 'Otra cosa',
  askProvider: (service) => `¿Te vale cualquier médico para ${service.toLowerCase()}, o prefieres a alguien en concreto?`,
  firstAvailable: 'El primero disponible',
  onlyProvider: (p, service) => `${cap(p)} se encarga de ${service.toLowerCase()}.`,
  askDay: '¿Qué día te viene bien? Puedes escribir cosas como "mañana por la mañana" o "lun 30 nov".',
  askDayReschedule: (current, p) =>
    `Tu cita es el ${current} con ${p}. ¿Qué día prefieres? Puedes escribir cosas como "el viernes por la tarde".`,
  invalidDate: 'Esa fecha no existe.',
  newPatientOnly: (service, alternative) =>
    `${service} es para pacientes que vienen por primera vez, y ya has estado con nosotros.` +
    (alternative ? ` ¿Busco ${alternative.toLowerCase()} en su lugar?` : ' ¿Qué te gustaría reservar?'),
  yesService: (service) => `Sí, ${service.toLowerCase()}`,
  providerDoesNotOffer: (p, service, others) => {
    const base = `${cap(p)} no hace ${service.toLowerCase()}.`;
    if (others.length === 0) return `${base} ¿Qué quieres reservar con ${p}?`;
    if (others.length === 1) return `${base} ${cap(others[0]!)} sí — ¿busco una hora con ${others[0]}?`;
    return `${base} ${cap(es.format.list(others))} sí — ¿con quién prefieres?`;
  },
  yesProvider: (p) => `Sí, ${p}`,
  unknownProvider: (name) => `No encuentro a ${name} en nuestra clínica.`,
  slotsHeader,
  otherTimes: 'Más horarios',
  anotherDay: 'Otro día',
  joinWaitlist: 'Lista de espera',
  noMoreTimes: 'No encuentro más horarios en la semana siguiente.',
  waitlistOffer: (service, p, from, to) =>
    `Lo siento, no hay nada libre para ${service.toLowerCase()}${p ? ` con ${p}` : ''} entre el ${from} y el ${to}. ` +
    '¿Te apunto en la lista de espera? Te escribiré si se libera una hora.',
  yesWaitlist: 'Sí, apúntame',
  waitlistJoined: (from, to) => `Estás en la lista de espera ✅ Te escribiré si se libera algo entre el ${from} y el ${to}.`,
  slotTaken: 'Lo siento, alguien acaba de reservar esa hora.',
  holding: (time, minutes) => (minutes ? `Te guardo las ${time} durante ${minutes} minutos.` : `Te guardo las ${time}.`),
  askName: '¿Cuál es tu nombre completo?',
  badName: 'Perdona, eso no parece un nombre. ¿Cuál es tu nombre completo? Por ejemplo "Ana López".',
  askDob: '¿Y tu fecha de nacimiento? Por ejemplo 12/03/1985 o "12 marzo 1985".',
  badDob: (problem) =>
    ({
      unreadable: 'Perdona, no he entendido la fecha. ¿Cuál es tu fecha de nacimiento? Por ejemplo 12/03/1985 o "12 marzo 1985".',
      impossible: 'Esa fecha no existe. ¿Puedes revisar tu fecha de nacimiento? Por ejemplo 12/03/1985.',
      future: 'Esa fecha es futura. ¿Cuál es tu fecha de nacimiento? Por ejemplo 12/03/1985.',
      too_old: '¿Puedes revisar el año de tu fecha de nacimiento? Por ejemplo 12/03/1985.',
    })[problem],
  summary: (p) => {
    const place = p.place ? `, ${p.place}` : ', por video';
    const who = p.patientName ? ` para ${p.patientName}${p.dateOfBirth ? ` (nacimiento: ${p.dateOfBirth})` : ''}` : '';
    const details = `${p.when} con ${p.providerFull} — ${p.service} (${p.minutes} min)${place}${who}`;
    const question = p.rescheduleFrom
      ? `¿${p.lapsed ? 'Intento cambiar' : 'Cambio'} tu cita del ${p.rescheduleFrom} a esta hora?`
      : `¿${p.lapsed ? 'Intento reservarla' : 'La reservo'}?`;
    return p.lapsed
      ? `Tu reserva temporal ha caducado, pero puede que la hora siga libre: el ${details}. ${question}`
      : `Te guardo el ${details}. ${question}`;
  },
  yesBook: 'Sí, resérvala',
  yesMove: 'Sí, cámbiala',
  no: 'No',
  holdLapsed: (time) => `Aviso: la reserva temporal de las ${time} ha caducado. Sigamos y la intentaré recuperar cuando confirmes.`,
  confirmAgain: '¿Lo intento otra vez?',
  booked: (p) => {
    const lead = p.rescheduled ? 'Hecho ✅ Tu cita ahora es el' : 'Cita reservada ✅';
    const where = p.place ? ` en ${p.place}.` : p.videoLink ? ` por video.\nEntra aquí: ${p.videoLink}` : ' por video.';
    const calendar = p.calendarLink ? `\nAñadir al calendario: ${p.calendarLink}` : '';
    return `${lead} ${p.range} con ${p.provider}${where}${calendar}\nEscríbeme cuando quieras para cambiarla.`;
  },
  bookFailed: (phone) => `Lo siento, no he podido reservarla. Prueba otra hora o llámanos al ${phone}.`,
  notAllowed: (phone) => `Lo siento, eso no puedo hacerlo por aquí. Llámanos al ${phone} y lo resolvemos.`,

  noAppointments: 'No tienes citas próximas.',
  appointmentsList: (lines) => `Tus próximas citas:\n${lines.map((line) => `• ${line}`).join('\n')}`,
  appointmentLine: (when, service, p, place) => `${when} — ${service} con ${p}${place ? ` (${place})` : ' (por video)'}`,
  whichToCancel: '¿Qué cita quieres cancelar?',
  whichToReschedule: '¿Qué cita quieres cambiar?',
  cancelConfirm: (when, p) => `¿Cancelo la cita del ${when} con ${p}?`,
  yesCancel: 'Sí, cancelar',
  noKeep: 'No, mantenerla',
  keptIt: 'Vale, mantengo tu cita.',
  cancelled: (when, p, late) =>
    `Hecho — tu cita del ${when} con ${p} está cancelada.` +
    (late ? ' Como faltaba menos de un día, puede aplicarse nuestra política de cancelación tardía.' : ''),
  rebookOffer: '¿Quieres reservar otra hora?',
  bookAgain: 'Reservar otra hora',
  noThanks: 'No, gracias',
  notFound: 'No encuentro esa cita — puede que ya haya cambiado.',

  confirmed: (when, p) => `Gracias, tu cita del ${when} con ${p} está confirmada. ¡Hasta entonces!`,
  changeOrCancel: (when, p) => `No pasa nada. ¿Quieres cambiar la hora de tu cita del ${when} con ${p} o cancelarla?`,
  changeTime: 'Cambiar la hora',
  reminderPrompt: (when, p) => `Tu cita es el ${when} con ${p}. ¿Quieres confirmarla, cambiar la hora o cancelarla?`,
  reminder: (day, time, p, place) => `Recordatorio: ${p}, ${day} a las ${time}, ${place ?? 'por video'}.`,
  video: 'video',
  reminderChoices: { confirm: 'Confirmar', change: 'Cambiar la hora', cancel: 'Cancelar cita' },

  slotOffer: (p) =>
    `¡Buenas noticias! Se liberó un horario: el ${p.when} con ${p.provider} — ${p.service}, ${p.place ?? 'por video'}. ` +
    `Te lo guardo durante ${p.minutes} minutos. ¿Lo quieres?`,
  offerDeclined: 'Sin problema: sigues en la lista de espera y te escribiré si se libera otro horario.',
  offerGone: 'Lo siento, ese horario ya no está disponible. Sigues en la lista de espera: te escribiré si se libera otro.',
};
