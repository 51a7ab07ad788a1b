import fc from 'fast-check';
import { conversationEnv, type ConversationEnv, nextWeekday } from '../../support/conversation-env.js';
import { startApp } from '../../support/http-app.js';
import { testConfig } from '../../support/databases.js';
import { patientChat } from '../../support/chat.js';

/** The bot never goes silent and never crashes on what a patient types; state survives restarts. */
describe('conversations: robustness', () => {
  let env: ConversationEnv;
  beforeAll(async () => { env = await conversationEnv(); }, 30_000);
  afterAll(() => env?.close());

  it('answers garbage of every kind, and the conversation stays usable', async () => {
    const chat = env.chat(env.newPhone());
    const garbage = ['', '   ', '🙂🙂🙂', 'x'.repeat(4096), '12345678901234567890', '<script>alert(1)</script>', '**bold** _it_', 'مرحبا أريد موعدا', '我要预约', '\u0000\u0007', '?!?!', '🏥 📅 ⏰'];
    for (const text of garbage) {
      const replies = await chat.send(text);
      // After two misses the bot hands over (and then stays quiet, by design); until then it always answers.
      const status = (await env.conversationOf(chat.phone))!.status;
      if (status !== 'handoff') expect({ text: text.slice(0, 20), replies: replies.length > 0 }).toEqual({ text: text.slice(0, 20), replies: true });
    }
    const conversation = (await env.conversationOf(chat.phone))!;
    expect(['active', 'handoff']).toContain(conversation.status);
    expect(await env.prisma.message.count({ where: { conversationId: conversation.id, direction: 'inbound', processedAt: null } })).toBe(0);
  });

  it('random messages over HTTP: every one is answered or deliberately quiet, never a 5xx', async () => {
    const alphabet = fc.oneof(
      fc.string({ maxLength: 40 }), fc.constantFrom('yes', 'no', '1', '2', '3', 'menu', 'back', 'book', 'cancel', 'tomorrow', 'Dr Patel', 'follow up', 'sí', 'STOP', 'START'),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    await fc.assert(fc.asyncProperty(fc.array(alphabet, { minLength: 3, maxLength: 8 }), async (messages) => {
      const chat = env.chat(env.newPhone());
      for (const text of messages) {
        const replies = await chat.send(text);
        const conversation = (await env.conversationOf(chat.phone))!;
        const quiet = conversation.status === 'handoff' || conversation.optedOutAt !== null;
        if (!quiet && replies.length === 0) throw new Error(`silent on ${JSON.stringify(text)}:\n${chat.transcript()}`);
      }
    }), { numRuns: 15, seed: 4242 });
  }, 60_000);

  it('answers a patient\'s concurrent messages one at a time, in arrival order', async () => {
    const phone = env.newPhone();
    const conversationFirst = env.chat(phone);
    await conversationFirst.send('hi');
    const texts = ['book', 'vaccination', 'first available', 'tomorrow', 'menu'];
    const started = texts.map((text, i) => new Promise((resolve) => setTimeout(resolve, i * 15)).then(() => conversationFirst.send(text)));
    await Promise.all(started);
    const conversation = (await env.conversationOf(phone))!;
    const messages = await env.prisma.message.findMany({ where: { conversationId: conversation.id }, orderBy: { seq: 'asc' } });
    // Every inbound message is followed by its own replies before the next inbound is handled.
    const inbound = messages.filter((m) => m.direction === 'inbound');
    for (const m of messages.filter((x) => x.direction === 'outbound')) {
      const answered = inbound.find((i) => i.id === m.replyToId)!;
      const nextInbound = inbound.find((i) => i.seq > answered.seq);
      expect(m.seq > answered.seq).toBe(true);
      if (nextInbound) expect(nextInbound.processedAt!.getTime()).toBeGreaterThanOrEqual(answered.processedAt!.getTime());
    }
    expect(inbound.every((i) => i.processedAt !== null)).toBe(true);
  });

  it('keeps one patient\'s messages in order across two app instances', async () => {
    const second = await startApp(testConfig(env.db.url));
    try {
      const phone = env.newPhone();
      const viaFirst = env.chat(phone);
      const viaSecond = patientChat(second.url, phone);
      const texts = ['hi', 'book', 'follow-up', 'first available', 'tomorrow', 'menu', 'my appointments', 'thanks'];
      await Promise.all(texts.map((text, i) => new Promise((r) => setTimeout(r, i * 10)).then(() => (i % 2 ? viaSecond : viaFirst).send(text))));
      const conversation = (await env.conversationOf(phone))!;
      const messages = await env.prisma.message.findMany({ where: { conversationId: conversation.id }, orderBy: { seq: 'asc' } });
      const inbound = messages.filter((m) => m.direction === 'inbound');
      expect(inbound).toHaveLength(texts.length);
      // Turns ran strictly in arrival order: processing times increase with the arrival sequence.
      for (let i = 1; i < inbound.length; i++) expect(+inbound[i]!.processedAt!).toBeGreaterThanOrEqual(+inbound[i - 1]!.processedAt!);
      // And every reply was written while its own message was the one being handled.
      for (const reply of messages.filter((m) => m.direction === 'outbound')) {
        const answered = inbound.findIndex((m) => m.id === reply.replyToId);
        expect(answered).toBeGreaterThanOrEqual(0);
        if (answered + 1 < inbound.length) expect(reply.seq < inbound[answered + 1]!.seq || +reply.createdAt <= +inbound[answered + 1]!.processedAt!).toBe(true);
      }
    } finally {
      await second.close();
    }
  });

  it('restarts politely when the stored dialog comes from an older machine version', async () => {
    const chat = env.chat(env.newPhone());
    await chat.send('book a vaccination');
    const conversation = (await env.conversationOf(chat.phone))!;
    await env.prisma.conversation.update({ where: { id: conversation.id }, data: { snapshot: { version: 0, state: { value: 'someOldState', context: { x: 1 } } } } });
    expect(chat.text(await chat.send('hello'))).toMatch(/lost track of our conversation/);
    expect(chat.text(await chat.send('book a vaccination'))).toMatch(/Any doctor|Which day|doctor/i);
  });

  it('continues the conversation after the app is stopped and started again', async () => {
    const phone = env.newPhone();
    const chat = env.chat(phone);
    await chat.send(`follow-up with Dr Patel ${nextWeekday(4, 3).toFormat('cccc d LLL')}`);
    const firstChoice = chat.choices[0]!;
    await env.running.close();
    const restarted = await startApp(testConfig(env.db.url));
    try {
      const again = patientChat(restarted.url, phone);
      const replies = await again.send(firstChoice.label, firstChoice.id);
      expect(again.text(replies)).toMatch(/I'm holding|Holding .* Dr\. Maya Patel/);
    } finally {
      await restarted.close();
      // Give the suite's own app back for afterAll.
      env.running = await startApp(testConfig(env.db.url));
    }
  }, 30_000);
});
