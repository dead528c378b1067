/**
 * A file sent with a typed `log` (a Slack DM with a certificate, a Discord DM with an attachment)
 * is kept with the activity as its certificate, as the `certificate` option of Discord's `/ceu log`
 * is. Other commands, and a file sent without a log, keep nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText, type Reply } from '../../src/core/index.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const certificate = { url: 'https://files.slack.com/files-pri/T0001-F0001/certificate.pdf', name: 'certificate.pdf' };
const withFile = (text: string, file = certificate): Promise<Reply> =>
  t.bot.handle({ actor: makeActor(), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text', text }, attachment: file });
const stored = () => t.database.sqlite.prepare('select certificate_url as url, certificate_name as name from activities').all();

describe('a file sent with a typed command', () => {
  it('is the certificate of the activity a `log` records, and the reply names it', async () => {
    const logged = await withFile('log 2h clinical "Phlebotomy basics" from Relias');
    expect(renderText(logged)).toContain('[certificate: certificate.pdf]');
    expect(stored()).toEqual([certificate]);
  });

  it('is the certificate of an activity logged in plain words too', async () => {
    await withFile('I did 2 hours of clinical training yesterday');
    expect(stored()).toEqual([certificate]);
  });

  it('is refused when it is not an https link, and nothing is logged', async () => {
    const refused = await withFile('log 2h clinical Sepsis', { url: 'http://example.com/c.pdf', name: 'c.pdf' });
    expect(refused.tone).toBe('error');
    expect(stored()).toEqual([]);
  });

  it('alone, with no words, is answered with how to log it with the file, and nothing is kept', async () => {
    const answer = renderText(await withFile(''));
    expect(answer).toContain('certificate.pdf');
    expect(answer).toContain('log 2h clinical');
    expect(stored()).toEqual([]);
  });

  it('with another command is not kept anywhere (the command runs as typed)', async () => {
    expect(renderText(await withFile('status'))).toContain('CMA');
    expect(stored()).toEqual([]);
  });
});
