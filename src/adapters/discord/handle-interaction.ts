/**
 * Every interaction is answered exactly once within Discord's 3 seconds: the reply itself when
 * the core is quick, otherwise a deferral and then an edit. The error path always answers
 * privately (followUp once replied or deferred, else reply).
 */
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { Reply } from '../../core/index.js';
import { MAX_CHOICES } from '../../core/index.js';
import { within } from '../within.js';
import { describeError, FAILED, handleSafely, type DiscordContext } from './discord-context.js';
import { readButtonId, withGuild } from './button-id.js';
import { LOG_MODAL_ID, logLineFrom, logModal } from './log-modal.js';
import { EPHEMERAL, renderReply } from './render-reply.js';
import { actorOf, chatInputRequest, textRequest } from './to-command-request.js';

const TIMED_OUT = Symbol('timed out');
type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;
const LOG_MODAL_COMMAND = readButtonId(LOG_MODAL_ID)!.command;
/** What a reminder's buttons run (core/nudges/nudge-replies.ts): Log now, Snooze a week, Already renewed. */
const REMINDER_BUTTON = /^(log|snooze [A-Z]+|credential renew [A-Z]+)$/;

export async function handleInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand()) await chatInput(ctx, interaction);
    else if (interaction.isButton() && readButtonId(interaction.customId)) await buttonClick(ctx, interaction);
    else if (interaction.isModalSubmit() && readButtonId(interaction.customId)?.command === LOG_MODAL_COMMAND) await modalSubmit(ctx, interaction);
  } catch (error) {
    ctx.logger.error({ err: describeError(error), interactionType: interaction.type }, 'Discord interaction failed');
    if (interaction.isRepliable()) await answerFailure(ctx, interaction);
  }
}

async function chatInput(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const request = chatInputRequest(interaction);
  const options = request.input.kind === 'structured' ? request.input.options : {};
  if (interaction.options.getSubcommand() === 'log' && options.amount === undefined && !options.cpr) {
    await interaction.showModal(logModal(options));
    return;
  }
  await answer(ctx, interaction, handleSafely(ctx, request));
}

async function buttonClick(ctx: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const { command, guildId } = readButtonId(interaction.customId)!;
  // A server named by a DM button is trusted only for what reminders offer: the clicker's own log,
  // snooze or renewal. Anything else in such an id did not come from us.
  if (guildId && !interaction.guildId && !REMINDER_BUTTON.test(command)) {
    ctx.logger.warn({ userId: interaction.user.id }, 'Discord DM button with an unexpected command ignored');
    await interaction.reply({ content: 'That button does not work here; use `/ceu` in the server.', flags: EPHEMERAL });
    return;
  }
  if (command === 'log') {
    // The form of a reminder's button in a DM keeps the server it is about for the submission.
    const form = logModal();
    await interaction.showModal(guildId ? { ...form, custom_id: withGuild(form.custom_id, guildId) } : form);
    return;
  }
  // One person's click on one button of one message is one request, however often it is clicked.
  const key = `button:${interaction.message.id}:${interaction.customId}:${interaction.user.id}`;
  await answer(ctx, interaction, handleSafely(ctx, textRequest(interaction, command, key, guildId)));
}

async function modalSubmit(ctx: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  const line = logLineFrom((id) => interaction.fields.getTextInputValue(id) ?? '');
  const { guildId } = readButtonId(interaction.customId)!;
  await answer(ctx, interaction, handleSafely(ctx, textRequest(interaction, line, `modal:${interaction.id}`, guildId)));
}

async function autocomplete(ctx: DiscordContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const declared = ctx.bot.commands.find((c) => c.name === interaction.options.getSubcommand())?.options.find((o) => o.name === focused.name);
  const choices = declared?.autocomplete ? await ctx.bot.complete(actorOf(interaction), declared.autocomplete, String(focused.value)) : [];
  await interaction.respond(choices.slice(0, MAX_CHOICES));
}

async function answer(ctx: DiscordContext, interaction: Answerable, pending: Promise<Reply>): Promise<void> {
  const quick = await within(pending, ctx.deferAfterMs, TIMED_OUT);
  if (quick !== TIMED_OUT) {
    await interaction.reply(renderReply(quick));
    return;
  }
  // Replies are personal, so the deferral is private too; the edit then fills it in.
  await interaction.deferReply({ flags: EPHEMERAL });
  const { flags: _, ...message } = renderReply(await pending);
  await interaction.editReply(message);
}

async function answerFailure(ctx: DiscordContext, interaction: Answerable | Exclude<Interaction, AutocompleteInteraction>): Promise<void> {
  if (!interaction.isRepliable()) return;
  const message = { ...renderReply(FAILED), flags: EPHEMERAL };
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (error) {
    ctx.logger.error({ err: describeError(error) }, 'Discord: could not even report the failure');
  }
}
