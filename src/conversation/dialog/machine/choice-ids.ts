/**
 * Ids of the choices the bot offers. WhatsApp sends them back when a button or list row is tapped;
 * SMS answers are mapped back to them by number or label. Stable strings, because a patient may tap
 * a button from an earlier message.
 */
export const CHOICE = {
  menuBook: 'menu:book',
  menuAppointments: 'menu:appointments',
  menuReschedule: 'menu:reschedule',
  menuCancel: 'menu:cancel',
  menuStaff: 'menu:staff',
  serviceOther: 'svc:other',
  anyProvider: 'prov:any',
  suggestionYes: 'sugg:yes',
  suggestionNo: 'sugg:no',
  moreTimes: 'slots:more',
  anotherDay: 'slots:day',
  waitlist: 'slots:waitlist',
  confirmYes: 'confirm:yes',
  confirmNo: 'confirm:no',
  waitlistYes: 'wl:yes',
  cancelYes: 'cancel:yes',
  cancelNo: 'cancel:no',
  rebookYes: 'rebook:yes',
  rebookNo: 'rebook:no',
  reminderConfirm: 'rem:confirm',
  reminderChange: 'rem:change',
  reminderCancel: 'rem:cancel',
  changeTime: 'coc:change',
  cancelIt: 'coc:cancel',
  offerYes: 'offer:yes',
  offerNo: 'offer:no',
} as const;

export const serviceChoiceId = (id: string): string => `svc:${id}`;
export const providerChoiceId = (id: string): string => `prov:${id}`;
export const appointmentChoiceId = (id: string): string => `appt:${id}`;

/** The id after a prefix ("svc:abc" → "abc"), or null when the choice is of another kind. */
export function idAfter(prefix: 'svc' | 'prov' | 'appt', choiceId: string | null): string | null {
  if (!choiceId?.startsWith(`${prefix}:`)) return null;
  return choiceId.slice(prefix.length + 1);
}

/** Menu taps stay valid even from an old message: their meaning never depends on the state. */
export function isMenuChoice(id: string): boolean {
  return id.startsWith('menu:') && Object.values(CHOICE).includes(id as (typeof CHOICE)[keyof typeof CHOICE]);
}
