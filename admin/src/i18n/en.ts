/** The console's own words in English; es.ts must have the same keys (the type checks it). */
export const enApp = {
  app: {
    title: 'Riverside console',
    auth: {
      email: 'Email',
      password: 'Password',
      sign_in: 'Sign in',
      signing_in: 'Signing in…',
      subtitle: 'Staff sign-in',
      session_ended: 'Your session has ended. Please sign in again.',
      invalid_credentials: 'Wrong email or password.',
      too_many_attempts: 'Too many attempts. Try again in a few minutes.',
    },
    menu: {
      calendar: 'Calendar', appointments: 'Appointments', patients: 'Patients', conversations: 'Inbox', waitlist: 'Waitlist',
      try_bot: 'Try the bot', reports: 'Reports', audit: 'Audit log', providers: 'Providers', services: 'Services',
      rules: 'Weekly hours', exceptions: 'Schedule exceptions', rooms: 'Rooms', channels: 'Channels', schedule: 'Schedule', clinic: 'Clinic',
    },
    status: {
      held: 'Held', requested: 'Requested', confirmed: 'Confirmed', payment_pending: 'Payment pending', checked_in: 'Checked in',
      completed: 'Completed', rescheduled: 'Rescheduled', cancelled: 'Cancelled', no_show: 'No-show',
    },
    calendar: {
      holds_unavailable: 'Live holds cannot be read right now: a time that looks free may be mid-booking in a chat.', show_week: 'Show the week',
      title: 'Calendar', day: 'Day', week: 'Week', today: 'Today', previous: 'Previous', next: 'Next', by_location: 'By location',
      by_provider: 'By provider', location: 'Location', provider: 'Provider', legend: 'Legend', held_slot: 'Held (chat in progress)',
      free_slot: 'Book %{time}', no_providers: 'No provider works here on this day.', times_in: 'Times in %{zone}',
      live: 'Live: updates every few seconds', updated: 'Updated %{time}', outside_hours: 'Outside working hours', book_here: 'Book at %{time}',
      appointment_label: '%{time}, %{patient}, %{service}, %{status}',
    },
    booking: {
      walk_in: 'Walk-in', walk_in_title: 'Walk-in: book now and check in', walk_in_reason: 'Why now (reason for the override)', walk_in_help: 'A walk-in starts now, inside the notice window: the reason is audited.',
      overrode: 'overrode: %{rules}',
      title: 'Book an appointment', when: 'When', provider: 'Provider', location: 'Location', service: 'Service', patient: 'Patient',
      patient_search: 'Find patient by phone or name', patient_search_help: 'Type at least 3 characters of a name, or a phone number',
      no_patient: 'No patient found.', new_patient: 'New patient', phone: 'Phone (E.164, e.g. +12125550123)', full_name: 'Full name',
      date_of_birth: 'Date of birth', notes: 'Notes', book: 'Book', booking: 'Booking…', booked: 'Booked: %{time} with %{provider}',
      override_needed: 'This booking breaks a clinic rule: %{rule}. Give a reason to book anyway (it is recorded in the audit log).',
      override_reason: 'Reason for the override', override_book: 'Book anyway', reason_required: 'A reason of at least 3 characters is required',
      choose_patient: 'Choose a patient first', choose_service: 'Choose a service',
    },
    rules: {
      outside_hours: 'outside the provider’s working hours', too_soon: 'inside the minimum notice window', too_far: 'beyond how far ahead bookings are allowed',
      new_patients_only: 'this service is for new patients only', reason_required: 'a reason is required', taken: 'the time is taken', unknown: '%{rule}',
    },
    actions: {
      title: 'Appointment', check_in: 'Check in', complete: 'Complete', no_show: 'No-show', cancel: 'Cancel appointment', move: 'Move',
      change_provider: 'Change provider', open: 'Open details', reason: 'Reason', new_start: 'New date and time', new_provider: 'New provider',
      confirm: 'Confirm', done: 'Saved', close: 'Close', status_reason: 'Reason (optional unless it overrides a rule)',
      cancel_reason_help: 'Why is it cancelled? (required)', override_reason: 'Reason for the override (only when a rule is overridden)',
    },
    errors: {
      slot_taken: 'That time is taken by another appointment',
      slot_held: 'That time is held by someone booking it right now, or no room is free then.',
      slot_taken_by: 'That time is taken: %{appointment} is in the way.',
      alternatives: 'Next free times: %{times}',
      forbidden: 'You are not allowed to do this (your role or your locations do not include it).',
      not_found: 'Not found, or not in your locations.',
      network: 'The server cannot be reached. Check the connection and try again.',
      validation: 'Please check the form: %{message}',
      generic: 'Something went wrong: %{message}',
    },
    fields: {
      start: 'Start', end: 'End', status: 'Status', patient: 'Patient', provider: 'Provider', service: 'Service', location: 'Location',
      room: 'Room', source: 'Source', reason: 'Reason', created: 'Created', phone: 'Phone', name: 'Name', language: 'Language',
      no_shows: 'No-shows', flagged: 'Flagged', from: 'From', to: 'To',
    },
    appointments: { history: 'History', patient_phone: 'Patient phone (E.164)', date_from: 'From date', date_to: 'To date' },
    patients: {
      flagged: 'Flagged for no-shows', not_flagged: 'No flag', clear_flag: 'Clear no-show flag', clear_flag_reason: 'Why is the flag cleared?',
      flag_cleared: 'Flag cleared', history: 'Appointments', book: 'Book for this patient', search: 'Phone or name',
    },
    weekday: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday', 0: 'Sunday' },
    exception_kind: { closed: 'Closed', extra_hours: 'Extra hours', staff_block: 'Staff block', holiday: 'Holiday', whole_day: 'Whole day' },
    validation: {
      end_after_start: 'Must be after the start', time_format: 'Use HH:MM (24 h)', e164: 'Use the international format, e.g. +12125550123',
      positive: 'Must be more than zero',
      not_blank: 'Must not be empty', service_code: 'Lowercase letters, digits and dashes (at most 40)',
      both_times: 'Give both times, or neither for the whole day', extra_hours_provider: 'Extra hours need a provider', extra_hours_times: 'Extra hours need a start and an end time',
    },
    waitlist: { offer: 'Offer a slot', offer_title: 'Offer a slot to this patient', offered: 'Offer sent to the patient', urgency: 'Urgency' },
    inbox: {
      title: 'Inbox', handoff: 'Needs staff', active: 'With the bot', closed: 'Closed', reply: 'Reply', reply_placeholder: 'Write a reply… (Enter sends, Shift+Enter for a new line)',
      send: 'Send', hand_back: 'Hand back to the bot', handed_back: 'The bot has the conversation again', empty: 'Choose a conversation',
      sent: 'Sent', via: 'via %{channel}', unknown_patient: 'Unknown number', last_message: 'Last message', no_messages: 'No messages',
    },
    bot: {
      title: 'Try the bot', intro: 'Chat as a patient. The bot uses the real clinic data and books real (demo) appointments.',
      phone: 'Patient phone', channel: 'Channel', new_chat: 'New patient', placeholder: 'Message', send: 'Send', typing: 'typing…',
      disabled: 'The simulator is switched off on this server (SIMULATOR_ENABLED).', hint: 'Try: “I need a follow-up with Dr Patel next Tuesday morning”',
    },
    audit: {
      title: 'Audit log', at: 'When', actor: 'Who', action: 'Action', entity: 'What', patient: 'Patient', ip: 'From', reason: 'Reason', details: 'Details',
    },
    channels: {
      title: 'Channels', whatsapp_web: 'WhatsApp Web', state: 'State', scan: 'Scan this code with the clinic phone: WhatsApp › Linked devices › Link a device.',
      not_enabled: 'WhatsApp Web is not enabled on this server (WHATSAPP_WEB_ENABLED).', ready: 'Connected', unavailable: 'The channel status is not available to your account.',
      numbers: 'Clinic numbers', updated: 'Updated %{time}',
    },
    locale: { en: 'English', es: 'Español' },
    common: { telehealth: 'Telehealth (no location)', yes: 'Yes', no: 'No', none: '—', loading: 'Loading…', all: 'All', save: 'Save' },
  },
};

export type AppMessages = typeof enApp;
