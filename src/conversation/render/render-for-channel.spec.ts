import { parseChoiceReply } from './parse-choice-reply.js';
import { MORE_ROW_ID, renderForChannel } from './render-for-channel.js';
import { truncate } from './truncate.js';

const menu = {
  text: 'Hi Ana! What can I do for you today?',
  choices: [
    { id: 'menu:book', label: 'Book' },
    { id: 'menu:appointments', label: 'My appointments' },
    { id: 'menu:reschedule', label: 'Reschedule' },
    { id: 'menu:cancel', label: 'Cancel appointment' },
    { id: 'menu:staff', label: 'Talk to staff' },
  ],
};

describe('renderForChannel: SMS', () => {
  it('renders a typical menu as one compact numbered text', () => {
    expect(renderForChannel(menu, 'sms')).toEqual({
      kind: 'text',
      text: 'Hi Ana! What can I do for you today? Reply with a number:\n1 Book  2 My appointments  3 Reschedule  4 Cancel appointment  5 Talk to staff',
    });
  });

  it('renders the service question as in the conversation guide', () => {
    const reply = {
      text: 'Hi! What is it for?',
      choices: ['New patient visit', 'Follow-up visit', 'Vaccination', 'Skin check', 'Physio session', 'Something else'].map((label, i) => ({ id: `s${i}`, label })),
    };
    expect(renderForChannel(reply, 'sms')).toEqual({
      kind: 'text',
      text: 'Hi! What is it for? Reply with a number:\n1 New patient visit  2 Follow-up visit  3 Vaccination  4 Skin check  5 Physio session  6 Something else',
    });
  });

  it('drops the hint when it would make the message long', () => {
    const reply = { text: 'x'.repeat(280), choices: [{ id: 'a', label: 'Yes, cancel' }, { id: 'b', label: 'No, keep it' }] };
    expect(renderForChannel(reply, 'sms')).toEqual({ kind: 'text', text: `${'x'.repeat(280)}\n1 Yes, cancel  2 No, keep it` });
  });

  it('uses Spanish for the hint in Spanish', () => {
    const reply = { text: '¿La reservo?', choices: [{ id: 'y', label: 'Sí, resérvala' }, { id: 'n', label: 'No' }] };
    expect(renderForChannel(reply, 'sms', 'es')).toEqual({ kind: 'text', text: '¿La reservo? Responde con un número:\n1 Sí, resérvala  2 No' });
  });

  it('reads the language from the reply when not told', () => {
    const reply = { text: '¿Qué cita quieres cancelar?', choices: [{ id: 'a', label: 'jue 26 nov, 14:30 Dr. Patel' }] };
    expect(renderForChannel(reply, 'sms')).toEqual({ kind: 'text', text: '¿Qué cita quieres cancelar? Responde con un número:\n1 jue 26 nov, 14:30 Dr. Patel' });
  });

  it('plain text stays plain', () => {
    expect(renderForChannel({ text: 'Thanks!' }, 'sms')).toEqual({ kind: 'text', text: 'Thanks!' });
  });
});

describe('renderForChannel: WhatsApp', () => {
  it('three short choices become buttons', () => {
    const reply = { text: 'Shall I book it?', choices: [{ id: 'y', label: 'Yes, book it' }, { id: 'n', label: 'No' }] };
    expect(renderForChannel(reply, 'whatsapp')).toEqual({
      kind: 'buttons', text: 'Shall I book it?', buttons: [{ id: 'y', title: 'Yes, book it' }, { id: 'n', title: 'No' }],
    });
  });

  it('more than three choices become a list', () => {
    const rendered = renderForChannel(menu, 'whatsapp');
    expect(rendered).toEqual({
      kind: 'list',
      text: menu.text,
      buttonText: 'Choose',
      rows: menu.choices.map((c) => ({ id: c.id, title: c.label })),
    });
  });

  it('a label too long for a button makes it a list, with long titles cut and given in full below', () => {
    const reply = {
      text: 'Pick a time',
      choices: [{ id: 'a', label: 'Thu 26 Nov, 2:30 pm Dr. García (Northside)' }, { id: 'b', label: 'Other times' }],
    };
    expect(renderForChannel(reply, 'whatsapp')).toEqual({
      kind: 'list',
      text: 'Pick a time',
      buttonText: 'Choose',
      rows: [
        { id: 'a', title: 'Thu 26 Nov, 2:30 pm Dr.…', description: 'Thu 26 Nov, 2:30 pm Dr. García (Northside)' },
        { id: 'b', title: 'Other times' },
      ],
    });
  });

  it('more than ten choices keep nine and add a More row', () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({ id: `c${i + 1}`, label: `Option ${i + 1}` }));
    const rendered = renderForChannel({ text: 'Pick', choices }, 'whatsapp');
    if (rendered.kind !== 'list') throw new Error('expected a list');
    expect(rendered.rows).toHaveLength(10);
    expect(rendered.rows[8]).toEqual({ id: 'c9', title: 'Option 9' });
    expect(rendered.rows[9]).toEqual({ id: MORE_ROW_ID, title: 'More', description: 'Option 10, Option 11, Option 12' });
  });

  it('duplicate button titles fall back to a list', () => {
    const reply = { text: 'Which?', choices: [{ id: 'a', label: '9:00 am' }, { id: 'b', label: '9:00 am' }] };
    expect(renderForChannel(reply, 'whatsapp').kind).toBe('list');
  });

  it('respects every limit on hostile input', () => {
    const long = '🙂'.repeat(50);
    const rendered = renderForChannel({ text: 'x'.repeat(5000), choices: Array.from({ length: 30 }, (_, i) => ({ id: `${i}`, label: `${long}${i}` })) }, 'whatsapp');
    if (rendered.kind !== 'list') throw new Error('expected a list');
    expect(Array.from(rendered.text).length).toBeLessThanOrEqual(1024);
    expect(rendered.rows.length).toBeLessThanOrEqual(10);
    for (const row of rendered.rows) {
      expect(Array.from(row.title).length).toBeLessThanOrEqual(24);
      expect(Array.from(row.description ?? '').length).toBeLessThanOrEqual(72);
    }
  });
});

describe('truncate', () => {
  it('never splits an emoji and marks the cut', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('ab  cdef', 4)).toBe('ab…');
  });
});

describe('parseChoiceReply', () => {
  it('maps SMS numbered answers back to choice ids', () => {
    expect(parseChoiceReply('4', menu.choices)).toBe('menu:cancel');
    expect(parseChoiceReply('#2', menu.choices)).toBe('menu:appointments');
    expect(parseChoiceReply('talk to staff', menu.choices)).toBe('menu:staff');
    expect(parseChoiceReply('9', menu.choices)).toBeNull();
  });
});
