import type { Answer, Choice, ReplyTracker } from './reply-tracker.js';
import { type DeliveryStats, deliver, metaWhatsApp, type PatientMessage, type SignedWebhook, twilioSms } from './webhooks.js';

/** What a simulated patient sets out to do, in order. */
export type Goal = 'book' | 'cancel' | 'reschedule' | 'appointments' | 'stop';

export interface PatientSpec { index: number; phone: string; channel: 'sms' | 'meta'; goals: Goal[]; request: string; name: string }

export interface PatientOutcome {
  spec: PatientSpec;
  sent: number;
  unanswered: number;
  goalsDone: Goal[];
  booked: number;
  /** Messages sent after the patient's STOP (they must get no reply). */
  afterStop: string[];
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Iris', 'Jonas', 'Kemi', 'Liam', 'Mei', 'Nadia', 'Omar', 'Priya'];
const LAST = ['Lopez', 'Novak', 'Okafor', 'Smith', 'Tanaka', 'Weber', 'Yilmaz', 'Costa', 'Dubois', 'Haddad', 'Ivanova', 'Kowalski'];
/** Few targets, so many patients race for the same providers, days and rooms. */
const REQUESTS = [
  'follow-up with Dr Patel on Tuesday morning',
  'vaccination with Dr Garcia on Wednesday',
  'physio on Thursday morning',
  'skin check with Dr Khan on Tuesday afternoon',
  'follow-up with Dr Patel on Wednesday afternoon',
];

/** A deterministic mix of patients for a seed: most book, some then cancel, reschedule or look up; a few send STOP. */
export function patientSpecs(count: number, random: () => number): PatientSpec[] {
  return Array.from({ length: count }, (_, index) => {
    const channel = index % 2 === 0 ? 'sms' as const : 'meta' as const;
    const roll = random();
    const goals: Goal[] = channel === 'sms' && roll < 0.08 ? ['stop'] : roll < 0.5 ? ['book'] : roll < 0.68 ? ['book', 'cancel'] : roll < 0.86 ? ['book', 'reschedule'] : ['book', 'appointments'];
    const phone = channel === 'sms' ? `+1917555${String(index).padStart(4, '0')}` : `+1646555${String(index).padStart(4, '0')}`;
    return { index, phone, channel, goals, request: REQUESTS[Math.floor(random() * REQUESTS.length)]!, name: `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}` };
  });
}

export interface PatientContext {
  tracker: ReplyTracker;
  apiUrls(): string[];
  stats: DeliveryStats;
  random(): number;
  /** No new message is started after this (ms epoch). */
  deadline: number;
  answerTimeoutMs: number;
  maxTurns: number;
  /** Every webhook the load generator delivered, for the checks. */
  sent: { providerMessageId: string; phone: string; afterStop: boolean }[];
}

/**
 * One patient chatting: sends a message, waits for the bot's answer as the fakes received it, and
 * answers the way a person pursuing its goals would (numbers on SMS, taps on WhatsApp).
 */
export async function runPatient(spec: PatientSpec, ctx: PatientContext): Promise<PatientOutcome> {
  const outcome: PatientOutcome = { spec, sent: 0, unanswered: 0, goalsDone: [], booked: 0, afterStop: [] };
  const goals = [...spec.goals];
  let stopped = false;

  const send = async (message: PatientMessage): Promise<Answer | null> => {
    const webhook: SignedWebhook = spec.channel === 'sms'
      ? twilioSms(spec.phone, 'text' in message ? message.text : message.choice.title)
      : metaWhatsApp(spec.phone, message);
    ctx.sent.push({ providerMessageId: webhook.providerMessageId, phone: spec.phone, afterStop: stopped });
    outcome.sent += 1;
    const answered = ctx.tracker.answerTo(webhook.providerMessageId, ctx.answerTimeoutMs);
    if (!(await deliver(webhook, ctx.apiUrls, ctx.stats, ctx.random, ctx.deadline + ctx.answerTimeoutMs))) return null;
    const answer = await answered;
    if (!answer) outcome.unanswered += 1;
    return answer;
  };
  const choose = (answer: Answer, pick: (c: Choice) => boolean = () => true): PatientMessage | null => {
    const index = answer.choices.findIndex(pick);
    if (index < 0) return null;
    const choice = answer.choices[index]!;
    return spec.channel === 'sms' ? { text: String(index + 1) } : { choice: { id: choice.id, title: choice.label, list: answer.list } };
  };
  const opener = (goal: Goal): PatientMessage => ({
    text: { book: spec.request, cancel: 'cancel my appointment', reschedule: 'reschedule my appointment', appointments: 'my appointments', stop: 'hello' }[goal],
  });

  let next: PatientMessage | null = opener(goals[0]!);
  for (let turn = 0; turn < ctx.maxTurns && next && Date.now() < ctx.deadline; turn++) {
    const answer = await send(next);
    const goal = goals[0];
    if (goal === 'stop' && !stopped) {
      // Hello first, then STOP, then a message that must get no reply.
      if (outcome.sent === 1) { next = { text: 'STOP' }; continue; }
      stopped = true;
      outcome.goalsDone.push('stop');
      const after = await sendAfterStop();
      if (after) outcome.afterStop.push(after);
      break;
    }
    if (!answer) { next = { text: 'menu' }; continue; }
    const text = answer.texts.join('\n');
    const done = (g: Goal) => { outcome.goalsDone.push(g); goals.shift(); return goals[0] ? opener(goals[0]) : null; };
    if (/You're booked ✅/.test(text)) { outcome.booked += 1; next = goal === 'book' ? done('book') : done(goal ?? 'book'); continue; }
    if (/Done ✅ Your appointment is now/.test(text)) { next = done('reschedule'); continue; }
    if (/is cancelled/.test(text)) { next = done('cancel'); continue; }
    if (/Your upcoming appointments|You have no upcoming appointments/.test(text) && goal === 'appointments') { next = done('appointments'); continue; }
    next = respond(text, answer, goal ?? 'book', choose);
  }
  return outcome;

  async function sendAfterStop(): Promise<string | null> {
    const webhook = spec.channel === 'sms' ? twilioSms(spec.phone, 'book a follow-up please') : metaWhatsApp(spec.phone, { text: 'book a follow-up please' });
    ctx.sent.push({ providerMessageId: webhook.providerMessageId, phone: spec.phone, afterStop: true });
    outcome.sent += 1;
    return (await deliver(webhook, ctx.apiUrls, ctx.stats, ctx.random, ctx.deadline + ctx.answerTimeoutMs)) ? webhook.providerMessageId : null;
  }

  function respond(text: string, answer: Answer, goal: Goal, pick: typeof choose): PatientMessage | null {
    if (/full name\?/.test(text)) return { text: spec.name };
    if (/date of birth\?/.test(text)) return { text: `0${1 + (spec.index % 9)}/1${spec.index % 3}/19${60 + (spec.index % 40)}` };
    if (/Shall I (try to )?(book it|move your appointment)/.test(text) || /Shall I try again\?/.test(text)) return { text: 'yes' };
    if (/^Cancel .*\?$/m.test(text)) return pick(answer, (c) => /^Yes/.test(c.label)) ?? { text: 'yes' };
    if (/waitlist\?/.test(text)) return { text: 'no' };
    if (/Which day (suits you|would you like instead)/.test(text)) return { text: ['Tuesday', 'Wednesday', 'Thursday', 'Friday'][spec.index % 4]! };
    if (/Any doctor is fine/.test(text)) return pick(answer, (c) => /First available/.test(c.label)) ?? pick(answer);
    if (/Would you like to book another time\?/.test(text)) return pick(answer, (c) => /No, thanks/.test(c.label)) ?? { text: 'no thanks' };
    if (/What can I do for you|Anything else/.test(text)) {
      const label = { book: /^Book/, cancel: /^Cancel/, reschedule: /^Reschedule/, appointments: /^My appointments/, stop: /^$/ }[goal];
      return pick(answer, (c) => label.test(c.label)) ?? { text: 'menu' };
    }
    // Offered times (or anything else with choices): take the first — everybody races for the earliest.
    if (answer.choices.length > 0) return pick(answer, (c) => !/Other times|Another day|Join waitlist|Talk to staff|Something else/.test(c.label)) ?? pick(answer);
    return { text: 'menu' };
  }
}
