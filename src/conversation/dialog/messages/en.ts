import type { Catalog, SlotsHeader } from './catalog.js';

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function dayPhrase(day: { relative: 'today' | 'tomorrow' | null; day: string }): string {
  if (day.relative === 'today') return `today, ${day.day}`;
  if (day.relative === 'tomorrow') return `tomorrow, ${day.day}`;
  return `on ${day.day}`;
}

function slotsHeader(h: SlotsHeader): string {
  const where = h.video ? ' (video)' : h.place ? ` (${h.place})` : '';
  const service = h.service.toLowerCase();
  const withProvider = h.provider ? ` with ${h.provider}` : '';
  switch (h.kind) {
    case 'day':
      return h.provider
        ? `${h.provider} has these ${service} times ${h.day ? dayPhrase(h.day) : ''}${where}:`
        : `${cap(service)} times ${h.day ? dayPhrase(h.day) : ''}${where}:`;
    case 'nearest':
      return `The nearest ${service} times${withProvider}${where}:`;
    case 'fallback':
      return `Nothing free ${h.wish ?? 'then'}. The nearest times${withProvider} are:`;
    case 'more':
      return `More ${service} times${withProvider}${where}:`;
    case 'taken':
      return `Sorry, that time was just taken. These are still free${withProvider}:`;
  }
}

export const en: Catalog = {
  lang: 'en',
  format: {
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    clock: '12h',
    am: 'am',
    pm: 'pm',
    dateOfBirth: (day, month, year) => `${day} ${month} ${year}`,
    list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`),
  },
  vocab: {
    yes: ['y', 'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'ok', 'okay', 'k', 'kk', 'sure', 'of course', 'please', 'yes please',
      'please do', 'go ahead', 'do it', 'correct', 'right', 'book it', 'sounds good', 'perfect', 'great', 'absolutely',
      'definitely', 'alright', 'all right', 'fine', 'good'],
    no: ['n', 'no', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', 'dont', 'negative', 'not now'],
    greetings: ['hi', 'hello', 'hey', 'hiya', 'howdy', 'good morning', 'good afternoon', 'good evening', 'hi there',
      'hey there', 'greetings', 'yo'],
    thanks: ['thanks', 'thank you', 'thx', 'ty', 'cheers', 'bye', 'goodbye', 'thank u', 'thanks a lot', 'many thanks', 'see you'],
    help: ['help', 'info', 'information', 'what can you do', 'how does this work', 'commands'],
    human: ['human', 'agent', 'person', 'staff', 'reception', 'someone', 'talk to someone', 'speak to someone',
      'talk to a person', 'speak to a person', 'real person', 'talk to staff', 'speak to staff', 'front desk',
      'receptionist', 'live agent', 'talk to a human', 'speak to a human', 'a human', 'an agent', 'call me',
      'representative', 'operator', 'talk to somebody'],
    menu: ['menu', 'main menu', 'start over', 'restart', 'start again', 'options', 'home'],
    back: ['back', 'go back', 'previous', 'undo'],
    abandon: ['cancel that', 'never mind', 'nevermind', 'forget it', 'forget that', 'nvm', 'dont bother', 'scrap that'],
    book: ['book', 'booking', 'appointment', 'appt', 'schedule', 'make an appointment', 'see a doctor', 'see the doctor',
      'see dr', 'visit', 'consultation', 'slot', 'available', 'availability', 'need to see', 'can i see', 'come in',
      'get in', 'reserve'],
    appointments: ['my appointments', 'my appointment', 'my appt', 'my appts', 'my bookings', 'my booking', 'upcoming',
      'when is my', 'what time is my', 'do i have', 'appointments', 'next appointment'],
    reschedule: ['reschedule', 'change my appointment', 'change the time', 'change time', 'change it', 'move my appointment',
      'move it', 'different time', 'rebook', 'postpone', 'change appointment', 'change', 'move', 'reschedule my appointment'],
    cancel: ['cancel', 'cancel my appointment', 'cancel appointment', 'cancellation', 'call off'],
    confirm: ['confirm', 'confirmed', 'i confirm', 'ill be there', 'will be there', 'see you then', 'i will be there',
      'im coming', 'yes confirm'],
    cantMakeIt: ['cant make it', 'cannot make it', 'cant come', 'cannot come', 'wont make it', 'cant go', 'unable to come',
      'cant attend', 'wont be able', 'unable to make it', 'not able to make it'],
    late: ['late', 'running late', 'delayed', 'be late', 'minutes late', 'min late', 'stuck in traffic', 'bit late'],
    anyProvider: ['first available', 'anyone', 'any doctor', 'anybody', 'any', 'no preference', 'doesnt matter', 'dont mind',
      'whoever', 'any provider', 'either', 'anyone is fine', 'any is fine'],
    moreTimes: ['other times', 'more times', 'more', 'later', 'later times', 'something later', 'other options',
      'more options', 'next', 'none of these', 'none of those', 'none', 'earlier', 'other time'],
    anotherDay: ['another day', 'different day', 'other day', 'other days', 'another date', 'different date'],
    waitlist: ['waitlist', 'wait list', 'waiting list', 'join waitlist', 'join the waitlist'],
    correction: ['actually', 'instead', 'rather', 'better', 'make it', 'change to', 'change it to', 'how about', 'what about',
      'can we do', 'switch to', 'prefer', 'no wait', 'i meant', 'sorry i meant'],
    ordinals: [['first', '1st', 'one'], ['second', '2nd', 'two'], ['third', '3rd', 'three'], ['fourth', '4th', 'four'],
      ['fifth', '5th', 'five'], ['sixth', '6th', 'six'], ['seventh', '7th', 'seven'], ['eighth', '8th', 'eight'],
      ['ninth', '9th', 'nine'], ['tenth', '10th', 'ten']],
    last: ['last', 'last one'],
    fillers: ['the', 'one', 'option', 'number', 'num', 'nr', 'please', 'pls', 'choice', 'i', 'want', 'ill', 'take', 'like',
      'would', 'id', 'go', 'with', 'for', 'me', 'that', 'it', 'lets', 'do', 'pick', 'choose'],
    languageNames: ['english', 'ingles', 'in english', 'en ingles'],
    markers: ['the', 'i', 'want', 'need', 'appointment', 'please', 'with', 'can', 'to', 'my', 'for', 'book', 'hi', 'hello',
      'tomorrow', 'morning', 'afternoon', 'is', 'an', 'and', 'you', 'thanks', 'what', 'when', 'next', 'week', 'would',
      'like', 'see', 'hey', 'yes', 'have', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    services: {
      'new-patient': ['new patient', 'new patient visit', 'first visit', 'first time', 'first appointment', 'never been',
        'new here', 'registration', 'initial consultation', 'initial visit'],
      'follow-up': ['follow up', 'followup', 'follow up visit', '~review', 'results', 'test results', 'go over results', 'recheck'],
      'annual-physical': ['annual physical', 'physical', 'checkup', 'check up', 'annual exam', 'annual checkup',
        'yearly checkup', 'physical exam', 'wellness exam', 'general checkup'],
      vaccination: ['vaccination', 'vaccine', 'vaccines', 'vaccinate', 'vaccinated', 'shot', 'shots', 'jab', 'jabs',
        'flu shot', 'immunization', 'immunisation', 'booster', 'flu jab'],
      'skin-check': ['skin check', 'skin', 'mole', 'moles', 'rash', 'dermatology', 'dermatologist', 'derm', 'eczema', 'acne',
        'skin cancer'],
      telehealth: ['telehealth', 'video', 'video call', 'online', 'virtual', 'telemedicine', 'remote', 'zoom', 'video consult',
        'video visit'],
      physio: ['physio', 'physiotherapy', 'physical therapy', 'physical therapist', 'pt', 'back pain', 'neck pain',
        'sports injury', 'rehab', 'knee pain', 'shoulder pain'],
    },
    titles: ['dr', 'doctor', 'doc', 'dra', 'doctora', 'drs'],
    partsOfDay: {
      morning: ['morning', 'in the morning', 'mornings'],
      afternoon: ['afternoon', 'in the afternoon', 'afternoons', 'after lunch'],
      evening: ['evening', 'in the evening', 'evenings', 'after work', 'night'],
    },
    todayParts: { morning: ['this morning'], afternoon: ['this afternoon'], evening: ['this evening', 'tonight'] },
    after: ['any time after', 'anytime after', 'not before', 'later than', 'after', 'from', 'past'],
    asap: ['asap', 'as soon as possible', 'soonest', 'earliest', 'first available', 'any day', 'anytime', 'any time',
      'whenever', 'soon', 'next available', 'earliest possible'],
    nextWeek: ['next week'],
    thisWeek: ['this week'],
    weekend: ['weekend', 'this weekend'],
    dayAfterTomorrow: ['day after tomorrow', 'the day after tomorrow'],
    greetingTimes: ['good morning', 'good afternoon', 'good evening'],
    months: [['jan', 'january'], ['feb', 'february'], ['mar', 'march'], ['apr', 'april'], ['may'], ['jun', 'june'],
      ['jul', 'july'], ['aug', 'august'], ['sep', 'sept', 'september'], ['oct', 'october'], ['nov', 'november'],
      ['dec', 'december']],
    namePrefixes: ['my name is', 'my full name is', 'name is', 'im', 'i am', 'its', 'it is', 'this is', 'name'],
  },

  provider: (shortName) => shortName,
  dayPhrase,
  partOfDay: (part) => ({ morning: 'in the morning', afternoon: 'in the afternoon', evening: 'in the evening' })[part],
  after: (time) => `after ${time}`,

  greeting: (firstName) => (firstName ? `Hi ${firstName}! ` : 'Hi! '),
  menuPrompt: (firstName, greet) => `${greet ? (firstName ? `Hi ${firstName}! ` : 'Hi! ') : ''}What can I do for you today?`,
  menu: { book: 'Book', appointments: 'My appointments', reschedule: 'Reschedule', cancel: 'Cancel appointment', staff: 'Talk to staff' },
  anythingElse: 'Anything else I can help with?',
  welcomeBack: (firstName) => `Hi${firstName ? ` ${firstName}` : ''}, I'm back! What can I do for you?`,
  notUnderstood: "Sorry, I didn't catch that.",
  notUnderstoodMenu: "Sorry, I didn't catch that. I can book, change or cancel appointments.",
  lostTrack: "Sorry, I lost track of our conversation — let's start again.",
  apology: 'Sorry, something went wrong on my side. Could you say that again?',
  somethingWrong: (phone) => `Sorry, something went wrong on our side. Please try again in a moment, or call us on ${phone}.`,
  youreWelcome: "You're welcome! Message me any time.",
  okay: 'Okay! Message me any time.',
  dropped: "Okay, I've dropped that.",
  help: (clinic, phone) =>
    `I'm the ${clinic} assistant. I can book, change or cancel appointments — just tell me what you need. ` +
    `To reach a person, say "staff" or call ${phone}. Reply STOP to opt out.`,
  handoff: (phone) => `Let me get someone from the front desk to help — they'll reply here shortly. You can also call us on ${phone}.`,
  optedOut: (clinic) => `You won't get more messages from ${clinic}. Reply START to resume.`,
  optedIn: (clinic) => `Welcome back! You'll get messages from ${clinic} again. What can I do for you?`,
  languageSwitched: "Sure, I'll continue in English.",

  askService: (forProvider) => (forProvider ? `What is the visit with ${forProvider} for?` : 'What is it for?'),
  somethingElse: 'Something else',
  askProvider: (service) => `Any doctor is fine for the ${service.toLowerCase()}, or someone in particular?`,
  firstAvailable: 'First available',
  onlyProvider: (provider, service) => `${provider} does our ${service.toLowerCase()}s.`,
  askDay: 'Which day suits you? You can write things like "tomorrow morning" or "Mon 30 Nov".',
  askDayReschedule: (current, provider) =>
    `Your appointment is ${current} with ${provider}. Which day would you like instead? You can write things like "Friday afternoon".`,
  invalidDate: "That date doesn't exist.",
  newPatientOnly: (service, alternative) =>
    `${service} is for first-time patients, and you've been with us before.` +
    (alternative ? ` Shall I look for a ${alternative.toLowerCase()} instead?` : ' What would you like to book instead?'),
  yesService: (service) => `Yes, ${service.toLowerCase()}`,
  providerDoesNotOffer: (provider, service, others) => {
    const base = `${provider} doesn't do ${service.toLowerCase()}s.`;
    if (others.length === 0) return `${base} What would you like to book with ${provider}?`;
    if (others.length === 1) return `${base} ${others[0]} does — shall I look for a time with ${others[0]}?`;
    return `${base} ${en.format.list(others)} do — who would you like?`;
  },
  yesProvider: (provider) => `Yes, ${provider}`,
  unknownProvider: (name) => `I couldn't find ${name} at our clinic.`,
  slotsHeader,
  otherTimes: 'Other times',
  anotherDay: 'Another day',
  joinWaitlist: 'Join waitlist',
  noMoreTimes: "I couldn't find more times in the following week.",
  waitlistOffer: (service, provider, from, to) =>
    `Sorry, nothing is free for a ${service.toLowerCase()}${provider ? ` with ${provider}` : ''} between ${from} and ${to}. ` +
    "Shall I add you to the waitlist? I'll message you if a time opens up.",
  yesWaitlist: 'Yes, add me',
  waitlistJoined: (from, to) => `You're on the waitlist ✅ I'll message you if something opens up between ${from} and ${to}.`,
  slotTaken: 'Sorry, that time was just taken.',
  holding: (time, minutes) => (minutes ? `I'm holding ${time} for ${minutes} minutes.` : `I'm holding ${time} for you.`),
  askName: "What's your full name?",
  badName: 'Sorry, that doesn\'t look like a name. What\'s your full name? For example "Ana López".',
  askDob: 'And your date of birth? For example 03/12/1985 or "March 12 1985".',
  badDob: (problem) =>
    ({
      unreadable: 'Sorry, I couldn\'t read that date. What\'s your date of birth? For example 03/12/1985 or "March 12 1985".',
      impossible: "That date doesn't exist. Could you check your date of birth? For example 03/12/1985.",
      future: "That date is in the future. What's your date of birth? For example 03/12/1985.",
      too_old: 'Could you check the year of your date of birth? For example 03/12/1985.',
    })[problem],
  summary: (p) => {
    const place = p.place ? `, ${p.place}` : ', by video';
    const who = p.patientName ? ` for ${p.patientName}${p.dateOfBirth ? ` (born ${p.dateOfBirth})` : ''}` : '';
    const details = `${p.when} with ${p.providerFull} — ${p.service} (${p.minutes} min)${place}${who}`;
    const question = p.rescheduleFrom
      ? `Shall I ${p.lapsed ? 'try to ' : ''}move your appointment from ${p.rescheduleFrom} to this time?`
      : `Shall I ${p.lapsed ? 'try to ' : ''}book it?`;
    return p.lapsed
      ? `Your hold has lapsed, but the time may still be free: ${details}. ${question}`
      : `Holding ${details}. ${question}`;
  },
  yesBook: 'Yes, book it',
  yesMove: 'Yes, move it',
  no: 'No',
  holdLapsed: (time) => `Heads up: the hold on ${time} has lapsed. Carry on and I'll try to get it again when you confirm.`,
  confirmAgain: 'Shall I try again?',
  booked: (p) => {
    const lead = p.rescheduled ? 'Done ✅ Your appointment is now' : "You're booked ✅";
    // Links end their line: a full stop straight after a URL breaks it in some apps.
    const where = p.place ? ` at ${p.place}.` : p.videoLink ? ` by video.\nJoin here: ${p.videoLink}` : ' by video.';
    const calendar = p.calendarLink ? `\nAdd to calendar: ${p.calendarLink}` : '';
    return `${lead} ${p.range} with ${p.provider}${where}${calendar}\nReply any time to change it.`;
  },
  bookFailed: (phone) => `Sorry, I couldn't book that. Please try another time, or call us on ${phone}.`,
  notAllowed: (phone) => `Sorry, I can't do that here. Please call us on ${phone} and we'll sort it out.`,

  noAppointments: 'You have no upcoming appointments.',
  appointmentsList: (lines) => `Your upcoming appointments:\n${lines.map((line) => `• ${line}`).join('\n')}`,
  appointmentLine: (when, service, provider, place) => `${when} — ${service} with ${provider}${place ? ` (${place})` : ' (video)'}`,
  whichToCancel: 'Which appointment would you like to cancel?',
  whichToReschedule: 'Which appointment would you like to change?',
  cancelConfirm: (when, provider) => `Cancel ${when} with ${provider}?`,
  yesCancel: 'Yes, cancel',
  noKeep: 'No, keep it',
  keptIt: "Okay, I've kept your appointment.",
  cancelled: (when, provider, late) =>
    `Done — your appointment on ${when} with ${provider} is cancelled.` +
    (late ? ' As it was less than a day away, our late-cancellation policy may apply.' : ''),
  rebookOffer: 'Would you like to book another time?',
  bookAgain: 'Book another time',
  noThanks: 'No, thanks',
  notFound: "I couldn't find that appointment — it may have changed already.",

  confirmed: (when, provider) => `Thanks, you're confirmed for ${when} with ${provider}. See you then!`,
  changeOrCancel: (when, provider) => `No problem. Would you like to change the time of ${when} with ${provider}, or cancel it?`,
  changeTime: 'Change the time',
  reminderPrompt: (when, provider) => `Your appointment is ${when} with ${provider}. Would you like to confirm it, change the time or cancel it?`,
  reminder: (day, time, provider, place) => `Reminder: ${provider}, ${day} at ${time}, ${place ?? 'by video'}.`,
  video: 'video',
  reminderChoices: { confirm: 'Confirm', change: 'Change the time', cancel: 'Cancel appointment' },

  slotOffer: (p) =>
    `Good news — a time opened up: ${p.when} with ${p.provider} — ${p.service}, ${p.place ?? 'by video'}. ` +
    `I'm holding it for you for ${p.minutes} minutes. Would you like it?`,
  offerDeclined: "No problem — you're still on the waitlist, and I'll message you if another time opens up.",
  offerGone: "Sorry, that time is no longer available. You're still on the waitlist — I'll message you if another opens up.",
};
