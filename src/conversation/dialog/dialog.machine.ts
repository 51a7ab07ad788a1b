import { and, assign, setup } from 'xstate';
import type { Understanding } from './nlu/understand.js';
import type { EffectResult } from './types.js';
import * as appointments from './machine/actions/appointments.js';
import * as book from './machine/actions/book.js';
import * as details from './machine/actions/details.js';
import * as draft from './machine/actions/draft.js';
import * as hold from './machine/actions/hold.js';
import * as reminder from './machine/actions/reminder.js';
import * as search from './machine/actions/search.js';
import * as waitlist from './machine/actions/waitlist.js';
import * as waitlistOffer from './machine/actions/waitlist-offer.js';
import * as session from './machine/actions/session.js';
import { type DialogContext, initialContext, type MachineEvent, messageOf, resultOf } from './machine/context.js';
import { guards } from './machine/guards.js';
import { catalog, withLead } from './machine/outbox.js';
import { ask, askAgain } from './machine/prompts.js';

/**
 * The conversation as a state machine. Every action is an `assign` over plain data: replies and
 * effects are collected in `context.outbox`, so XState's pure `transition()` computes a whole turn
 * with no side effects and nothing but JSON in the snapshot.
 *
 * Shape: `active` (idle, booking, appointments, cancel, reschedule, reminder, changeOrCancel),
 * `handoff` (staff have the conversation; the bot is quiet) and `optedOut` (silent until START).
 * A child state handles the messages that answer its question; anything else bubbles up to
 * `active`, which routes new requests or counts a miss.
 */

type Reducer = (ctx: DialogContext, event: MachineEvent) => DialogContext;

const act = (fn: Reducer) =>
  assign<DialogContext, MachineEvent, undefined, MachineEvent, never>(({ context, event }) => fn(context, event));
const onMessage = (fn: (ctx: DialogContext, u: Understanding) => DialogContext) =>
  act((ctx, event) => {
    const u = messageOf(event);
    return u ? fn(ctx, u) : ctx;
  });
const onResult = (fn: (ctx: DialogContext, result: EffectResult | null) => DialogContext) => act((ctx, event) => fn(ctx, resultOf(event)));
const asking = (kind: Parameters<typeof ask>[1]) => act((ctx) => ask(ctx, kind));

type GuardFn = (args: { context: DialogContext; event: MachineEvent }) => boolean;
const machineGuards = Object.fromEntries(
  Object.entries(guards).map(([name, fn]) => [name, (({ context, event }) => fn(context, event)) as GuardFn]),
) as { [K in keyof typeof guards]: GuardFn };

const IDLE = '#dialog.active.idle';
const HANDOFF = '#dialog.handoff';

export const dialogMachine = setup({
  types: { context: {} as DialogContext, events: {} as MachineEvent },
  guards: machineGuards,
  actions: {
    // session
    absorbTurn: act((ctx, e) => (e.type === 'TURN' ? session.absorbTurn(ctx, e.turn, e.u, false) : ctx)),
    absorbTurnQuietly: act((ctx, e) => (e.type === 'TURN' ? session.absorbTurn(ctx, e.turn, e.u, true) : ctx)),
    settleMisses: act(session.settleMisses),
    missed: act(session.missed),
    handOffRequested: act((ctx) => session.handOff(ctx, 'requested')),
    handOffNotUnderstood: act((ctx) => session.handOff(ctx, 'not_understood')),
    optOut: act(session.optOut),
    optIn: act(session.optIn),
    silence: act((ctx) => ({ ...ctx, prompt: 'none', choices: [] })),
    help: act(session.help),
    menu: act(session.menu),
    greetWithMenu: act(session.greetWithMenu),
    dropped: act(session.dropped),
    welcomeBack: act(session.welcomeBack),
    languageSwitched: act(session.languageSwitched),
    lostTrack: act((ctx, e) => session.lostTrack(ctx, e.type === 'RESTARTED' && e.purposeful)),
    youreWelcome: act(session.youreWelcome),
    okay: act(session.okay),
    technicalProblem: act(session.technicalProblem),
    resume: act(session.resume),
    reprompt: act((ctx) => askAgain(ctx, null)),
    consume: act((ctx) => ({ ...ctx, awaiting: null })),

    // booking
    startBooking: onMessage((ctx, u) => draft.startBooking(ctx, u.choice.id === null ? u : null)),
    applyFacts: onMessage(draft.applyFacts),
    autoPickProvider: act(draft.autoPickProvider),
    chooseService: onMessage(draft.chooseService),
    chooseProvider: onMessage(draft.chooseProvider),
    suggestService: act(draft.suggestService),
    suggestProviders: act(draft.suggestProviders),
    takeSuggestion: onMessage(draft.takeSuggestion),
    clearService: act(draft.clearService),
    clearProvider: act(draft.clearProvider),
    clearWhen: act(draft.clearWhen),
    clearName: act((ctx) => ({ ...ctx, booking: { ...ctx.booking, fullName: null, fieldRetries: 0 } })),
    clearDob: act((ctx) => ({ ...ctx, booking: { ...ctx.booking, dateOfBirth: null, fieldRetries: 0 } })),
    requestSearch: act(search.requestSearch),
    widenSearch: act((ctx) => search.searchAgain(ctx, 'fallback')),
    searchLater: act((ctx) => search.searchAgain(ctx, 'more')),
    storeSlots: onResult((ctx, result) => search.storeSlots(ctx, search.searchResultSlots(result), null)),
    nextPage: act(search.nextPage),
    chooseSlot: onMessage(search.chooseSlot),
    requestHold: act(hold.requestHold),
    storeHoldAnnounced: onResult((ctx, result) => hold.storeHold(ctx, result, true)),
    storeHold: onResult((ctx, result) => hold.storeHold(ctx, result, false)),
    offerAlternatives: onResult(hold.offerAlternatives),
    slotTakenResearch: act(hold.slotTakenResearch),
    holdLapsedQuietly: act((ctx) => hold.noteHoldLapsed(ctx, false)),
    holdLapsedTell: act((ctx) => hold.noteHoldLapsed(ctx, true)),
    releaseHeldSlot: act(draft.releaseHeldSlot),
    storeName: onMessage(details.storeName),
    rejectName: act(details.rejectName),
    storeDob: onMessage(details.storeDob),
    rejectDob: onMessage(details.rejectDob),
    requestBook: act(book.requestBook),
    requestRehold: act(hold.requestRehold),
    booked: onResult(book.booked),
    bookRetryable: act(book.bookRetryable),
    bookNotAllowed: act(book.bookNotAllowed),
    requestWaitlist: act(waitlist.requestWaitlist),
    waitlisted: act(waitlist.waitlisted),
    noMoreTimes: act((ctx) => withLead(ctx, catalog(ctx).noMoreTimes)),

    // questions
    askService: asking('service'),
    askProvider: asking('provider'),
    askDay: asking('day'),
    askSuggestService: asking('suggestService'),
    askSuggestProvider: asking('suggestProvider'),
    askSlots: asking('slots'),
    askName: asking('name'),
    askDob: asking('dob'),
    askConfirm: asking('confirm'),
    askWaitlist: asking('waitlist'),
    askCancelChoose: asking('cancelChoose'),
    askCancelConfirm: asking('cancelConfirm'),
    askRebook: asking('rebook'),
    askRescheduleChoose: asking('rescheduleChoose'),
    askChangeOrCancel: asking('changeOrCancel'),

    // appointments
    requestAppointments: act(appointments.requestAppointments),
    storeAppointments: onResult(appointments.storeAppointments),
    sayAppointments: act(appointments.sayAppointments),
    sayNoAppointments: act(appointments.sayNoAppointments),
    targetObvious: act(appointments.targetObvious),
    targetChosen: onMessage(appointments.targetChosen),
    targetReminder: act(appointments.targetReminder),
    startCancel: onMessage(appointments.startCancel),
    startReschedule: onMessage(appointments.startReschedule),
    draftRescheduleDay: onMessage((ctx, u) => ({ ...ctx, booking: { ...ctx.booking, when: u.when } })),
    prepareReschedule: act(appointments.prepareReschedule),
    requestCancel: act(appointments.requestCancel),
    cancelled: onResult(appointments.cancelled),
    keptIt: act(appointments.keptIt),
    startRebook: act(appointments.startRebook),
    notFound: act(appointments.notFound),
    notAllowed: act(appointments.notAllowed),
    rememberReminder: act((ctx, e) => (e.type === 'REMINDER_SENT' ? reminder.rememberReminder(draft.releaseHeldSlot(ctx), e.appointment) : ctx)),
    rememberReminderQuietly: act((ctx, e) => (e.type === 'REMINDER_SENT' ? reminder.rememberReminderQuietly(ctx, e.appointment) : ctx)),
    requestConfirm: act(reminder.requestConfirm),
    confirmed: act(reminder.confirmed),

    // waitlist offers
    rememberOffer: act((ctx, e) => (e.type === 'WAITLIST_OFFER' ? waitlistOffer.rememberOffer(ctx, e.offer, e.language) : ctx)),
    requestAcceptOffer: act(waitlistOffer.requestAcceptOffer),
    requestDeclineOffer: act(waitlistOffer.requestDeclineOffer),
    offerBooked: onResult(waitlistOffer.offerBooked),
    offerDeclined: act(waitlistOffer.offerDeclined),
    offerGone: act(waitlistOffer.offerGone),
    offerRetryable: act(waitlistOffer.offerRetryable),
  },
}).createMachine({
  id: 'dialog',
  context: initialContext(),
  initial: 'active',
  on: {
    END_TURN: { actions: 'settleMisses' },
  },
  states: {
    active: {
      initial: 'idle',
      on: {
        TURN: { actions: 'absorbTurn' },
        RESTARTED: { target: '.idle', actions: 'lostTrack' },
        STOP: { target: '#dialog.optedOut', actions: 'optOut' },
        SILENT_OPTOUT: { target: '#dialog.optedOut', actions: 'silence' },
        HUMAN: { target: HANDOFF, actions: 'handOffRequested' },
        HELP: { actions: 'help' },
        MENU: { target: '.idle', actions: 'menu' },
        ABANDON: { target: '.idle', actions: 'dropped' },
        BACK: { target: '.idle', actions: 'menu' },
        LANG: { actions: 'languageSwitched' },
        START: { target: '.idle', actions: 'greetWithMenu' },
        REMINDER_SENT: { target: '.reminder', reenter: true, actions: 'rememberReminder' },
        WAITLIST_OFFER: { target: '.waitlistOffer', reenter: true, actions: 'rememberOffer' },
        MSG: [
          { guard: 'isLate', target: HANDOFF, actions: 'handOffRequested' },
          { guard: 'wantsCancel', target: '.cancel', reenter: true, actions: 'startCancel' },
          { guard: 'wantsReschedule', target: '.reschedule', reenter: true, actions: 'startReschedule' },
          { guard: 'confirmsReminder', target: '.reminder.confirming', reenter: true, actions: 'targetReminder' },
          { guard: 'wantsAppointments', target: '.appointments', reenter: true },
          { guard: 'wantsBooking', target: '.booking', reenter: true, actions: 'startBooking' },
          { guard: 'wantsStaff', target: HANDOFF, actions: 'handOffRequested' },
          { guard: 'isGreeting', target: '.idle', actions: 'greetWithMenu' },
          { guard: 'isThanks', target: '.idle', actions: 'youreWelcome' },
          { guard: 'secondMiss', target: HANDOFF, actions: 'handOffNotUnderstood' },
          { actions: 'missed' },
        ],
      },
      states: {
        idle: {
          // A bare yes/no with no question pending; inside a flow the same words are a miss instead.
          on: {
            MSG: [
              { guard: 'saysNo', actions: 'okay' },
              { guard: 'saysYes', actions: 'menu' },
            ],
          },
        },

        booking: {
          id: 'booking',
          initial: 'route',
          exit: 'releaseHeldSlot',
          on: {
            MSG: [{ guard: 'bareBookRequest', actions: 'reprompt' }],
            HOLD_EXPIRED: { guard: 'currentHoldLapsed', actions: 'holdLapsedQuietly' },
            BACK: { target: IDLE, actions: 'menu' },
          },
          states: {
            route: {
              entry: 'autoPickProvider',
              always: [
                { guard: 'newPatientOnlyForReturning', target: 'suggestService' },
                { guard: 'providerLacksService', target: 'suggestProvider' },
                { guard: 'needsService', target: 'service' },
                { guard: 'needsProvider', target: 'provider' },
                { guard: 'needsDay', target: 'day' },
                { target: 'searching' },
              ],
            },
            service: {
              entry: 'askService',
              on: {
                MSG: [
                  { guard: 'pickedService', target: 'route', actions: 'chooseService' },
                  { guard: 'pickedSomethingElse', target: HANDOFF, actions: 'handOffRequested' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
              },
            },
            provider: {
              entry: 'askProvider',
              on: {
                MSG: [
                  { guard: 'pickedProvider', target: 'route', actions: 'chooseProvider' },
                  { guard: 'saysAnyProvider', target: 'route', actions: 'chooseProvider' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
                BACK: { target: 'service', actions: 'clearService' },
              },
            },
            day: {
              entry: 'askDay',
              on: {
                MSG: [{ guard: 'hasFacts', target: 'route', actions: 'applyFacts' }],
                BACK: [
                  { guard: 'isReschedule', target: IDLE, actions: 'menu' },
                  { guard: 'providerWasAsked', target: 'provider', actions: 'clearProvider' },
                  { target: 'service', actions: 'clearService' },
                ],
              },
            },
            suggestService: {
              entry: ['suggestService', 'askSuggestService'],
              on: {
                MSG: [
                  { guard: 'acceptsSuggestion', target: 'route', actions: 'takeSuggestion' },
                  { guard: 'declinesSuggestion', target: 'service', actions: 'clearService' },
                  { guard: 'pickedService', target: 'route', actions: 'chooseService' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
                BACK: { target: 'service', actions: 'clearService' },
              },
            },
            suggestProvider: {
              entry: ['suggestProviders', 'askSuggestProvider'],
              on: {
                MSG: [
                  { guard: 'acceptsSuggestion', target: 'route', actions: 'takeSuggestion' },
                  { guard: 'declinesSuggestion', target: 'service', actions: 'clearService' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
                BACK: { target: 'service', actions: 'clearService' },
              },
            },
            searching: {
              entry: 'requestSearch',
              on: {
                RESULT: [
                  { guard: 'slotsFound', target: 'slots', actions: ['consume', 'storeSlots'] },
                  { guard: 'slotsEmptyFirstTry', target: 'searching', reenter: true, actions: ['consume', 'widenSearch'] },
                  { guard: 'slotsEmptyMore', target: 'slots', actions: ['consume', 'noMoreTimes'] },
                  { guard: 'slotsEmpty', target: 'waitlist', actions: 'consume' },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            slots: {
              entry: 'askSlots',
              on: {
                MSG: [
                  { guard: 'pickedSlot', target: 'holding', actions: 'chooseSlot' },
                  { guard: 'wantsMorePages', target: 'slots', reenter: true, actions: 'nextPage' },
                  { guard: 'wantsMoreTimes', target: 'searching', actions: 'searchLater' },
                  { guard: 'wantsAnotherDay', target: 'day', actions: 'clearWhen' },
                  { guard: 'wantsWaitlistFromSlots', target: 'joiningWaitlist' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
                BACK: { target: 'day', actions: 'clearWhen' },
              },
            },
            holding: {
              entry: 'requestHold',
              on: {
                RESULT: [
                  { guard: 'holdPlaced', target: 'details', actions: ['consume', 'storeHoldAnnounced'] },
                  { guard: 'takenWithAlternatives', target: 'slots', actions: ['consume', 'offerAlternatives'] },
                  { guard: 'takenOrExpired', target: 'searching', actions: ['consume', 'slotTakenResearch'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            details: {
              always: [
                { guard: 'needsName', target: 'name' },
                { guard: 'needsDob', target: 'dob' },
                { target: 'confirm' },
              ],
            },
            name: {
              entry: 'askName',
              on: {
                MSG: [
                  { guard: 'nameCorrection', target: 'route', actions: 'applyFacts' },
                  { guard: 'validName', target: 'details', actions: 'storeName' },
                  { guard: 'tooManyRetries', target: HANDOFF, actions: 'handOffNotUnderstood' },
                  { guard: 'detailsReply', actions: 'rejectName' },
                ],
                HOLD_EXPIRED: { guard: 'currentHoldLapsed', actions: 'holdLapsedTell' },
                BACK: { target: 'slots' },
              },
            },
            dob: {
              entry: 'askDob',
              on: {
                MSG: [
                  { guard: 'validDob', target: 'details', actions: 'storeDob' },
                  { guard: 'dobCorrection', target: 'route', actions: 'applyFacts' },
                  { guard: 'tooManyRetries', target: HANDOFF, actions: 'handOffNotUnderstood' },
                  { guard: 'detailsReply', actions: 'rejectDob' },
                ],
                HOLD_EXPIRED: { guard: 'currentHoldLapsed', actions: 'holdLapsedTell' },
                BACK: { target: 'name', actions: 'clearName' },
              },
            },
            confirm: {
              entry: 'askConfirm',
              on: {
                MSG: [
                  { guard: and(['confirmsBooking', 'hasHold']), target: 'submitting' },
                  { guard: 'confirmsBooking', target: 'reholding' },
                  { guard: 'declinesBooking', target: 'slots' },
                  { guard: 'wantsMoreTimes', target: 'slots' },
                  { guard: 'wantsAnotherDay', target: 'day', actions: 'clearWhen' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
                HOLD_EXPIRED: { guard: 'currentHoldLapsed', target: 'confirm', reenter: true, actions: 'holdLapsedQuietly' },
                BACK: [{ guard: 'collectsDetails', target: 'dob', actions: 'clearDob' }, { target: 'slots' }],
              },
            },
            submitting: {
              entry: 'requestBook',
              on: {
                RESULT: [
                  { guard: 'booked', target: IDLE, actions: ['consume', 'booked'] },
                  { guard: 'holdExpired', target: 'reholding', actions: 'consume' },
                  { guard: 'takenWithAlternatives', target: 'slots', actions: ['consume', 'offerAlternatives'] },
                  { guard: 'takenOrExpired', target: 'searching', actions: ['consume', 'slotTakenResearch'] },
                  { guard: 'notAllowed', target: IDLE, actions: ['consume', 'bookNotAllowed'] },
                  { guard: 'isAwaited', target: 'confirm', actions: ['consume', 'bookRetryable'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            reholding: {
              entry: 'requestRehold',
              on: {
                RESULT: [
                  { guard: 'holdPlaced', target: 'submitting', actions: ['consume', 'storeHold'] },
                  { guard: 'takenWithAlternatives', target: 'slots', actions: ['consume', 'offerAlternatives'] },
                  { guard: 'takenOrExpired', target: 'searching', actions: ['consume', 'slotTakenResearch'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            waitlist: {
              entry: 'askWaitlist',
              on: {
                MSG: [
                  { guard: 'wantsWaitlist', target: 'joiningWaitlist' },
                  { guard: 'wantsAnotherDay', target: 'day', actions: 'clearWhen' },
                  { guard: 'hasFacts', target: 'route', actions: 'applyFacts' },
                ],
                BACK: { target: 'day', actions: 'clearWhen' },
              },
            },
            joiningWaitlist: {
              entry: 'requestWaitlist',
              on: {
                RESULT: [
                  { guard: 'waitlistedOk', target: IDLE, actions: ['consume', 'waitlisted'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
          },
        },

        appointments: {
          initial: 'loading',
          states: {
            loading: {
              entry: 'requestAppointments',
              on: {
                RESULT: [
                  { guard: 'listed', target: IDLE, actions: ['consume', 'storeAppointments', 'sayAppointments'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
          },
        },

        cancel: {
          initial: 'start',
          states: {
            start: { always: [{ guard: 'hasTarget', target: 'confirm' }, { target: 'loading' }] },
            loading: {
              entry: 'requestAppointments',
              on: {
                RESULT: [
                  { guard: 'listedNone', target: IDLE, actions: ['consume', 'storeAppointments', 'sayNoAppointments'] },
                  { guard: 'listedObvious', target: 'confirm', actions: ['consume', 'storeAppointments', 'targetObvious'] },
                  { guard: 'listed', target: 'choose', actions: ['consume', 'storeAppointments'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            choose: {
              entry: 'askCancelChoose',
              on: { MSG: [{ guard: 'pickedAppointment', target: 'confirm', actions: 'targetChosen' }] },
            },
            confirm: {
              entry: 'askCancelConfirm',
              on: {
                MSG: [
                  { guard: 'confirmsCancel', target: 'cancelling' },
                  { guard: 'keepsAppointment', target: IDLE, actions: 'keptIt' },
                ],
                BACK: [{ guard: 'severalAppointments', target: 'choose' }, { target: IDLE, actions: 'menu' }],
              },
            },
            cancelling: {
              entry: 'requestCancel',
              on: {
                RESULT: [
                  { guard: 'cancelledOk', target: 'rebook', actions: ['consume', 'cancelled'] },
                  { guard: 'notFound', target: IDLE, actions: ['consume', 'notFound'] },
                  { guard: 'notAllowed', target: IDLE, actions: ['consume', 'notAllowed'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            rebook: {
              entry: 'askRebook',
              on: {
                MSG: [
                  { guard: 'acceptsRebook', target: '#booking', actions: 'startRebook' },
                  { guard: 'declinesRebook', target: IDLE, actions: 'okay' },
                ],
              },
            },
          },
        },

        reschedule: {
          initial: 'start',
          states: {
            start: { always: [{ guard: 'hasTarget', target: '#booking', actions: 'prepareReschedule' }, { target: 'loading' }] },
            loading: {
              entry: 'requestAppointments',
              on: {
                RESULT: [
                  { guard: 'listedNone', target: IDLE, actions: ['consume', 'storeAppointments', 'sayNoAppointments'] },
                  { guard: 'listedObvious', target: '#booking', actions: ['consume', 'storeAppointments', 'targetObvious', 'prepareReschedule'] },
                  { guard: 'listed', target: 'choose', actions: ['consume', 'storeAppointments'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            choose: {
              entry: 'askRescheduleChoose',
              on: { MSG: [{ guard: 'pickedAppointment', target: '#booking', actions: ['targetChosen', 'prepareReschedule'] }] },
            },
          },
        },

        reminder: {
          initial: 'waiting',
          states: {
            waiting: {
              on: {
                MSG: [
                  { guard: 'reminderConfirm', target: 'confirming', actions: 'targetReminder' },
                  { guard: 'reminderChange', target: '#booking', actions: ['targetReminder', 'draftRescheduleDay', 'prepareReschedule'] },
                  { guard: 'reminderCancel', target: '#dialog.active.cancel.confirm', actions: 'targetReminder' },
                  { guard: 'reminderUnsure', target: '#dialog.active.changeOrCancel', actions: 'targetReminder' },
                  { guard: 'reminderFreeText', target: HANDOFF, actions: 'handOffNotUnderstood' },
                ],
              },
            },
            confirming: {
              entry: 'requestConfirm',
              on: {
                RESULT: [
                  { guard: 'confirmedOk', target: IDLE, actions: ['consume', 'confirmed'] },
                  { guard: 'notFound', target: IDLE, actions: ['consume', 'notFound'] },
                  { guard: 'isAwaited', target: IDLE, actions: ['consume', 'technicalProblem'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
          },
        },

        waitlistOffer: {
          initial: 'waiting',
          states: {
            waiting: {
              on: {
                MSG: [
                  { guard: 'acceptsOffer', target: 'accepting' },
                  { guard: 'declinesOffer', target: 'declining' },
                ],
              },
            },
            accepting: {
              entry: 'requestAcceptOffer',
              on: {
                RESULT: [
                  { guard: 'offerBooked', target: IDLE, actions: ['consume', 'offerBooked'] },
                  { guard: 'offerGone', target: IDLE, actions: ['consume', 'offerGone'] },
                  { guard: 'isAwaited', target: 'waiting', actions: ['consume', 'offerRetryable'] },
                ],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
            declining: {
              entry: 'requestDeclineOffer',
              on: {
                // Even if recording the "no" failed, the offer lapses by itself: the answer stands.
                RESULT: [{ guard: 'isAwaited', target: IDLE, actions: ['consume', 'offerDeclined'] }],
                RESUME: { target: IDLE, actions: 'resume' },
              },
            },
          },
        },

        changeOrCancel: {
          entry: 'askChangeOrCancel',
          on: {
            MSG: [
              { guard: 'reminderChange', target: '#booking', actions: ['draftRescheduleDay', 'prepareReschedule'] },
              { guard: 'reminderCancel', target: '#dialog.active.cancel.confirm' },
            ],
          },
        },
      },
    },

    handoff: {
      on: {
        TURN: { actions: 'absorbTurnQuietly' },
        STOP: { target: 'optedOut', actions: 'optOut' },
        STAFF_HANDBACK: { target: 'active.idle', actions: 'welcomeBack' },
        REMINDER_SENT: { actions: 'rememberReminderQuietly' },
      },
    },

    optedOut: {
      on: {
        TURN: { actions: 'absorbTurnQuietly' },
        START: { target: 'active.idle', actions: 'optIn' },
      },
    },
  },
});

export type DialogMachine = typeof dialogMachine;
