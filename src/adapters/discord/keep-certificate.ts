/**
 * A file attached to a slash command option is ephemeral: Discord removes it after a while
 * (discord.com/developers/docs/resources/message#attachment-object: "Ephemeral attachments will
 * automatically be removed after a set period of time"), while a certificate is kept for audits,
 * years on. So a copy goes to the member's DM with the bot, which lasts as long as that message,
 * and the activity links to the message (as a file sent with a typed `log` links to the member's
 * own message). When no copy can be made (DMs closed, the file already gone), nothing is saved
 * and the member hears how to go on.
 */
import type { CommandRequest, Reply } from '../../core/index.js';
import type { Attachment, ChatInputCommandInteraction, RepliableInteraction } from 'discord.js';
import { describeError, handleSafely, type DiscordContext } from './discord-context.js';

export interface Certificate {
  url: string;
  name: string;
}

/** Discord serves uploads quickly; a download that stalls must not hold the answer for long. */
const DOWNLOAD_TIMEOUT_MS = 15_000;
/**
 * What a bot may upload in a DM: the base limit (10 MiB). A boosted server's larger limit, which
 * `interaction.attachmentSizeLimit` gives there, does not carry over to the DM the copy goes to.
 */
const DM_UPLOAD_LIMIT = 10 * 1024 * 1024;

/** The slash command's ephemeral file option, if any: the only kind Discord removes. */
export function ephemeralFile(interaction: ChatInputCommandInteraction): { option: string; file: Attachment } | undefined {
  const option = interaction.options.data[0]?.options?.find((o) => o.attachment?.ephemeral);
  return option?.attachment ? { option: option.name, file: option.attachment } : undefined;
}

/**
 * The core's answer to the request `withCertificate` builds around the kept copy. A copy is taken
 * back when nothing was saved with it (a refusal, a failure, a repeat), so that none is left
 * pointing at nothing.
 */
export async function handleKeepingCertificate(
  ctx: DiscordContext,
  interaction: RepliableInteraction,
  file: Certificate,
  withCertificate: (certificate: Certificate) => CommandRequest,
): Promise<Reply> {
  const data = await download(ctx, interaction, file);
  const copy = typeof data === 'string' ? data : ((await sendCopy(ctx, interaction, file.name, data)) ?? 'dm-refused');
  if (typeof copy === 'string') return notKept(file.name, copy, interaction);
  const reply = await handleSafely(ctx, withCertificate({ url: copy.url, name: file.name }));
  if (reply.tone === 'error' || reply.duplicate) {
    await copy.delete().catch((error: unknown) => ctx.logger.warn({ err: describeError(error), userId: interaction.user.id }, 'Discord: could not take back an unused certificate copy'));
  }
  return reply;
}

type NotKept = 'file-gone' | 'too-big' | 'dm-refused';

async function download(ctx: DiscordContext, interaction: RepliableInteraction, file: Certificate): Promise<Buffer | NotKept> {
  try {
    const response = await fetch(file.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`the file answered ${response.status}`);
    // Members may attach far more than a bot may send (interaction.attachmentSizeLimit): not read at all.
    if (Number(response.headers.get('content-length')) > dmLimit(interaction)) {
      await response.body?.cancel();
      return 'too-big';
    }
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // The file's link is signed: it is not logged.
    ctx.logger.warn({ err: describeError(error), userId: interaction.user.id }, 'Discord: could not download a certificate attached to a slash command');
    return 'file-gone';
  }
}

async function sendCopy(ctx: DiscordContext, interaction: RepliableInteraction, name: string, data: Buffer) {
  const where = interaction.guild ? ` in ${interaction.guild.name}` : '';
  try {
    return await interaction.user.send({
      content: `${name}, the certificate you attached to \`/ceu log\`${where}: Discord removes files attached to slash commands after a while, so I keep it here. Your activity links to this message; please keep it.`,
      files: [{ attachment: data, name }],
    });
  } catch (error) {
    ctx.logger.warn({ err: describeError(error), userId: interaction.user.id }, 'Discord: could not keep a copy of a certificate in the DM');
    return undefined;
  }
}

function notKept(name: string, why: NotKept, interaction: RepliableInteraction): Reply {
  const limitMb = Math.floor(dmLimit(interaction) / (1024 * 1024));
  const text = {
    'file-gone': `Nothing was saved: Discord has already removed ${name} (files attached to slash commands last only a while). Attach it again with \`/ceu log\`, or log it without the file.`,
    'too-big': `Nothing was saved: Discord removes files attached to slash commands after a while, so I keep a copy in our DM, and ${name} is over the ${limitMb} MB I may send. Attach a smaller file (a PDF, or a photo of the certificate), or log it without the file.`,
    'dm-refused': `Nothing was saved: Discord removes files attached to slash commands after a while, so I keep a copy of ${name} in our DM, and I could not send it there. ${interaction.guildId ? 'Allow direct messages from this server (Server menu → Privacy Settings) and try again' : 'Try again'}, or log it without the file.`,
  }[why];
  return { visibility: 'private', tone: 'error', blocks: [{ kind: 'paragraph', text }] };
}

const dmLimit = (interaction: RepliableInteraction): number => Math.min(interaction.attachmentSizeLimit, DM_UPLOAD_LIMIT);
