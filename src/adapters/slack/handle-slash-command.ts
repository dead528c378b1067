/**
 * `/ceu <text>`. Slack wants an ack within 3 s: when the core answers inside the budget the reply
 * rides on the ack (one round trip); otherwise the ack says "working on it" and the reply follows
 * through response_url. Either way there is exactly one ack.
 */
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { Reply } from '../../core/index.js';
import { fromSlackText } from './from-slack-text.js';
import { formUnavailable, logModal, typedLog } from './log-modal.js';
import { renderReply } from './render-reply.js';
import { callSlack, handleSafely, lookupQuickly, publishHome, todayFor, type SlackContext } from './slack-context.js';
import type { SlackUser } from './user-directory.js';
import { isDirectChannel, tenantOf, textRequest } from './to-command-request.js';
import { within } from '../within.js';

const TIMED_OUT = Symbol('timed out');
/** A `log` the core could not start on (no amount, or no unit): the form opens with what was typed, to add the rest. */
const TOO_LITTLE_TO_LOG = new Set(['missing-amount', 'invalid-amount', 'missing-unit']);

const COMMAND = '/ceu';

/**
 * Global middleware rather than `app.command`: Bolt runs every listener's filters on every
 * request, and answering `/ceu` here, without `next()`, spares each slash command that work
 * (measured: about 25 µs of its 50 µs in Bolt in a burst). Anything else goes on to the listeners.
 */
export function handleSlashCommand(app: App, ctx: SlackContext): void {
  app.use(async (args) => {
    if (!('command' in args) || args.command.command !== COMMAND) return args.next();
    await answer(ctx, args);
  });
}

async function answer(ctx: SlackContext, { command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const startedAt = Date.now();
  const tenantId = tenantOf(context);
  const text = fromSlackText(command.text).trim();
  const user = await lookupQuickly(ctx, command.user_id, ctx.ackBudgetMs / 2);
  const form: LogForm = { triggerId: command.trigger_id, tenantId, userId: command.user_id, user };
  if (/^log$/i.test(text)) {
    await ack();
    await openLogFormOrSay(ctx, client, form, respond);
    return;
  }
  const request = textRequest({ tenantId, userId: command.user_id, channelId: command.channel_id, isDirect: isDirectChannel({ id: command.channel_id, name: command.channel_name }), text: text || 'help', user });
  const pending = handleSafely(ctx, request, user);
  const quick = await within(pending, Math.max(0, ctx.ackBudgetMs - (Date.now() - startedAt)), TIMED_OUT);
  if (quick === TIMED_OUT) {
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    await respondOrSendDirect(ctx, client, command.user_id, await pending, respond);
  } else if (/^log\b/i.test(text) && quick.problems?.some((p) => TOO_LITTLE_TO_LOG.has(p.code))) {
    await ack();
    await openLogFormOrSay(ctx, client, { ...form, typed: text }, respond);
    return;
  } else {
    await ack(toResponse(quick));
  }
  if ((quick === TIMED_OUT ? await pending : quick).tone === 'success') await publishHome(ctx, client, tenantId, command.user_id);
}

/**
 * Who the log form opens for, in answer to what; `button`: the button that opened it, if one did;
 * `typed`: the `log` line whose words the form opens with.
 */
export interface LogForm {
  triggerId: string;
  tenantId: string;
  userId: string;
  user: SlackUser;
  button?: string;
  typed?: string;
}

/** Opens the log form; false when Slack refused (the failure is logged). */
export async function openLogModal(ctx: SlackContext, client: webApi.WebClient, form: LogForm): Promise<boolean> {
  const todayOn = todayFor(ctx, form.tenantId, form.userId, form.user);
  const view = logModal(ctx.logCommand, todayOn, {
    ...(form.button ? { button: form.button } : {}),
    ...(form.typed ? { typed: typedLog(ctx.logCommand, form.typed, todayOn) } : {}),
  });
  const opened = await callSlack(ctx, 'views.open', () => client.views.open({ trigger_id: form.triggerId, view }));
  return opened !== undefined;
}

/** The ack was empty, waiting for the form: if it does not open, the member hears why instead of nothing. */
async function openLogFormOrSay(ctx: SlackContext, client: webApi.WebClient, form: LogForm, respond: SlackCommandMiddlewareArgs['respond']): Promise<void> {
  if (await openLogModal(ctx, client, form)) return;
  await callSlack(ctx, 'response_url', () => respond(toResponse(formUnavailable(ctx.logCommand))));
}

/**
 * A late answer replaces "Working on it…" through response_url. Should Slack refuse that post (the
 * URL used up or expired, a network failure), the answer comes by DM instead: the member must not
 * be left with "Working on it…" and make the change again.
 */
async function respondOrSendDirect(ctx: SlackContext, client: webApi.WebClient, userId: string, reply: Reply, respond: SlackCommandMiddlewareArgs['respond']): Promise<void> {
  if (await callSlack(ctx, 'response_url', () => respond({ ...toResponse(reply), replace_original: true }))) return;
  await callSlack(ctx, 'chat.postMessage', () => client.chat.postMessage({ channel: userId, ...renderReply(reply) }));
}

export function toResponse(reply: Reply) {
  const { text, blocks } = renderReply(reply);
  return { response_type: reply.visibility === 'public' ? ('in_channel' as const) : ('ephemeral' as const), text, blocks };
}
