import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
const admin = { userId: 'dana', isAdmin: true };
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  await t.say('status', admin);
});
afterEach(() => t.close());

/** Refused with exactly these codes, naming `hint` in the reply, and nothing stored. */
async function refuses(line: string, codes: string[], hint: string, actor: object = admin) {
  const before = t.snapshot();
  const reply = await t.say(line, actor);
  expect(problemCodes(reply), line).toEqual(codes);
  expect(reply.blocks.map((b) => ('text' in b ? b.text : '')).join('\n'), line).toContain(hint);
  expect(t.snapshot(), line).toBe(before);
}

describe('the digest’s day', () => {
  it.each([
    ['digest channel #team weekly wendesday 09:00', '`wednesday`'],
    ['digest channel #team weekly fridy 09:00', '`friday`'],
    ['digest channel #team weekly thurday 09:00', '`thursday`'],
    ['digest channel #team weekly tu 09:00', '`tuesday`'],
  ])('`%s` is refused naming the day meant (%s)', async (line, hint) => {
    await refuses(line, ['invalid-day'], hint);
  });

  it.each([
    ['digest channel #team every monday at 09:00', 'every Monday at 09:00'],
    ['digest channel #team weekly on friday at 16:30', 'every Friday at 16:30'],
    ['digest channel #team mondays 08:15', 'every Monday at 08:15'],
    ['digest channel #team 07:45 tuesday', 'every Tuesday at 07:45'],
  ])('reads `%s` as a person says it', async (line, schedule) => {
    expect(await t.text(line, admin)).toContain(`Weekly digest set: ${schedule}`);
  });
});

describe('the digest’s time', () => {
  it.each([
    ['digest channel #team weekly monday 9am', '`09:00`'],
    ['digest channel #team weekly friday 4pm', '`16:00`'],
    ['digest channel #team weekly friday 4:30PM', '`16:30`'],
    ['digest channel #team weekly monday 0900', '`09:00`'],
    ['digest channel #team weekly monday 12am', '`00:00`'],
    ['digest channel #team weekly monday 9 am', '`09:00`'],
  ])('`%s` is refused with the 24-hour time meant (%s)', async (line, hint) => {
    await refuses(line, ['invalid-time'], hint);
  });

  it('refuses an hour past 23, saying times run from 00:00 to 23:59', async () => {
    await refuses('digest channel #team weekly monday 25:00', ['invalid-time'], '00:00 to 23:59');
  });

  it('takes a time given without a day for a time, not for a misspelt day', async () => {
    await refuses('digest channel #team 9am', ['invalid-time'], '`09:00`');
  });
});

describe('other words the digest does not take', () => {
  it.each(['digest preview now', 'digest off today'])('`%s` is refused as words it does not take, not as a day', async (line) => {
    await refuses(line, ['unexpected-words'], line.split(' ').pop()!);
  });

  it('refuses a person where the channel belongs, saying the digest is a channel post and how to see it privately', async () => {
    const slackAdmin = { ...admin, platform: 'slack' as const, tenantId: 'T1', userId: 'UDANA' };
    await t.say('status', slackAdmin);
    await refuses('digest channel <@UDANA>', ['invalid-channel'], '`digest preview`', slackAdmin);
    await refuses('digest channel @dana', ['invalid-channel'], '`digest preview`');
  });
});
