import blockActionsFixture from './fixtures/slack/block-actions.json' with { type: 'json' };
import slashCommandFixture from './fixtures/slack/slash-command.json' with { type: 'json' };
import viewSubmissionFixture from './fixtures/slack/view-submission.json' with { type: 'json' };
import type { FakeSlack } from './fake-slack.js';
import { mergeOverrides, type Overrides } from './merge-overrides.js';
import { nextSlackPayloadIds } from './slack-payload-ids.js';

/** Only `response_url` is needed from the fake: replies to these payloads go there. */
type ResponseUrlSource = Pick<FakeSlack, 'responseUrl'>;

/** Form fields, all strings, as Slack posts them (and as Socket Mode's `slash_commands` payload). */
export type SlashCommandFields = typeof slashCommandFixture;
export type BlockActionsPayload = typeof blockActionsFixture;
/** Keyed by block_id, then action_id, as in `view.state.values`. */
export type SlackStateValues = Record<string, Record<string, { type: string; [field: string]: unknown }>>;
type ViewFixture = typeof viewSubmissionFixture.view;
export type ViewSubmissionPayload = Omit<typeof viewSubmissionFixture, 'view'> & { view: Omit<ViewFixture, 'state'> & { state: { values: SlackStateValues } } };

/** `/ceu <text>` from U0001 in C0001, answering to a response_url on the fake. */
export function makeSlashCommand(fake: ResponseUrlSource, text: string, overrides: Partial<SlashCommandFields> & Record<string, string> = {}): SlashCommandFields {
  const ids = nextSlackPayloadIds();
  return { ...slashCommandFixture, text, response_url: fake.responseUrl(), trigger_id: ids.triggerId, ...overrides };
}

/** A button click on one of the bot's messages in C0001. */
export function makeBlockAction(fake: ResponseUrlSource, actionId: string, value: string, overrides: Overrides<BlockActionsPayload> = {}): BlockActionsPayload {
  const ids = nextSlackPayloadIds();
  const fixture = structuredClone(blockActionsFixture);
  const action = { ...fixture.actions[0]!, action_id: actionId, value, action_ts: ids.ts };
  return mergeOverrides({ ...fixture, trigger_id: ids.triggerId, response_url: fake.responseUrl(), actions: [action] }, overrides);
}

/**
 * A click on a button of a message the bot sent U0001 by DM (a reminder from the scheduler):
 * the channel is the DM (id D…, named 'directmessage'), the message is the one the bot posted.
 */
export function makeDirectMessageClick(fake: ResponseUrlSource, posted: { text?: unknown; blocks?: unknown }, actionId: string, overrides: Overrides<BlockActionsPayload> = {}): BlockActionsPayload {
  const blocks = (posted.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
  const button = blocks.flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : [])).find((e) => e.action_id === actionId);
  if (!button?.value) throw new Error(`the message has no ${actionId} button`);
  const ts = nextSlackPayloadIds().ts;
  const channel = `D${blockActionsFixture.user.id}`;
  const message = { ...blockActionsFixture.message, ts, text: String(posted.text ?? ''), blocks };
  return makeBlockAction(fake, actionId, button.value, {
    container: { message_ts: ts, channel_id: channel },
    channel: { id: channel, name: 'directmessage' },
    message,
    ...overrides,
  } as Overrides<BlockActionsPayload>);
}

/** A modal submitted by U0001; `stateValues` is what its inputs held. */
export function makeViewSubmission(callbackId: string, stateValues: SlackStateValues, overrides: Overrides<ViewSubmissionPayload> = {}): ViewSubmissionPayload {
  const ids = nextSlackPayloadIds();
  const fixture = structuredClone(viewSubmissionFixture);
  const view = { ...fixture.view, callback_id: callbackId, state: { values: stateValues }, hash: `${ids.eventTime}.h` };
  return mergeOverrides({ ...fixture, trigger_id: ids.triggerId, view }, overrides);
}
