/**
 * Every interaction is answered exactly once within Discord's 3 seconds: the reply itself (or the
 * log form, which Discord takes only as a first answer) when the core is quick, otherwise a
 * deferral and then an edit. The error path always answers
 * privately (followUp once replied or deferred, else reply); an answer refused as too late goes
 * by DM when it reports a saved change (report-late-change.ts).
 */
import { DiscordAPIError, RESTJSONErrorCodes, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { CommandRequest, Problem, Reply } from '../../core/index.js';
import { MAX_CHOICES } from '../../core/index.js';
import { logOnce } from '../logged-forms.js';
import { within } from '../within.js';
import { describeError, FAILED, handleSafely, type DiscordContext } from './discord-context.js';
import { readButtonId, rowsWithGuild, withGuild } from './button-id.js';
import { CEU, CEU_ADMIN } from './command-manifest.js';
import { ephemeralFile, handleKeepingCertificate, type Certificate } from './keep-certificate.js';
import { extrasFrom, formAgain, formKey, formProblems, formRefusal, logLineFrom, logModal, readLogForm, rememberRefused, type FormExtras } from './log-modal.js';
import { recallForm, rememberForm } from './pending-forms.js';
import { reportLateChange } from './report-late-change.js';
import { EPHEMERAL, renderReply } from './render-reply.js';
import { actorOf, chatInputRequest, textRequest } from './to-command-request.js';

const TIMED_OUT = Symbol('timed out');
type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;
/**
 * What a DM button naming a server may run there: a reminder's (core/nudges/nudge-replies.ts: Log
 * now, Snooze a week, Already renewed) and those of answers a mention there got by DM (Undo, Log
 * another, What do I still need?), or a form from a reminder got (Fix it in the form). All act on
 * the clicker's own data.
 */
const DM_BUTTON_FOR_SERVER = /^(log|log-modal-again \d+|need|snooze [A-Z]+|credential renew [A-Z]+|delete \d+|undo (delete \d+( \d+)?|edit \d+ [a-z]+( \d+)?))$/;
/**
 * Buttons, forms and commands of an older version keep arriving (a message from last month, a form
 * left open across an update, a command Discord still lists): unanswered, Discord tells the member
 * only that "the interaction failed".
 */
const OUTDATED: Reply = {
  visibility: 'private',
  tone: 'warning',
  blocks: [{ kind: 'paragraph', text: 'That comes from an older version of ceu-bot and no longer works; use `/ceu` instead.' }],
};
/** A form whose command gave more than its fields hold, submitted after that was forgotten (pending-forms.ts). */
const FORM_FORGOTTEN: Reply = {
  visibility: 'private',
  tone: 'error',
  blocks: [{ kind: 'paragraph', text: 'Nothing was saved: this form was opened with a unit, provider or certificate that I no longer have (the form was open for over a day, or ceu-bot restarted). Run `/ceu log` again.' }],
};
/** A `log` the core could not start on (no amount, or no unit): the form opens with what was given, to add the rest. */
const TOO_LITTLE_TO_LOG = new Set(['missing-amount', 'invalid-amount', 'missing-unit']);

export async function handleInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) await autocomplete(ctx, interaction);
    else if (interaction.isChatInputCommand() && isCurrentCommand(interaction)) await chatInput(ctx, interaction);
    else if (interaction.isButton() && readButtonId(interaction.customId)) await buttonClick(ctx, interaction);
    else if (interaction.isModalSubmit() && readLogForm(readButtonId(interaction.customId)?.command ?? '')) await modalSubmit(ctx, interaction);
    else if (interaction.isRepliable()) await answerOutdated(ctx, interaction);
  } catch (error) {
    if (isAnswered(error)) {
      // Another delivery of this interaction (a replayed event, a second session on the token) answered it.
      ctx.logger.info({ interactionId: interaction.id }, 'Discord interaction already answered');
      return;
    }
    ctx.logger.error({ err: describeError(error), interactionType: interaction.type }, 'Discord interaction failed');
    if (interaction.isRepliable() && !isExpired(error)) await answerFailure(ctx, interaction);
  }
}

function isCurrentCommand(interaction: ChatInputCommandInteraction): boolean {
  return (interaction.commandName === CEU || interaction.commandName === CEU_ADMIN) && interaction.options.getSubcommand(false) !== null;
}

async function answerOutdated(ctx: DiscordContext, interaction: RepliableInteraction): Promise<void> {
  const customId = 'customId' in interaction ? interaction.customId : undefined;
  const commandName = 'commandName' in interaction ? interaction.commandName : undefined;
  ctx.logger.warn({ interactionType: interaction.type, customId, commandName }, 'Discord interaction from an older version answered as outdated');
  await interaction.reply(renderReply(OUTDATED));
}

async function chatInput(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const request = { ...chatInputRequest(interaction), idempotencyKey: redeliveryKey(interaction) };
  const options = request.input.kind === 'structured' ? request.input.options : {};
  const upload = ephemeralFile(interaction);
  const isLog = interaction.options.getSubcommand() === 'log';
  if (isLog && options.amount === undefined && !options.cpr) {
    await openLogForm(ctx, interaction, options, Boolean(upload));
    return;
  }
  // The core's refusal for want of a unit opens the form instead, filled in, while a form may
  // still be the answer (Discord takes none after a deferral): retyping every option to add one
  // word is what a member gives up on.
  const formInstead = isLog ? async (reply: Reply): Promise<boolean> => {
    if (!reply.problems?.some((p) => TOO_LITTLE_TO_LOG.has(p.code))) return false;
    await openLogForm(ctx, interaction, options, Boolean(upload));
    return true;
  } : undefined;
  if (!upload || request.input.kind !== 'structured') {
    await answer(ctx, interaction, request, handleSafely(ctx, request), formInstead);
    return;
  }
  const input = request.input;
  const withCertificate = (certificate: Certificate): CommandRequest => ({ ...request, input: { ...input, options: { ...input.options, [upload.option]: certificate } } });
  await answer(ctx, interaction, request, handleKeepingCertificate(ctx, interaction, upload.file, withCertificate), formInstead);
}

/** The log form filled in with the command's options; what no field holds waits for it, named by this interaction's id. */
async function openLogForm(ctx: DiscordContext, interaction: ChatInputCommandInteraction, options: Record<string, unknown>, certificateIsEphemeral: boolean): Promise<void> {
  const extras = extrasFrom(options, certificateIsEphemeral);
  if (extras) rememberForm(ctx, interaction.id, extras);
  await interaction.showModal(logModal(options, { id: interaction.id, kept: Boolean(extras) }));
}

async function buttonClick(ctx: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const { command, guildId } = readButtonId(interaction.customId)!;
  // A server named by a DM button is trusted only for what our DMs offer there, all about the
  // clicker's own data. Anything else in such an id did not come from us.
  if (guildId && !interaction.guildId && !DM_BUTTON_FOR_SERVER.test(command)) {
    ctx.logger.warn({ userId: interaction.user.id }, 'Discord DM button with an unexpected command ignored');
    await interaction.reply({ content: 'That button does not work here; use `/ceu` in the server.', flags: EPHEMERAL });
    return;
  }
  const form = command === 'log' ? logModal() : formAgain(ctx, command, interaction.user.id);
  if (form) {
    // The form of a reminder's button in a DM keeps the server it is about for the submission.
    await interaction.showModal(guildId ? { ...form, custom_id: withGuild(form.custom_id, guildId) } : form);
    return;
  }
  // One person's click on one button of one message is one request, however often it is clicked.
  const key = `button:${interaction.message.id}:${interaction.customId}:${interaction.user.id}`;
  await answer(ctx, interaction, textRequest(interaction, command, key, guildId));
}

async function modalSubmit(ctx: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  const { command, guildId } = readButtonId(interaction.customId)!;
  const { formId, kept } = readLogForm(command)!;
  const extras: FormExtras | undefined = kept ? recallForm(ctx, formId!) : {};
  if (!extras) {
    await interaction.reply(renderReply(FORM_FORGOTTEN));
    return;
  }
  const field = (id: string) => textInputValue(interaction, id);
  const line = logLineFrom(field, extras);
  const actor = actorOf(interaction, guildId);
  const form = formKey(interaction.user.id, { ...(formId ? { formId } : {}), ...(interaction.message ? { messageId: interaction.message.id } : {}) }, field, ctx.bot.today(actor));
  const { certificate } = extras;
  const send = (key: string): Promise<Reply> => {
    const request = textRequest(interaction, line, key, guildId);
    return !certificate ? handleSafely(ctx, request)
      : !certificate.ephemeral ? handleSafely(ctx, { ...request, attachment: { url: certificate.url, name: certificate.name } })
      : handleKeepingCertificate(ctx, interaction, certificate, (copy) => ({ ...request, attachment: copy }));
  };
  // A refusal speaks of the form's inputs, and its button opens the form again as it was sent.
  const refused = (problems: readonly Problem[]): Reply => {
    rememberRefused(ctx, interaction.id, { userId: interaction.user.id, customId: interaction.customId, ...(extras.unit ? { unit: extras.unit } : {}) }, field);
    return formRefusal(problems, field, interaction.id);
  };
  const misread = formProblems(field);
  const pending = misread.length > 0 ? Promise.resolve(refused(misread))
    : (form ? logOnce(ctx, actor, form, send) : send(redeliveryKey(interaction))).then((reply) => (reply.problems?.length ? refused(reply.problems) : reply));
  const request = textRequest(interaction, line, form ?? redeliveryKey(interaction), guildId);
  await answer(ctx, interaction, request, pending);
}

/** A form opened before an update may lack a field added since: it reads as left empty. */
function textInputValue(interaction: ModalSubmitInteraction, id: string): string {
  const field = interaction.fields.fields.get(id);
  return field && 'value' in field && typeof field.value === 'string' ? field.value : '';
}

async function autocomplete(ctx: DiscordContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  // A command of an older version may have no subcommand: it gets no suggestions, not a failure.
  const subcommand = interaction.options.getSubcommand(false);
  const declared = ctx.bot.commands.find((c) => c.name === subcommand)?.options.find((o) => o.name === focused.name);
  let choices: Awaited<ReturnType<typeof ctx.bot.complete>> = [];
  try {
    if (declared?.autocomplete) choices = await ctx.bot.complete(actorOf(interaction), declared.autocomplete, String(focused.value));
  } catch (error) {
    // Suggestions are a convenience: without them the member types the value, as Discord lets them.
    ctx.logger.warn({ err: describeError(error), option: focused.name }, 'Discord autocomplete failed; offering no suggestions');
  }
  await interaction.respond(choices.slice(0, MAX_CHOICES));
}

/** A request keyed by the interaction's own id runs once however often Discord delivers that interaction. */
function redeliveryKey(interaction: Interaction): string {
  return `interaction:${interaction.id}`;
}

/**
 * `pending`: the core's answer to `request`, unless something must happen around it first;
 * `instead`: answers a quick reply another way (true), or leaves it to be sent (false).
 */
async function answer(ctx: DiscordContext, interaction: Answerable, request: CommandRequest, pending = handleSafely(ctx, request), instead?: (reply: Reply) => Promise<boolean>): Promise<void> {
  try {
    await respond(ctx, interaction, request, pending, instead);
  } catch (error) {
    if (!isExpired(error) || !(await reportLateChange(ctx, interaction, request, await pending))) throw error;
  }
}

async function respond(ctx: DiscordContext, interaction: Answerable, request: CommandRequest, pending: Promise<Reply>, instead?: (reply: Reply) => Promise<boolean>): Promise<void> {
  const quick = await within(pending, ctx.deferAfterMs, TIMED_OUT);
  if (quick !== TIMED_OUT) {
    // The same interaction delivered again: its first delivery answers it, and Discord takes one answer.
    if (quick.duplicate && request.idempotencyKey === redeliveryKey(interaction)) return;
    if (await instead?.(quick)) return;
    await interaction.reply(rendered(interaction, request, quick));
    return;
  }
  // Replies are personal, so the deferral is private too; the edit then fills it in.
  await interaction.deferReply({ flags: EPHEMERAL });
  const { flags: _, ...message } = rendered(interaction, request, await pending);
  await interaction.editReply(message);
}

/**
 * An answer in a DM about a server (a reminder's button, the form it opened) has buttons that
 * name the server, as the reminder's do: a click there carries none, and would act in the DM space.
 */
function rendered(interaction: Answerable, request: CommandRequest, reply: Reply): ReturnType<typeof renderReply> {
  const message = renderReply(reply);
  const { tenantId } = request.actor;
  return interaction.guildId || tenantId.startsWith('dm:') ? message : { ...message, components: rowsWithGuild(message.components, tenantId) };
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

/** Discord takes one initial response per interaction (40060 for a second). */
function isAnswered(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** Past its deadline an interaction is unknown (10062): no answer, not even the failure's, gets through. */
function isExpired(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction;
}
