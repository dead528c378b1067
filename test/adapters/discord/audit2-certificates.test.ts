/**
 * A certificate attached to `/ceu log` is kept for audits, years on. Discord removes a file
 * attached to a slash command option after a while (it is "ephemeral"), so the bot keeps a copy in
 * the member's DM and links the activity to that message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { startFakeDiscordCdn, type DiscordAttachmentPayload, type FakeDiscordCdn } from '../../fakes/fake-discord-cdn.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

const DANA = FAKE_DISCORD_IDS.user;
const PDF = Buffer.from('%PDF-1.7 Certificate of completion: Sepsis update, 2 contact hours');

let d: DiscordUnderTest;
let cdn: FakeDiscordCdn;
beforeEach(async () => {
  d = await startDiscordUnderTest();
  cdn = await startFakeDiscordCdn();
});
afterEach(async () => {
  await d.close();
  await cdn.close();
});

const logWith = (file: DiscordAttachmentPayload, amount: number, sizeLimit?: number) => d.fake.sendInteraction(makeSlashInteraction({
  subcommand: 'log',
  options: [{ name: 'amount', type: 10, value: amount }, { name: 'unit', type: 3, value: 'hours' }, { name: 'certificate', type: 11, value: file.id }],
  overrides: { data: { resolved: { attachments: { [file.id]: file } } }, ...(sizeLimit ? { attachment_size_limit: sizeLimit } : {}) },
}));
const storedCertificate = () => d.database.sqlite.prepare('SELECT certificate_url AS url, certificate_name AS name FROM activities').get() as { url: string; name: string } | undefined;

describe('a certificate attached to /ceu log', () => {
  it("is copied into the member's DM and the activity links to that copy, which outlives the upload; a refused log leaves no copy", async () => {
    const refused = await logWith(cdn.upload('sepsis-cert.pdf', PDF), 500);
    expect(textOf(refused.body)).toContain('more than 100 hours');
    const file = cdn.upload('sepsis-cert.pdf', PDF);
    const logged = await logWith(file, 2);
    expect(textOf(logged.body)).toContain('[certificate: sepsis-cert.pdf]');

    const dmChannel = d.fake.dmChannelOf(DANA)!;
    expect(d.fake.messagesIn(dmChannel)).toHaveLength(1);
    const [copy] = d.fake.messagesIn(dmChannel);
    expect(copy?.attachments).toMatchObject([{ filename: 'sepsis-cert.pdf', size: PDF.length }]);
    const upload = d.fake.callsTo('POST /channels/:channelId/messages').find((call) => call.path === `/channels/${dmChannel}/messages`);
    expect(upload?.files[0]?.data.equals(PDF)).toBe(true);
    expect(storedCertificate()).toEqual({ url: `https://discord.com/channels/@me/${dmChannel}/${copy!.id}`, name: 'sepsis-cert.pdf' });

    cdn.expire(file);
    expect(d.fake.messagesIn(dmChannel)).toHaveLength(1);
  });

  it('saves nothing, and says how to go on, when no copy can be kept (DMs closed)', async () => {
    d.fake.closeDms(DANA);
    const refused = await logWith(cdn.upload('sepsis-cert.pdf', PDF), 2);
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(refused.body)).toContain('Nothing was saved');
    expect(textOf(refused.body)).toContain('sepsis-cert.pdf');
    expect(textOf(refused.body)).toContain('Privacy Settings');
    expect(d.activityCount()).toBe(0);
  });

  it('saves nothing, and says why, for a file larger than a bot may send, without reading it', async () => {
    const photo = Buffer.alloc(11 * 1024 * 1024, 1);
    const refused = await logWith(cdn.upload('certificate-photo.png', photo, 'image/png'), 2);
    expect(textOf(refused.body)).toContain('certificate-photo.png is over the 10 MB I may send');
    expect(d.activityCount()).toBe(0);
    expect(d.fake.callsTo('POST /channels/:channelId/messages')).toEqual([]);
  });

  it('holds a file to the DM limit in a boosted server, whose larger limit does not carry over to the DM copy', async () => {
    const scan = Buffer.alloc(15 * 1024 * 1024, 1);
    const refused = await logWith(cdn.upload('certificate-scan.pdf', scan, 'application/pdf'), 2, 100 * 1024 * 1024);
    expect(textOf(refused.body)).toContain('certificate-scan.pdf is over the 10 MB I may send');
    expect(d.activityCount()).toBe(0);
  });
});
